package org.facsflow.learn.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A page stand-in: a WebSocket client (the JDK's) that collects the server's messages. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final List<JsonNode> seen = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    /** Connects with the given origin (null: none); fails as the handshake fails. */
    static WsClient connect(URI uri, String origin) {
        WsClient client = new WsClient();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) b.header("Origin", origin);
        client.ws = b.buildAsync(uri, client).join();
        return client;
    }

    void send(String json) {
        ws.sendText(json, true).join();
    }

    void sendFrame(byte[] jpeg) {
        ws.sendBinary(ByteBuffer.wrap(jpeg), true).join();
    }

    /** The next message of {@code type} (others are kept in {@link #seen}); fails after {@code seconds}. */
    JsonNode await(String type, double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            JsonNode m = messages.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) throw new AssertionError("no \"" + type + "\" message in " + seconds + " s; seen: " + types());
            seen.add(m);
            if (m.path("type").asText().equals(type)) return m;
        }
    }

    List<String> types() {
        return seen.stream().map(m -> m.path("type").asText()).toList();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
}
