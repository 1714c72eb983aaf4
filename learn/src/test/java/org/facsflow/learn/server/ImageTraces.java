package org.facsflow.learn.server;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Looks for image data in files written since a moment: JPEG (a start-of-image marker followed by a JPEG segment
 * marker), PNG (its 8-byte signature), base64 runs long enough to hold a small picture, and any other binary file
 * over 64 KiB, whatever it holds.
 */
final class ImageTraces {
    static final int BLOB = 64 * 1024, BASE64_RUN = 400;

    private ImageTraces() {
    }

    /** One line per finding: the file and what was found. */
    static List<String> find(Path root, FileTime since, List<String> binaryAllowed) throws IOException {
        List<String> found = new ArrayList<>();
        if (!Files.exists(root)) return found;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (Files.getLastModifiedTime(f).compareTo(since) < 0) continue;
                byte[] b = Files.readAllBytes(f);
                String what = image(b);
                if (what != null) found.add(f + ": " + what);
                else if (b.length > BLOB && !text(b) && binaryAllowed.stream().noneMatch(s -> f.toString().endsWith(s)))
                    found.add(f + ": binary file of " + b.length + " bytes");
            }
        }
        return found;
    }

    static String image(byte[] b) {
        for (int i = 0; i + 8 < b.length; i++) {
            if ((b[i] & 0xff) == 0xff && (b[i + 1] & 0xff) == 0xd8 && (b[i + 2] & 0xff) == 0xff) {
                int marker = b[i + 3] & 0xff;
                if (marker == 0xe0 || marker == 0xe1 || marker == 0xdb || marker == 0xc0 || marker == 0xc4 || marker == 0xfe)
                    return "a JPEG image at byte " + i;
            }
            if ((b[i] & 0xff) == 0x89 && b[i + 1] == 'P' && b[i + 2] == 'N' && b[i + 3] == 'G' && b[i + 4] == '\r'
                    && b[i + 5] == '\n' && b[i + 6] == 0x1a && b[i + 7] == '\n')
                return "a PNG image at byte " + i;
        }
        int run = 0;
        for (int i = 0; i < b.length; i++) {
            char c = (char) (b[i] & 0xff);
            boolean base64 = Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/' || c == '=';
            run = base64 ? run + 1 : 0;
            if (run >= BASE64_RUN) return "a base64 run of " + BASE64_RUN + "+ characters ending at byte " + i;
        }
        return null;
    }

    private static boolean text(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
