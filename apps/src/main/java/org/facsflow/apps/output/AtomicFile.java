package org.facsflow.apps.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file that appears whole or not at all: bytes go to a temporary file beside the target, which is renamed
 * over it on {@link #commit()}. Closing without committing deletes the temporary file, so a failure or a crash never
 * leaves a half-written result under the real name.
 */
public final class AtomicFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private boolean committed;

    private AtomicFile(Path target) throws IOException {
        this.target = target;
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        this.temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        this.out = Files.newOutputStream(temp);
    }

    public static AtomicFile create(Path target) throws IOException {
        return new AtomicFile(target);
    }

    public OutputStream stream() {
        return out;
    }

    /** A UTF-8 writer on the stream; flush or close it before {@link #commit()}. */
    public BufferedWriter writer() {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    public Path target() {
        return target;
    }

    public void commit() throws IOException {
        out.close();
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (committed) return;
        out.close();
        Files.deleteIfExists(temp);
    }
}
