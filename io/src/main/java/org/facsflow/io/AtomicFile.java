package org.facsflow.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output file that appears whole or not at all: bytes go to a temporary file beside the target, which is renamed
 * over it on {@link #commit()}. Closing without committing deletes the temporary file, so a failure or a crash never
 * leaves a half-written result under the real name.
 *
 * <p>Temporary files are named {@code .NAME.pidPID.RANDOM.part} after the target and the writing process. A process
 * that dies before it can delete its own (kill -9, a power cut; Ctrl-C deletes them) leaves one behind, so the first
 * AtomicFile a process creates in a folder deletes the temporary files there whose process is no longer running:
 * leftovers never outlive the next run into the same folder. Files of running processes are left alone (a second
 * run writing into the same folder); so is anything not named by this rule.
 */
public final class AtomicFile implements AutoCloseable {
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.pid(\\d+)\\.\\d+\\.part");
    private static final long PID = ProcessHandle.current().pid();
    /** Folders this process has already cleared of dead processes' temporary files. */
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private boolean committed;

    private AtomicFile(Path target, boolean stream) throws IOException {
        this.target = target;
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (SWEPT.add(dir)) deleteLeftovers(dir);
        this.temp = Files.createTempFile(dir, "." + target.getFileName() + ".pid" + PID + ".", ".part");
        temp.toFile().deleteOnExit(); // interrupted (Ctrl-C) before commit or close: no stray part-file either
        this.out = stream ? Files.newOutputStream(temp) : null;
    }

    public static AtomicFile create(Path target) throws IOException {
        return new AtomicFile(target, true);
    }

    /** What writes a file's content. */
    public interface Content<T> {
        void write(T out) throws IOException;
    }

    /** Writes {@code target} whole or not at all, in one call. */
    public static void write(Path target, Content<OutputStream> content) throws IOException {
        try (AtomicFile file = create(target)) {
            content.write(file.stream());
            file.commit();
        }
    }

    /** As {@link #write}, for UTF-8 text. */
    public static void writeText(Path target, Content<Writer> content) throws IOException {
        try (AtomicFile file = create(target)) {
            Writer writer = file.writer();
            content.write(writer);
            writer.flush();
            file.commit();
        }
    }

    /**
     * For a library that writes a file by name (FFmpeg, DuckDB): it writes {@link #tempPath()}, which must be told
     * its format, as the name ends in ".part"; no stream is opened.
     */
    public static AtomicFile byName(Path target) throws IOException {
        return new AtomicFile(target, false);
    }

    public OutputStream stream() {
        if (out == null) throw new IllegalStateException("written by name: " + temp);
        return out;
    }

    /** The temporary file that becomes {@link #target()} on commit. */
    public Path tempPath() {
        return temp;
    }

    /** A UTF-8 writer on the stream; flush or close it before {@link #commit()}. */
    public BufferedWriter writer() {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    public Path target() {
        return target;
    }

    public void commit() throws IOException {
        if (out != null) out.close();
        // Temporary files are private (0600); a result is an ordinary file, readable like any the user writes.
        if (temp.getFileSystem().supportedFileAttributeViews().contains("posix"))
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    /**
     * Deletes the temporary files in {@code dir} whose writing process is gone. Best effort: a file that cannot be
     * listed or deleted now is left for a later run, as this one's output does not depend on it.
     */
    private static void deleteLeftovers(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher name = TEMPORARY.matcher(file.getFileName().toString());
                if (!name.matches()) continue;
                long pid = Long.parseLong(name.group(1));
                if (pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // left for a later run
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            // the folder cannot be listed now: left for a later run
        }
    }

    @Override
    public void close() throws IOException {
        if (committed) return;
        if (out != null) out.close();
        Files.deleteIfExists(temp);
    }
}
