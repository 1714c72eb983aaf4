package org.facsflow.modelprep.mediapipe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one file out of an Emscripten packed-assets bundle (MediaPipe's {@code *_packed_assets.data}). The bundle is
 * a plain concatenation; its loader script calls {@code loadPackage({"files": [{"filename", "start", "end"}, ...]})}
 * and that JSON literal is the only index, so we parse it rather than trusting offsets that change per release.
 */
public final class PackedAssets {
    private static final String INDEX_START = "{\"files\"";

    private PackedAssets() {
    }

    /** Byte range [start, end) of one bundled file. */
    public record Entry(long start, long end) {
    }

    /**
     * The bytes of the bundled file whose path ends with {@code "/" + fileName} (or equals it).
     *
     * @param dataFile the {@code .data} bundle
     * @param loaderJs its {@code _loader.js}
     */
    public static byte[] read(Path dataFile, Path loaderJs, String fileName) throws IOException {
        Map<String, Entry> index = index(Files.readString(loaderJs, StandardCharsets.UTF_8));
        Entry entry = null;
        for (Map.Entry<String, Entry> e : index.entrySet())
            if (e.getKey().equals(fileName) || e.getKey().endsWith("/" + fileName)) entry = e.getValue();
        if (entry == null)
            throw new IOException(fileName + " is not in " + loaderJs.getFileName() + " (it lists " + index.keySet() + ")");
        try (RandomAccessFile file = new RandomAccessFile(dataFile.toFile(), "r")) {
            if (entry.end() > file.length())
                throw new IOException(dataFile.getFileName() + " is " + file.length() + " bytes but " + fileName
                        + " ends at " + entry.end());
            byte[] bytes = new byte[Math.toIntExact(entry.end() - entry.start())];
            file.seek(entry.start());
            file.readFully(bytes);
            return bytes;
        }
    }

    /** Bundled path to byte range, in the loader's order. */
    public static Map<String, Entry> index(String loaderJs) throws IOException {
        int at = loaderJs.indexOf(INDEX_START);
        if (at < 0) throw new IOException("no " + INDEX_START + " index in the loader script");
        JsonNode root;
        // The parser stops after the first complete object, so the script text after it does not matter.
        try (JsonParser parser = new ObjectMapper().createParser(loaderJs.substring(at))) {
            root = parser.readValueAsTree();
        }
        JsonNode files = root.path("files");
        if (!files.isArray() || files.isEmpty()) throw new IOException("the loader script's file index is empty");
        Map<String, Entry> index = new LinkedHashMap<>();
        for (JsonNode f : files) {
            long start = f.path("start").asLong(-1), end = f.path("end").asLong(-1);
            if (!f.path("filename").isTextual() || start < 0 || end < start)
                throw new IOException("malformed file index entry " + f);
            index.put(f.get("filename").asText(), new Entry(start, end));
        }
        return index;
    }
}
