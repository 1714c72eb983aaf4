package org.facsflow.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/** Checks shared by still images and videos, so that both name the common problems the same way. */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * The path named by {@code input}. Java encodes file names in the locale's character set, so under {@code LC_ALL=C}
     * (ASCII) a name with any other character cannot even be named: that is reported as this input's problem, not
     * thrown as an unchecked exception that would end a whole batch. (The {@code facsflow} launcher runs Java in
     * {@code C.UTF-8} when the locale is plain C or POSIX, so this is for other ways of starting it.)
     */
    public static Path pathOf(String input) throws MediaException {
        try {
            return Path.of(input);
        } catch (InvalidPathException e) {
            throw new MediaException(input, "the file name has characters this system's locale cannot encode ("
                    + System.getProperty("sun.jnu.encoding") + "); run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8", e);
        }
    }

    /** Fails unless {@code file} is a readable regular file with at least one byte. */
    public static void requireNonEmptyFile(Path file) throws MediaException {
        if (Files.isDirectory(file)) throw new MediaException(file, "is a directory, not a file");
        if (!Files.exists(file)) throw new MediaException(file, "file not found");
        if (!Files.isReadable(file)) throw new MediaException(file, "cannot read the file (permission denied)");
        try {
            if (Files.size(file) == 0) throw new MediaException(file, "empty file (0 bytes)");
        } catch (IOException e) {
            throw new MediaException(file, "cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Why a picture of {@code width x height} is refused ({@code what}: "image", "video frames"), or null when it is
     * within {@link StillImages#MAX_SIDE} and {@link StillImages#MAX_PIXELS}: stills and video frames share them.
     */
    static String sizeProblem(String what, int width, int height) {
        if (width <= StillImages.MAX_SIDE && height <= StillImages.MAX_SIDE
                && (long) width * height <= StillImages.MAX_PIXELS) return null;
        return String.format(Locale.ROOT, "%s too large (%dx%d; the limit is %d pixels a side and %d megapixels)",
                what, width, height, StillImages.MAX_SIDE, StillImages.MAX_PIXELS / 1_000_000);
    }
}
