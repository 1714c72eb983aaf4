package org.facsflow.study;

import org.facsflow.io.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Study results that a library writes by name (DuckDB databases, Parquet): written under a predictable temporary
 * name beside the target ({@code .NAME.part}), then renamed over it. The name is predictable, unlike
 * {@link AtomicFile}'s, so that a resumed run can delete what a crash left (DuckDB's write-ahead log included).
 */
public final class AtomicWrite {
    static final String PART = ".part";

    private AtomicWrite() {
    }

    /** The temporary name {@code target} is written under. */
    public static Path partOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + PART);
    }

    /** Renames a finished temporary file over {@code target}. */
    public static void commit(Path part, Path target) throws IOException {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void writeString(Path target, String text) throws IOException {
        AtomicFile.writeText(target, w -> w.write(text));
    }

    /** Deletes the temporary files an interrupted run left in {@code dir}. */
    static void deleteLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(PART)) Files.deleteIfExists(p);
            }
        }
    }
}
