package org.facsflow.study;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.facsflow.study.metrics.MetricKey;
import org.facsflow.study.metrics.Signals;
import org.facsflow.study.metrics.StudyMetrics;
import org.facsflow.study.metrics.VideoSeries;
import org.facsflow.study.metrics.VideoSummary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * A study folder's files, all written atomically (temporary name, then rename):
 * <pre>
 *   STUDYDIR/frames/ID.parquet   one per recording: every frame row the extractor gave up to the stimulus end
 *                                (columns as in the frames table below, without video_id); its key-value metadata
 *                                records the video's size and modification time and the stimulus end, so a rerun
 *                                skips it only while the video and the manifest's timing are unchanged, and the
 *                                extractor (and whether it simulated the frames)
 *   STUDYDIR/frames/ID.parquet.sha256   the Parquet file's SHA-256 ({@code sha256sum -c} reads it), written before
 *                                the Parquet file is renamed into place; a file that no longer matches (a flipped
 *                                bit, a truncated copy) is extracted again instead of breaking every later run
 *   STUDYDIR/run.lock            held by the run in progress ({@link StudyLock})
 *   STUDYDIR/study.duckdb        rebuilt from the Parquet files at the end of every run:
 *     study(key, value)                          design, manifest, conditions, when built
 *     videos(video_id, participant, condition, video, onset_s, duration_s, status, reason, extractor, simulated,
 *            frames_decoded, frames_no_face, frames_measured, frames_lost, faces_seen, participant_face)
 *     covariates(video_id, name, value)          the manifest's extra columns
 *     frames(video_id, face_id, frame, time_s, success, valence, arousal, voice_active, voice_energy, voice_f0,
 *            voice_rate, AU01_r ... AU45_r)      face_id -1 marks a frame without a face; NULL: not measured
 *     metrics(video_id, participant, condition, signal, statistic, value)   see {@link StudyMetrics}
 * </pre>
 */
public final class StudyStore {
    static final String SCHEMA = "facsflow-study-frames/3";
    public static final String DATABASE = "study.duckdb";

    private final Path dir;

    public StudyStore(Path studyDir) {
        this.dir = studyDir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    public Path database() {
        return dir.resolve(DATABASE);
    }

    public Path framesFile(Recording r) {
        return dir.resolve("frames").resolve(r.id() + ".parquet");
    }

    /** The SHA-256 of {@link #framesFile}, beside it. */
    public Path checksumFile(Recording r) {
        return dir.resolve("frames").resolve(r.id() + ".parquet.sha256");
    }

    /** Deletes what an interrupted run left: temporary Parquet files and a half-built database. */
    void clearLeftovers() throws IOException {
        AtomicWrite.deleteLeftovers(dir.resolve("frames"));
        AtomicWrite.deleteLeftovers(dir);
        Files.deleteIfExists(walOf(AtomicWrite.partOf(database())));
    }

    /**
     * Whether a recording's stored frames are whole (checksum), readable, of this schema and these extraction
     * settings, and of this video and timing.
     */
    StoredFrames.Verdict stored(Recording r, String settings) throws IOException {
        Path file = framesFile(r), sum = checksumFile(r);
        return StoredFrames.judge(dir.relativize(file).toString(), new StoredFrames.Facts() {
            @Override
            public boolean exists() {
                return Files.isRegularFile(file);
            }

            @Override
            public String recordedChecksum() throws IOException {
                return Files.isRegularFile(sum) ? StoredFrames.recordedIn(Files.readString(sum, StandardCharsets.US_ASCII)) : null;
            }

            @Override
            public String checksum() throws IOException {
                return sha256(file);
            }

            @Override
            public Map<String, String> metadata() throws IOException {
                try (Connection c = memory()) {
                    return StudyStore.metadata(c, file);
                } catch (SQLException e) {
                    throw new StoredFrames.Unreadable(e.getMessage(), e);
                }
            }

            @Override
            public StoredFrames.Fingerprint video() throws IOException {
                return StoredFrames.Fingerprint.of(r.video());
            }
        }, SCHEMA, settings, r.endSeconds());
    }

    /** A Parquet file's key-value metadata. */
    private static Map<String, String> metadata(Connection c, Path file) throws SQLException {
        Map<String, String> meta = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT decode(key), decode(value) FROM parquet_kv_metadata(" + literal(file) + ")")) {
            while (rs.next()) meta.put(rs.getString(1), rs.getString(2));
        }
        return meta;
    }

