package org.facsflow.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The rule by which a rerun keeps a recording's stored frames instead of extracting it again, for any store: the
 * file is whole (its SHA-256 matches the one written beside it before the file was renamed into place), readable, of
 * the expected schema and extraction settings, and of this video (size and modification time) and stimulus end. {@link StudyStore} applies it
 * to local files; the Spark job to files on any Hadoop file system. The keys below are the results' key-value
 * metadata.
 */
public final class StoredFrames {
    public static final String SCHEMA = "schema", VIDEO = "video", VIDEO_SIZE = "video_size",
            VIDEO_MODIFIED = "video_modified", END = "end_s", FRAMES = "frames", EXTRACTOR = "extractor",
            SIMULATED = "simulated", SETTINGS = "settings";

    private StoredFrames() {
    }

    /**
     * What a rerun does with a recording.
     *
     * @param frames the frame rows stored, when complete and current; -1 when the recording must be extracted
     * @param redo   why it must be extracted again (damaged, changed); empty when complete or never extracted
     */
    public record Verdict(long frames, String redo) {
        public boolean complete() {
            return frames >= 0;
        }
    }

    /**
     * What tells a changed recording from the one already extracted: a video file's size and modification time
     * (milliseconds); for a folder of frames, the sizes of its files summed and the newest modification time of the
     * folder (which moves when a frame is added or removed) and its files.
     */
    public record Fingerprint(long size, long modified) {
        public static Fingerprint of(Path video) throws IOException {
            if (!Files.isDirectory(video)) return new Fingerprint(Files.size(video), Files.getLastModifiedTime(video).toMillis());
            long size = 0, modified = Files.getLastModifiedTime(video).toMillis();
            try (var files = Files.list(video)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (!Files.isRegularFile(f)) continue;
                    size += Files.size(f);
                    modified = Math.max(modified, Files.getLastModifiedTime(f).toMillis());
                }
            }
            return new Fingerprint(size, modified);
        }
    }

    /** What a store can tell about one recording's stored frames; each is asked only when the rule gets to it. */
    public interface Facts {
        /** Whether the results file is there. */
        boolean exists() throws IOException;

        /** The SHA-256 written beside it ({@link #checksumLine}); null when there is none. */
        String recordedChecksum() throws IOException;

        /** The SHA-256 of the results file as it is now. */
        String checksum() throws IOException;

        /** Its key-value metadata; {@link Unreadable} when the file cannot be read as results. */
        Map<String, String> metadata() throws IOException;

        /** The recording's video as it is now. */
        Fingerprint video() throws IOException;
    }

    /** A results file that is whole but cannot be read (not Parquet, a reader error): it is extracted again. */
    public static final class Unreadable extends IOException {
        public Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param name   the results file as messages name it (e.g. {@code frames/p03_AdB.parquet})
     * @param schema   the schema its metadata must name
     * @param settings the extraction settings its metadata must name (e.g. whether the sound was analysed): frames
     *                 extracted otherwise lack or carry measures this run would not
     * @param end      the recording's {@link Recording#endSeconds()} now
     */
    public static Verdict judge(String name, Facts stored, String schema, String settings, double end) throws IOException {
        if (!stored.exists()) return new Verdict(-1, "");
        String recorded = stored.recordedChecksum();
        if (recorded == null)
            return new Verdict(-1, name + " has no checksum (an older facsflow or an interrupted run wrote it): extracted again");
        if (!recorded.equals(stored.checksum()))
            return new Verdict(-1, name + " was damaged (its SHA-256 no longer matches): extracted again");
        Map<String, String> meta;
        try {
            meta = stored.metadata();
        } catch (Unreadable e) {
            return new Verdict(-1, name + " cannot be read (" + e.getMessage().lines().findFirst().orElse("") + "): extracted again");
        }
        if (!schema.equals(meta.get(SCHEMA)))
            return new Verdict(-1, name + " was written by another facsflow version: extracted again");
        String was = meta.getOrDefault(SETTINGS, "not recorded");
        if (!settings.equals(was))
            return new Verdict(-1, name + " was extracted with other settings (" + was + ", now " + settings + "): extracted again");
        Fingerprint now = stored.video();
        if (!String.valueOf(now.size()).equals(meta.get(VIDEO_SIZE))
                || !String.valueOf(now.modified()).equals(meta.get(VIDEO_MODIFIED)))
            return new Verdict(-1, "the video changed since it was extracted: extracted again");
        if (!String.valueOf(end).equals(meta.get(END)))
            return new Verdict(-1, "the manifest's onset or duration changed: extracted again");
        return new Verdict(Long.parseLong(meta.get(FRAMES)), "");
    }

    /** The SHA-256 of a stream, read to its end. */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The checksum file's text, in sha256sum's format, so that {@code sha256sum -c} checks the results file. */
    public static String checksumLine(String sha256, String fileName) {
        return sha256 + "  " + fileName + "\n";
    }

    /** The SHA-256 a checksum file's text records. */
    public static String recordedIn(String checksumText) {
        return checksumText.split("\\s+", 2)[0];
    }
}
