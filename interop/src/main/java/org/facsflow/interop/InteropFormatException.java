package org.facsflow.interop;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not what its reader expects: malformed, truncated, or a layout or version it does not know. The
 * message names the file, the line where there is one, what was found and what was expected.
 */
public final class InteropFormatException extends IOException {
    public InteropFormatException(Path file, int line, String problem) {
        super(file + (line > 0 ? ": line " + line : "") + ": " + problem);
    }

    public InteropFormatException(Path file, String problem) {
        this(file, 0, problem);
    }
}
