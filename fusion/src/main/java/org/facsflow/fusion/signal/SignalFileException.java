package org.facsflow.fusion.signal;

import java.io.IOException;
import java.nio.file.Path;

/** A signal file that cannot be read or aligned: the message is one line, {@code "<file>: <problem>"}. */
public final class SignalFileException extends IOException {
    public SignalFileException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
