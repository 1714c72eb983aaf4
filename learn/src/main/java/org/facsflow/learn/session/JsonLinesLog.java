package org.facsflow.learn.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's records as JSON lines, one file per session, written as they happen (a log, so a session cut short
 * keeps what it had). Lines are flushed at each state change, intervention and answer, and at least every 2 s.
 */
public final class JsonLinesLog implements SessionLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double FLUSH_SECONDS = 2;

    private final Path file;
    private final BufferedWriter out;
    private double flushedAt = Double.NEGATIVE_INFINITY;
    private boolean closed;

    public JsonLinesLog(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.file = file;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void write(ObjectNode record) throws IOException {
        out.write(JSON.writeValueAsString(record));
        out.newLine();
        double t = record.get("t").asDouble();
        if (!"signals".equals(record.get("type").asText()) || t - flushedAt >= FLUSH_SECONDS) {
            out.flush();
            flushedAt = t;
        }
    }

    /** The records written so far. */
    public synchronized List<ObjectNode> read() throws IOException {
        if (!closed) out.flush();
        List<ObjectNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8))
            if (!line.isBlank()) records.add((ObjectNode) JSON.readTree(line));
        return records;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        out.close();
    }
}
