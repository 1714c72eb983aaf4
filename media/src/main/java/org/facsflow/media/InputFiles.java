package org.facsflow.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks shared by still images and videos, so that both name the common problems the same way. */
final class InputFiles {
    private InputFiles() {
    }

    /** Fails unless {@code file} is a readable regular file with at least one byte. */
    static void requireNonEmptyFile(Path file) throws MediaException {
        if (Files.isDirectory(file)) throw new MediaException(file, "is a directory, not a file");
        if (!Files.exists(file)) throw new MediaException(file, "file not found");
        if (!Files.isReadable(file)) throw new MediaException(file, "cannot read the file (permission denied)");
        try {
            if (Files.size(file) == 0) throw new MediaException(file, "empty file (0 bytes)");
        } catch (IOException e) {
            throw new MediaException(file, "cannot read the file (" + e.getMessage() + ")", e);
        }
    }
}
