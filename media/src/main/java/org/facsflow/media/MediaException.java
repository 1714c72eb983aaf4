package org.facsflow.media;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An input that cannot be read: a missing file, something that is not an image or video, a damaged file, a camera
 * that does not exist. Checked, because a bad input is an expected outcome that a batch run must handle per file
 * (report it, go on with the next) rather than a programming error.
 *
 * <p>The message is one line, {@code "<source>: <problem>"}, e.g. {@code "photo.png: not an image (unrecognised
 * format)"}, written for the command line to print as it is.
 */
public final class MediaException extends Exception {
    private final transient Path file;
    private final String source;
    private final String problem;

    public MediaException(Path file, String problem) {
        this(file, problem, null);
    }

    public MediaException(Path file, String problem, Throwable cause) {
        this(file, file.toString(), problem, cause);
    }

    /** For sources that are not files: {@code camera:0}, {@code lavfi:...}. */
    public MediaException(String source, String problem, Throwable cause) {
        this(null, source, problem, cause);
    }

    private MediaException(Path file, String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.file = file;
        this.source = source;
        this.problem = problem;
    }

    /** The file, when the source is one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The path or source spec as the caller gave it. */
    public String source() {
        return source;
    }

    /** The problem alone, without the source. */
    public String problem() {
        return problem;
    }
}
