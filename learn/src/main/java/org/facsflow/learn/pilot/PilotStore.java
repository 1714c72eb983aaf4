package org.facsflow.learn.pilot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.facsflow.learn.session.SessionLog;
import org.facsflow.learn.session.SessionRecords;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pilot's database ({@value #FILE}, DuckDB): one row per participant (condition, test forms, whether simulated)
 * and one table per kind of session record, with the record's declared fields as columns ({@link SessionRecords#FIELDS}):
 * signals, states, interventions, items, answers, tests, ues, and events (session start, pause, resume, end). Nothing
 * else is stored: no column holds an image. Records go in through DuckDB's appenders and are flushed to the database
 * every {@code flushSeconds} of session time (2 s for a live session) and before anything is read or deleted. One
 * process at a time (DuckDB locks the file). Thread-safe: every call runs on the store's own thread.
 */
public final class PilotStore implements AutoCloseable {
    public static final String FILE = "pilot.duckdb";
    /** A live session's records reach the database at least this often (session seconds). */
    public static final double LIVE_FLUSH_SECONDS = 2;
    private static final Map<String, String> TABLE = Map.ofEntries(Map.entry("signals", "signals"),
            Map.entry("state", "states"), Map.entry("intervention", "interventions"), Map.entry("item", "items"),
            Map.entry("answer", "answers"), Map.entry("test", "tests"), Map.entry("ues", "ues"),
            Map.entry("session", "events"), Map.entry("pause", "events"), Map.entry("resume", "events"),
            Map.entry("end", "events"));
    private static final Set<String> DOUBLES = Set.of("t", "confidence", "head_yaw", "head_pitch", "head_roll", "gaze_x",
            "gaze_y", "seconds");
    private static final Set<String> BOOLEANS = Set.of("face", "shown", "correct", "revealed");
    private static final Set<String> INTEGERS = Set.of("level", "attempt", "response", "solution");
    /** Columns of the events table: the fields of session, pause, resume and end records. */
    private static final List<String> EVENT_COLUMNS = List.of("type", "t", "session", "mode", "condition", "profile",
            "rules", "aus", "started", "reason");

    private final Path file;
    private final Connection c;
    private final long seed;
    private final Map<String, DuckDBAppender> appenders = new HashMap<>();
    private double flushedAt = Double.NEGATIVE_INFINITY;

