package org.facsflow.study;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Keeps two {@code study run}s out of one study folder: an operating-system lock on {@code STUDYDIR/run.lock}
 * ({@link FileChannel#tryLock()}, POSIX record locks on Linux), held for the whole run. The file says who holds it
 * (pid, host, since when), for the message the second run prints.
 * <p>
 * A stale lock cannot block: the kernel releases a process's locks when it ends, however it ends (kill -9, power
 * loss), so a lock file left behind is only text, and the next run takes it over. The file is never deleted (a
 * run that deleted it could let a third run lock a new file while a second holds the old one); it is emptied on
 * release.
 */
public final class StudyLock implements AutoCloseable {
    public static final String FILE = "run.lock";
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final FileChannel channel;
    private final FileLock lock;

    private StudyLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock, or throws an {@link IOException} naming the run that holds it. */
    public static StudyLock acquire(Path studyDir) throws IOException {
        Files.createDirectories(studyDir);
        Path file = studyDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another run in this same process
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot lock " + file + " (" + e.getMessage() + "): the file system may not support "
                    + "locks; run 'study run' on a local folder", e);
        }
        if (lock == null) {
            channel.close();
            String owner = Files.readString(file, StandardCharsets.UTF_8).strip();
            throw new IOException("study folder " + studyDir + " is in use by another 'study run'"
                    + (owner.isEmpty() ? "" : " (" + owner + ")") + "; wait for it to finish. A run that was killed "
                    + "releases the lock by itself, so if none is running, just start again");
        }
        String owner = "pid " + ProcessHandle.current().pid() + " on host " + host() + ", since "
                + ZonedDateTime.now().format(SINCE);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((owner + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new StudyLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** The host's name; the kernel's on Linux (no name lookup, which can hang on a badly configured network). */
    private static String host() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) return Files.readString(kernel, StandardCharsets.UTF_8).strip();
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
