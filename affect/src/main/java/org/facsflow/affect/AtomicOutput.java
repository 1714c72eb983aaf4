package org.facsflow.affect;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a result file whole or not at all: into a temporary file beside the target, renamed over it when complete,
 * deleted on failure. (The CLI's AtomicFile does the same for the apps module, which this module cannot see.)
 */
public final class AtomicOutput {
    /** What writes the content. */
    public interface Content<T> {
        void write(T out) throws IOException;
    }

    private AtomicOutput() {
    }

    public static void write(Path target, Content<OutputStream> content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.write(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** UTF-8 text. */
    public static void writeText(Path target, Content<Writer> content) throws IOException {
        write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.write(w);
            w.flush();
        });
    }
}
