package org.facsflow.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Results that appear whole or not at all: written under a temporary name beside the target ({@code .NAME.part}),
 * then renamed over it. A crash leaves at most a {@code .part} file, which the next run deletes.
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
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path part = partOf(target.toAbsolutePath());
        try {
            Files.writeString(part, text, StandardCharsets.UTF_8);
            commit(part, target);
        } finally {
            Files.deleteIfExists(part);
        }
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
