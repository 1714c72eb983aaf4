package org.facsflow.learn.pilot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.facsflow.learn.session.SessionLog;
import org.facsflow.learn.session.SessionRecords;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The pilot's database ({@value #FILE}, DuckDB): one row per participant (condition, test forms, whether simulated)
 * and one table per kind of session record, with the record's declared fields as columns ({@link SessionRecords#FIELDS}):
 * signals, states, interventions, items, answers, tests, ues, and events (session start, pause, resume, end). Nothing
 * else is stored: no column holds an image. Records are committed at least every 2 s of session time and at every
 * record that is not a frame's signals. One process at a time (DuckDB locks the file).
 */
public final class PilotStore implements AutoCloseable {
    public static final String FILE = "pilot.duckdb";
    private static final double COMMIT_SECONDS = 2;
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
    private final Map<String, PreparedStatement> inserts = new HashMap<>();
    private double committedAt = Double.NEGATIVE_INFINITY;

    private PilotStore(Path file, Connection c, long seed) {
        this.file = file;
        this.c = c;
        this.seed = seed;
    }

    /**
     * Opens (or creates) the pilot database in {@code dir}. A new database takes {@code seed} for the assignment; an
     * existing one keeps the seed it was created with.
     */
    public static PilotStore open(Path dir, long seed) throws IOException {
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
            c.setAutoCommit(false);
            return new PilotStore(file, c, stored);
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
    public synchronized Participant register(String session, boolean simulated) throws IOException {
        try {
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
            c.commit();
            return new Participant(id, a);
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** A registered participant: the pseudonymous id and the assignment. */
    public record Participant(String id, Assignment assignment) {
    }

    /** Where a participant's session records go. */
    public SessionLog log(String participant) {
        return record -> write(participant, record);
    }

    public synchronized void completed(String participant) throws IOException {
        try (PreparedStatement p = c.prepareStatement("UPDATE participants SET completed = true WHERE participant = ?")) {
            p.setString(1, participant);
            p.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Everything stored about a participant, table by table (for "show my data"). */
    public synchronized Map<String, List<Map<String, Object>>> rows(String participant) throws IOException {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        try {
            c.commit();
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
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes every row of a participant, from every table. */
    public synchronized void delete(String participant) throws IOException {
        try {
            for (String table : tables())
                try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE participant = ?")) {
                    p.setString(1, participant);
                    p.executeUpdate();
                }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT"); // deleted rows leave the file, not only the table
            }
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The open connection, for the analysis (read only by convention). */
    public Connection connection() throws IOException {
        try {
            c.commit();
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return c;
    }

    private synchronized void write(String participant, ObjectNode record) throws IOException {
        String type = record.get("type").asText();
        String table = TABLE.get(type);
        if (table == null) throw new IllegalArgumentException("no table for record type " + type);
        List<String> columns = table.equals("events") ? EVENT_COLUMNS : columns(type);
        try {
            PreparedStatement p = inserts.get(table);
            if (p == null) {
                p = c.prepareStatement("INSERT INTO " + table + " VALUES (?" + ", ?".repeat(columns.size()) + ")");
                inserts.put(table, p);
            }
            p.setString(1, participant);
            for (int i = 0; i < columns.size(); i++) set(p, i + 2, columns.get(i), record.get(columns.get(i)));
            p.executeUpdate();
            double t = record.get("t").asDouble();
            if (!type.equals("signals") || t - committedAt >= COMMIT_SECONDS || t < committedAt) {
                c.commit();
                committedAt = t;
            }
        } catch (SQLException e) {
            throw new IOException(file + ": cannot store a " + type + " record: " + e.getMessage(), e);
        }
    }

    private static void set(PreparedStatement p, int index, String column, JsonNode v) throws SQLException {
        if (v == null || v.isNull()) p.setObject(index, null);
        else if (DOUBLES.contains(column)) p.setDouble(index, v.asDouble());
        else if (BOOLEANS.contains(column)) p.setBoolean(index, v.asBoolean());
        else if (INTEGERS.contains(column)) p.setInt(index, v.asInt());
        else p.setString(index, v.isContainerNode() ? v.toString() : v.asText());
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

    public synchronized void flush() throws IOException {
        try {
            c.commit();
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            for (PreparedStatement p : inserts.values()) p.close();
            c.commit();
            c.close();
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
