package org.facsflow.learn.session;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** Where a session's records go (a JSON-lines file, the pilot's database, memory). */
public interface SessionLog extends AutoCloseable {
    void write(ObjectNode record) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