    static String sha256(Path file) throws IOException {
        return StoredFrames.sha256(Files.newInputStream(file));
    }

    /**
     * What an extraction stored.
     *
     * @param frames  frame rows stored
     * @param dropped frames the extractor handed over after the stimulus end, which were not stored
     */
    record Extracted(long frames, long dropped) {
    }

    /**
     * Runs the extractor over a recording and stores its frames up to the stimulus end: whole, or (on any failure)
     * not at all. Frames after {@link Recording#endSeconds()} are dropped, whatever the extractor does.
     */
    Extracted extract(Recording r, VideoExtractor extractor, String settings, VideoExtractor.Progress progress) throws IOException {
        Path target = framesFile(r), part = AtomicWrite.partOf(target);
        Files.createDirectories(target.getParent());
        long[] rows = {0, 0};
        double end = r.endSeconds();
        try (DuckDBConnection c = memory()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE frames (" + frameColumnsDdl() + ")");
            }
            try (DuckDBAppender appender = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "frames")) {
                extractor.extract(r, frame -> {
                    if (frame.timeSeconds() > end) {
                        rows[1]++;
                        return;
                    }
                    append(appender, frame);
                    rows[0]++;
                }, progress);
            }
            if (rows[0] == 0) throw new IOException(r.video() + ": no frames (the extractor decoded nothing"
                    + (rows[1] > 0 ? " before the stimulus end at " + end + " s)" : ")"));
            StoredFrames.Fingerprint source = StoredFrames.Fingerprint.of(r.video());
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put(StoredFrames.SCHEMA, SCHEMA);
            facts.put(StoredFrames.VIDEO, r.video());
            facts.put(StoredFrames.VIDEO_SIZE, source.size());
            facts.put(StoredFrames.VIDEO_MODIFIED, source.modified());
            facts.put(StoredFrames.END, end);
            facts.put(StoredFrames.FRAMES, rows[0]);
            facts.put(StoredFrames.EXTRACTOR, extractor.description());
            facts.put(StoredFrames.SIMULATED, extractor.simulated());
            facts.put(StoredFrames.SETTINGS, settings);
            StringJoiner meta = new StringJoiner(", ");
            facts.forEach((key, value) -> meta.add(key + ": " + literal(value)));
            try (Statement s = c.createStatement()) {
                s.execute("COPY frames TO " + literal(part) + " (FORMAT parquet, KV_METADATA {" + meta + "})");
            }
            // the checksum first: a crash between the two leaves a mismatch, which the next run extracts again
            AtomicWrite.writeString(checksumFile(r), StoredFrames.checksumLine(sha256(part), target.getFileName().toString()));
            AtomicWrite.commit(part, target);
            return new Extracted(rows[0], rows[1]);
        } catch (SQLException e) {
            throw new IOException(r.video() + ": cannot store frames: " + e.getMessage(), e);
        } catch (StoreFailure e) {
            throw new IOException(r.video() + ": cannot store frames: " + e.getCause().getMessage(), e.getCause());
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void append(DuckDBAppender a, StudyFrame f) {
        try {
            a.beginRow().append(f.faceId()).append(f.frame()).append(f.timeSeconds()).append(f.success());
            for (int k = 0; k < Signals.MEASURES.size(); k++) {
                float v = f.measure(Signals.AU_COUNT + k);
                if (Float.isNaN(v)) a.appendNull();
                else a.append(v);
            }
            float[] au = f.intensities();
            for (int i = 0; i < Signals.AU_COUNT; i++) {
                if (i < au.length && !Float.isNaN(au[i])) a.append(au[i]);
                else a.appendNull();
            }
            a.endRow();
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    /** Builds {@code study.duckdb} from the complete recordings' Parquet files, replacing the previous one whole. */
    Path buildDatabase(StudyManifest manifest, List<VideoStatus> statuses, StudyMetrics metrics) throws IOException {
        Path target = database(), part = AtomicWrite.partOf(target);
        Files.deleteIfExists(part);
        Files.deleteIfExists(walOf(part));
        try {
            try (DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + part)) {
                createTables(c);
                try (DuckDBAppender study = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "study")) {
                    Map<String, String> facts = new LinkedHashMap<>();
                    facts.put("design", manifest.design().name());
                    facts.put("manifest", manifest.source().toString());
                    facts.put("conditions", String.join(",", manifest.conditions()));
                    facts.put("built", Instant.now().toString());
                    for (var e : facts.entrySet()) study.beginRow().append(e.getKey()).append(e.getValue()).endRow();
                }
                for (VideoStatus status : statuses) {
                    Recording r = status.recording();
                    Map<String, String> meta = Map.of();
                    if (status.complete()) try (Statement s = c.createStatement()) {
                        s.execute("INSERT INTO frames SELECT " + literal(r.id()) + ", * FROM read_parquet("
                                + literal(framesFile(r)) + ")");
                        meta = metadata(c, framesFile(r));
                    }
                    VideoSummary summary = status.complete() ? metrics.summarize(series(c, r)) : null;
                    insertVideo(c, status, meta, summary);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT");
                }
            }
            AtomicWrite.commit(part, target);
            return target;
        } catch (SQLException e) {
            throw new IOException("cannot build " + target + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(part);
            Files.deleteIfExists(walOf(part));
        }
    }

    private static void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE study (key VARCHAR PRIMARY KEY, value VARCHAR)");
            s.execute("CREATE TABLE videos (video_id VARCHAR PRIMARY KEY, participant VARCHAR, condition VARCHAR, "
                    + "video VARCHAR, onset_s DOUBLE, duration_s DOUBLE, status VARCHAR, reason VARCHAR, "
                    + "extractor VARCHAR, simulated BOOLEAN, frames_decoded BIGINT, frames_no_face BIGINT, frames_measured BIGINT, frames_lost BIGINT, "
                    + "faces_seen INTEGER, participant_face INTEGER)");
            s.execute("CREATE TABLE covariates (video_id VARCHAR, name VARCHAR, value VARCHAR)");
            s.execute("CREATE TABLE frames (video_id VARCHAR, " + frameColumnsDdl() + ")");
            s.execute("CREATE TABLE metrics (video_id VARCHAR, participant VARCHAR, condition VARCHAR, "
                    + "signal VARCHAR, statistic VARCHAR, value DOUBLE)");
        }
    }

    private static void insertVideo(DuckDBConnection c, VideoStatus status, Map<String, String> meta, VideoSummary summary)
            throws SQLException {
        Recording r = status.recording();
        try (DuckDBAppender v = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "videos")) {
            v.beginRow().append(r.id()).append(r.participant()).append(r.condition()).append(r.video().toString())
                    .append(r.onsetSeconds());
            if (Double.isNaN(r.durationSeconds())) v.appendNull();
            else v.append(r.durationSeconds());
            v.append(status.state().name().toLowerCase()).append(status.reason());
            if (meta.isEmpty()) v.appendNull().appendNull();
            else v.append(meta.get(StoredFrames.EXTRACTOR)).append(Boolean.parseBoolean(meta.get(StoredFrames.SIMULATED)));
            if (summary == null) for (int i = 0; i < 6; i++) v.appendNull();
            else {
                var q = summary.quality();
                v.append(q.framesDecoded()).append(q.framesNoFace()).append(q.framesMeasured()).append(q.framesLost())
                        .append(q.facesSeen()).append(q.participantFace());
            }
            v.endRow();
        }
        try (DuckDBAppender cov = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "covariates")) {
            for (var e : r.covariates().entrySet()) cov.beginRow().append(r.id()).append(e.getKey()).append(e.getValue()).endRow();
        }
        if (summary == null) return;
        try (DuckDBAppender m = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "metrics")) {
            for (Map.Entry<MetricKey, Double> e : summary.metrics().entrySet())
                m.beginRow().append(r.id()).append(r.participant()).append(r.condition()).append(e.getKey().signal())
                        .append(e.getKey().statistic()).append(e.getValue()).endRow();
        }
    }

    /** Reads the study database written by a run. */
    public StudyData open() throws IOException {
        Path db = database();
        if (!Files.isRegularFile(db))
            throw new IOException("no study database " + db + ": run 'facsflow study run MANIFEST -o " + dir + "' first");
        try (Connection c = readOnly(db)) {
            Map<String, String> facts = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM study")) {
                while (rs.next()) facts.put(rs.getString(1), rs.getString(2));
            }
            Map<String, Map<String, String>> covariates = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT video_id, name, value FROM covariates ORDER BY rowid")) {
                while (rs.next()) covariates.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getString(3));
            }
            List<StudyData.StoredVideo> videos = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT video_id, participant, condition, video, onset_s, duration_s, status, reason, extractor, simulated "
                            + "FROM videos ORDER BY rowid")) {
                while (rs.next()) {
                    double duration = rs.getDouble(6);
                    if (rs.wasNull()) duration = Double.NaN;
                    Recording r = new Recording(rs.getString(1), rs.getString(2), rs.getString(3), Path.of(rs.getString(4)),
                            Double.NaN, rs.getDouble(5), duration, covariates.getOrDefault(rs.getString(1), Map.of()));
                    videos.add(new StudyData.StoredVideo(r, VideoStatus.State.valueOf(rs.getString(7).toUpperCase()),
                            rs.getString(8), rs.getString(9), rs.getBoolean(10)));
                }
            }
            return new StudyData(Design.valueOf(facts.get("design")), videos, this::summaries);
        } catch (SQLException | RuntimeException e) {
            throw new IOException(db + " is not a study database this version can read (" + e.getMessage()
                    + "); run 'facsflow study run' on the study again to rebuild it", e);
        }
    }

    /** Summaries of each recording's participant series in the study database, one recording in memory at a time. */
    private List<VideoSummary> summaries(List<Recording> recordings, StudyMetrics metrics) throws IOException {
        try (Connection c = readOnly(database())) {
            List<VideoSummary> out = new ArrayList<>();
            for (Recording r : recordings) out.add(metrics.summarize(series(c, r)));
            return out;
        } catch (SQLException e) {
            throw new IOException("cannot read frames from " + database() + ": " + e.getMessage(), e);
        }
    }

    private static VideoSeries series(Connection c, Recording r) throws SQLException {
        VideoSeries.Builder builder = VideoSeries.builder(r);
        int m = Signals.MEASURES.size();
        try (PreparedStatement ps = c.prepareStatement("SELECT face_id, frame, time_s, success, "
                + String.join(", ", Signals.MEASURES) + ", " + String.join(", ", Signals.columns())
                + " FROM frames WHERE video_id = ? ORDER BY frame, face_id")) {
            ps.setString(1, r.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean success = rs.getBoolean(4);
                    float[] measures = new float[m], au = new float[Signals.AU_COUNT];
                    for (int k = 0; k < m; k++) measures[k] = floatOrNaN(rs, 5 + k);
                    for (int i = 0; i < au.length; i++) au[i] = floatOrNaN(rs, 5 + m + i);
                    builder.add(new StudyFrame(rs.getInt(1), rs.getLong(2), rs.getDouble(3), success ? au : null,
                            success, measures));
                }
            }
        }
        return builder.build();
    }

    private static float floatOrNaN(ResultSet rs, int column) throws SQLException {
        float v = rs.getFloat(column);
        return rs.wasNull() ? Float.NaN : v;
    }

    private static String frameColumnsDdl() {
        StringBuilder ddl = new StringBuilder("face_id INTEGER, frame BIGINT, time_s DOUBLE, success BOOLEAN");
        for (String column : Signals.MEASURES) ddl.append(", ").append(column).append(" FLOAT");
        for (String column : Signals.columns()) ddl.append(", ").append(column).append(" FLOAT");
        return ddl.toString();
    }

    private static DuckDBConnection memory() throws IOException {
        try {
            DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                s.execute("SET threads = 1"); // the runner parallelises over videos
            }
            return c;
        } catch (SQLException e) {
            throw new IOException("cannot start DuckDB: " + e.getMessage(), e);
        }
    }

    private static Connection readOnly(Path db) throws SQLException {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + db, p);
    }

    private static Path walOf(Path db) {
        return db.resolveSibling(db.getFileName() + ".wal");
    }

    private static String literal(Object value) {
        return "'" + value.toString().replace("'", "''") + "'";
    }

    /** Carries a storage failure out of the extractor's callback. */
    private static final class StoreFailure extends RuntimeException {
        StoreFailure(SQLException cause) {
            super(cause);
        }
    }
}
