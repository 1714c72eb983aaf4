package org.facsflow.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.facsflow.study.StoredFrames;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A Spark study's output folder, on any Hadoop file system:
 * <pre>
 *   OUT/frames/condition=C/participant=P/ID.parquet   one video's result table ({@link FrameTable}), footer metadata
 *                                                      as {@code study run}'s frames (schema, video size and time,
 *                                                      stimulus end, rows); partition folders escaped as Spark does
 *   OUT/frames/condition=C/participant=P/_ID.parquet.sha256   its SHA-256 (sha256sum's format), written before the
 *                                                      file is renamed into place; '_' keeps it out of Spark's reads
 *   OUT/videos.csv, OUT/videos/                        the status table (CSV, Parquet): one row per manifest row
 *   OUT/metrics/                                       per-recording metrics (Parquet), as study.duckdb's metrics table
 *   OUT/compare-A-vs-B/                                the comparison, as {@code study compare} writes it
 * </pre>
 * A video's file appears whole or not at all: written under a hidden name per task attempt, then renamed.
 */
final class StudyOutput implements Serializable {
    private final String root;

    StudyOutput(String root) {
        this.root = root;
    }

    Path root() {
        return new Path(root);
    }

    Path frames() {
        return new Path(root(), "frames");
    }

    Path videoDir(VideoTask t) {
        return new Path(frames(), FrameTable.CONDITION + "=" + ExternalCatalogUtils.escapePathName(t.condition()) + "/"
                + FrameTable.PARTICIPANT + "=" + ExternalCatalogUtils.escapePathName(t.participant()));
    }

    Path framesFile(VideoTask t) {
        return new Path(videoDir(t), t.id() + ".parquet");
    }

    Path checksumFile(VideoTask t) {
        return new Path(videoDir(t), "_" + t.id() + ".parquet.sha256");
    }

    /** Where one attempt writes the video's file before renaming it into place (hidden from Spark's reads). */
    Path partFile(VideoTask t, int attempt) {
        return new Path(videoDir(t), "." + t.id() + ".parquet.attempt-" + attempt + ".part");
    }

    /** What a rerun needs to know about a video's stored results ({@link StoredFrames#judge}). */
    StoredFrames.Verdict stored(VideoTask t, Configuration conf) throws IOException {
        Path file = framesFile(t), sum = checksumFile(t);
        FileSystem fs = file.getFileSystem(conf);
        String name = root().toUri().relativize(file.toUri()).getPath();
        return StoredFrames.judge(name, new StoredFrames.Facts() {
            @Override
            public boolean exists() throws IOException {
                return fs.isFile(file);
            }

            @Override
            public String recordedChecksum() throws IOException {
                return fs.isFile(sum) ? StoredFrames.recordedIn(readString(fs, sum)) : null;
            }

            @Override
            public String checksum() throws IOException {
                return StoredFrames.sha256(fs.open(file));
            }

            @Override
            public Map<String, String> metadata() throws IOException {
                try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
                    return reader.getFooter().getFileMetaData().getKeyValueMetaData();
                } catch (RuntimeException e) {
                    throw new StoredFrames.Unreadable(String.valueOf(e.getMessage()), e);
                } catch (IOException e) {
                    throw new StoredFrames.Unreadable(e.getMessage(), e);
                }
            }

            @Override
            public StoredFrames.Fingerprint video() throws IOException {
                return fingerprint(new Path(t.video()), conf);
            }
        }, FrameTable.SCHEMA_NAME, VideoJob.EXTRACTION_SETTINGS, t.recording().endSeconds());
    }

    /**
     * {@link StoredFrames.Fingerprint} on a Hadoop file system: a file's length and modification time, a folder's
     * files' lengths summed and the newest modification time of the folder and its files.
     */
    static StoredFrames.Fingerprint fingerprint(Path video, Configuration conf) throws IOException {
        FileSystem fs = video.getFileSystem(conf);
        FileStatus status = fs.getFileStatus(video);
        if (!status.isDirectory()) return new StoredFrames.Fingerprint(status.getLen(), status.getModificationTime());
        long size = 0, modified = status.getModificationTime();
        for (FileStatus f : fs.listStatus(video)) {
            if (!f.isFile()) continue;
            size += f.getLen();
            modified = Math.max(modified, f.getModificationTime());
        }
        return new StoredFrames.Fingerprint(size, modified);
    }

    static String readString(FileSystem fs, Path file) throws IOException {
        try (var in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes a small file whole or not at all: a hidden temporary beside it, then renamed over it. */
    static void writeString(FileSystem fs, Path target, String text) throws IOException {
        Path part = new Path(target.getParent(), "." + target.getName() + ".part");
        try (FSDataOutputStream out = fs.create(part, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        replace(fs, part, target);
    }

    /**
     * Renames {@code part} over {@code target}. Hadoop's rename does not replace, so the target is deleted first: a
     * crash between the two leaves no results (extracted again), never a mix.
     */
    static void replace(FileSystem fs, Path part, Path target) throws IOException {
        fs.delete(target, false);
        if (!fs.rename(part, target)) throw new IOException("cannot rename " + part + " to " + target);
    }
}