    private final double flushSeconds;
    /** DuckDB's appenders belong to the thread that made them: every use of the database runs on this one. */
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pilot-store");
        t.setDaemon(true);
        return t;
    });

    private PilotStore(Path file, Connection c, long seed, double flushSeconds) {
        this.file = file;
        this.c = c;
        this.seed = seed;
        this.flushSeconds = flushSeconds;
    }

    /**
     * Opens (or creates) the pilot database in {@code dir}. A new database takes {@code seed} for the assignment; an
     * existing one keeps the seed it was created with.
     *
     * @param flushSeconds how often (session seconds) records reach the database: {@link #LIVE_FLUSH_SECONDS} for
     *                     live sessions; a simulation, whose clock runs fast, flushes once per participant
     */
    public static PilotStore open(Path dir, long seed, double flushSeconds) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS pilot (key VARCHAR PRIMARY KEY, value VARCHAR)");
                s.execute("INSERT INTO pilot VALUES ('seed', '" + seed + "'), ('created', '" + Instant.now()
                        + "') ON CONFLICT DO NOTHING");
                s.execute("CREATE TABLE IF NOT EXISTS participants (participant VARCHAR PRIMARY KEY, session VARCHAR, "
                        + "position INTEGER, condition VARCHAR, pre_form VARCHAR, simulated BOOLEAN, started VARCHAR, "
                        + "completed BOOLEAN)");
                for (String type : List.of("signals", "state", "intervention", "item", "answer", "test", "ues"))
                    s.execute("CREATE TABLE IF NOT EXISTS " + TABLE.get(type) + " (" + definitions(columns(type)) + ")");
                s.execute("CREATE TABLE IF NOT EXISTS events (" + definitions(EVENT_COLUMNS) + ")");
            }
            long stored;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT value FROM pilot WHERE key = 'seed'")) {
                rs.next();
                stored = Long.parseLong(rs.getString(1));
            }
            return new PilotStore(file, c, stored, flushSeconds);
        } catch (SQLException e) {
            throw new IOException(file + ": cannot open the pilot database: " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("lock") ? " (is another 'facsflow learn' using it?)" : ""), e);
        }
    }

    public Path file() {
        return file;
    }

    public long seed() {
        return seed;
    }

    /**
     * Registers the next participant with the counterbalanced assignment for their arrival order.
     *
     * @return the participant's pseudonymous id ("P001") and assignment
     */
    public Participant register(String session, boolean simulated) throws IOException {
        return on(() -> {
            int position;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM participants")) {
                rs.next();
                position = rs.getInt(1);
            }
            Assignment a = Assignment.of(position, seed);
            String id = String.format("P%03d", position + 1);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO participants VALUES (?, ?, ?, ?, ?, ?, ?, false)")) {
                p.setString(1, id);
                p.setString(2, session);
                p.setInt(3, position);
                p.setString(4, a.condition().label());
                p.setString(5, a.preForm());
                p.setBoolean(6, simulated);
                p.setString(7, Instant.now().toString());
                p.executeUpdate();
            }
            return new Participant(id, a);
        });
    }

    /** A registered participant: the pseudonymous id and the assignment. */
    public record Participant(String id, Assignment assignment) {
    }

    /** Where a participant's session records go. */
    public SessionLog log(String participant) {
        return record -> write(participant, record);
    }

    public void completed(String participant) throws IOException {
        on(() -> {
            flushAppenders();
            try (PreparedStatement p = c.prepareStatement("UPDATE participants SET completed = true WHERE participant = ?")) {
                p.setString(1, participant);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Everything stored about a participant, table by table (for "show my data"). */
    public Map<String, List<Map<String, Object>>> rows(String participant) throws IOException {
        return on(() -> {
            Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
            flushAppenders();
            for (String table : tables()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                try (PreparedStatement p = c.prepareStatement("SELECT * FROM " + table + " WHERE participant = ?")) {
                    p.setString(1, participant);
                    try (ResultSet rs = p.executeQuery()) {
                        ResultSetMetaData m = rs.getMetaData();
                        while (rs.next()) {
                            Map<String, Object> row = new LinkedHashMap<>();
                            for (int i = 1; i <= m.getColumnCount(); i++) row.put(m.getColumnName(i), rs.getObject(i));
                            rows.add(row);
                        }
                    }
                }
                out.put(table, rows);
            }
            return out;
        });
    }

    /** Deletes every row of a participant, from every table. */
    public void delete(String participant) throws IOException {
        on(() -> {
            flushAppenders();
            for (String table : tables())
                try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE participant = ?")) {
                    p.setString(1, participant);
                    p.executeUpdate();
                }
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT"); // deleted rows leave the file, not only the table
            }
            return null;
        });
    }

    /** The open connection, for the analysis (read only by convention). */
    public Connection connection() throws IOException {
        on(() -> {
            flushAppenders();
            return null;
        });
        return c;
    }

    private void write(String participant, ObjectNode record) throws IOException {
        String type = record.get("type").asText();
        String table = TABLE.get(type);
        if (table == null) throw new IllegalArgumentException("no table for record type " + type);
        List<String> columns = table.equals("events") ? EVENT_COLUMNS : columns(type);
        on(() -> {
            DuckDBAppender a = appenders.get(table);
            if (a == null) {
                a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
                appenders.put(table, a);
            }
            a.beginRow();
            a.append(participant);
            for (String column : columns) append(a, column, record.get(column));
            a.endRow();
            double t = record.get("t").asDouble();
            if (t - flushedAt >= flushSeconds || t < flushedAt) {
                flushAppenders();
                flushedAt = t;
            }
            return null;
        });
    }

    private void flushAppenders() throws SQLException {
        for (DuckDBAppender a : appenders.values()) a.flush();
    }

    private static void append(DuckDBAppender a, String column, JsonNode v) throws SQLException {
        if (v == null || v.isNull()) a.appendNull();
        else if (DOUBLES.contains(column)) a.append(v.asDouble());
        else if (BOOLEANS.contains(column)) a.append(v.asBoolean());
        else if (INTEGERS.contains(column)) a.append(v.asInt());
        else a.append(v.isContainerNode() ? v.toString() : v.asText());
    }

    private static List<String> columns(String type) {
        return SessionRecords.FIELDS.get(type).stream().filter(f -> !f.equals("type")).toList();
    }

    private static String definitions(List<String> columns) {
        StringBuilder b = new StringBuilder("participant VARCHAR");
        for (String col : columns) {
            String type = DOUBLES.contains(col) ? "DOUBLE" : BOOLEANS.contains(col) ? "BOOLEAN"
                    : INTEGERS.contains(col) ? "INTEGER" : "VARCHAR";
            b.append(", \"").append(col).append("\" ").append(type);
        }
        return b.toString();
    }

    private static List<String> tables() {
        return List.of("participants", "signals", "states", "interventions", "items", "answers", "tests", "ues", "events");
    }

    public void flush() throws IOException {
        on(() -> {
            flushAppenders();
            return null;
        });
    }

    @Override
    public void close() throws IOException {
        try {
            on(() -> {
                for (DuckDBAppender a : appenders.values()) a.close();
                c.close();
                return null;
            });
        } finally {
            thread.shutdown();
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} on the store's thread and waits for it. */
    private <T> T on(Work<T> work) throws IOException {
        Future<T> f = thread.submit(work::run);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(file + ": interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(file + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
