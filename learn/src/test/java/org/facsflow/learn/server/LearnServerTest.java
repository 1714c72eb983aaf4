package org.facsflow.learn.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.facsflow.learn.OnDeviceProfile;
import org.facsflow.learn.pilot.PilotStore;
import org.facsflow.learn.session.SessionRecords;
import org.facsflow.learn.signals.SignalExtractor;
import org.facsflow.learn.state.AuValidation;
import org.facsflow.learn.state.StateRules;
import org.facsflow.models.AssetStore;
import org.facsflow.pipeline.Pipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local server with the real models on a real face: who may connect, which headers keep the page to itself, and a
 * whole session after which no image data is anywhere on disk and the log holds only the declared fields.
 */
class LearnServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StateRules RULES = StateRules.standard(AuValidation.standard());
    private static Pipeline pipeline;

    @TempDir
    Path data;
    private LearnServer server;

    @BeforeAll
    static void load() {
        pipeline = Pipeline.load(AssetStore.standard(), OnDeviceProfile.LIGHT.settings());
    }

    @AfterAll
    static void unload() {
        pipeline.close();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    private LearnServer start() {
        server = LearnServer.start(new LearnOptions(data, 0, RULES, false, 600, 1, "light"),
                new PipelineAnalyser(pipeline, new SignalExtractor(RULES.ausInUse())), null);
        return server;
    }

    private URI ws(String query) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/ws" + query);
    }

    private String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void onlyThePageWithTheTokenFromThisServerGetsIn() throws Exception {
        start();
        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.url()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "connect-src 'self' ws://127.0.0.1:"
                + server.port() + " ws://localhost:" + server.port() + ";", "frame-ancestors 'none'");
        assertThat(page.body()).contains("<script src=\"/app.js\"").doesNotContain("http://", "https://", "<style",
                "style=", "onclick");
        for (String asset : List.of("/app.js", "/style.css")) {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + asset)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).as(asset).doesNotContain("http://", "https://", "@import", "url(");
        }

        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("page without the token").isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/data")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("data without the token").isEqualTo(403);
        assertThat(rawStatus("GET " + server.url().getRawPath() + "?" + server.url().getRawQuery(), "evil.example:" + server.port()))
                .as("another host name (DNS rebinding)").isEqualTo(403);

        assertRefused(() -> WsClient.connect(ws(""), origin()));
        assertRefused(() -> WsClient.connect(ws("?token=wrong"), origin()));
        assertRefused(() -> WsClient.connect(ws("?token=" + server.token()), "http://evil.example"));
        assertRefused(() -> WsClient.connect(ws("?token=" + server.token()), null));
        try (WsClient ok = WsClient.connect(ws("?token=" + server.token()), origin())) {
            assertThat(ok.await("welcome", 10).get("aus").toString()).contains("AU4", "AU7", "AU45").doesNotContain("AU24");
        }
    }

    @Test
    void aSessionLeavesNoImageDataAnywhereAndLogsOnlyTheDeclaredFields() throws Exception {
        FileTime since = FileTime.from(Instant.now().minusSeconds(1));
        List<byte[]> frames = FaceFrames.cap12(60);
        start();
        JsonNode answer;
        try (WsClient page = WsClient.connect(ws("?token=" + server.token()), origin())) {
            page.await("welcome", 10);
            page.send("{\"type\":\"consent\"}");
            assertThat(page.await("phase", 10).get("phase").asText()).isEqualTo("practice");
            page.await("item", 10);
            int faces = 0;
            for (byte[] f : frames) {
                page.sendFrame(f);
                if (page.await("signals", 30).get("face").asBoolean()) faces++;
            }
            assertThat(faces).as("frames with the face measured").isGreaterThan(50);
            page.send("{\"type\":\"answer\",\"value\":\"-1\"}");
            answer = page.await("answer", 10);
            page.sendFrame(new byte[]{1, 2, 3});
            assertThat(page.await("error", 10).get("message").asText()).contains("not a JPEG");
        }
        assertThat(answer.get("correct").asBoolean()).isFalse();
        Path log = server.logFile();
        waitFor(() -> Files.readString(log).contains("\"type\":\"end\""));

        // the log: every line a declared record, the signals' AUs only those the rules use
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSizeGreaterThan(60);
        for (String line : lines) {
            JsonNode r = JSON.readTree(line);
            String type = r.get("type").asText();
            assertThat(SessionRecords.FIELDS).containsKey(type);
            for (Iterator<String> it = r.fieldNames(); it.hasNext(); )
                assertThat(SessionRecords.FIELDS.get(type)).as(type).contains(it.next());
            if (type.equals("signals"))
                for (Iterator<String> it = r.get("aus").fieldNames(); it.hasNext(); )
                    assertThat(it.next()).isIn("AU4", "AU7", "AU45");
        }
        assertThat(lines).filteredOn(l -> l.contains("\"type\":\"signals\"")).hasSize(60);

        // no image anywhere: the data folder, the temporary folder, the working folder
        List<String> allowed = List.of(); // no binary file may appear at all in teacher mode
        assertThat(ImageTraces.find(data, since, allowed)).isEmpty();
        assertThat(ImageTraces.find(Path.of(System.getProperty("java.io.tmpdir")), since, allowed)).isEmpty();
        assertThat(ImageTraces.find(Path.of("").toAbsolutePath(), since, allowed)).isEmpty();

        // shown and deleted on request
        HttpClient http = HttpClient.newHttpClient();
        URI api = URI.create("http://127.0.0.1:" + server.port() + "/api/data");
        JsonNode shown = JSON.readTree(http.send(HttpRequest.newBuilder(api).header(LearnServer.TOKEN_HEADER,
                server.token()).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(shown.get("records")).hasSize(lines.size());
        assertThat(shown.get("stored_in").get(0).asText()).isEqualTo(log.toAbsolutePath().toString());
        JsonNode deleted = JSON.readTree(http.send(HttpRequest.newBuilder(api).header(LearnServer.TOKEN_HEADER,
                server.token()).DELETE().build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(deleted.get("removed").get(0).asText()).isEqualTo(log.toAbsolutePath().toString());
        assertThat(log).doesNotExist();
    }

    @Test
    void aPilotParticipantGoesThroughTheTestsThePracticeAndTheQuestionnaireIntoTheDatabase() throws Exception {
        List<byte[]> frames = FaceFrames.cap12(10);
        try (PilotStore store = PilotStore.open(data, 5, PilotStore.LIVE_FLUSH_SECONDS)) {
            server = LearnServer.start(new LearnOptions(data, 0, RULES, true, 2, 5, "light"),
                    new PipelineAnalyser(pipeline, new SignalExtractor(RULES.ausInUse())), store);
            try (WsClient page = WsClient.connect(ws("?token=" + server.token()), origin())) {
                assertThat(page.await("welcome", 10).get("mode").asText()).isEqualTo("pilot");
                page.send("{\"type\":\"consent\"}");
                assertThat(page.await("phase", 10).get("phase").asText()).isEqualTo("pretest");
                for (int i = 1; i <= 8; i++) {
                    JsonNode item = page.await("test-item", 10);
                    assertThat(item.get("index").asInt()).isEqualTo(i);
                    assertThat(item.has("answer")).as("the test item carries no answer").isFalse();
                    page.send("{\"type\":\"answer\",\"value\":\"7\"}");
                }
                assertThat(page.await("phase", 10).get("phase").asText()).isEqualTo("practice");
                for (int i = 0; i < 10; i++) {
                    page.sendFrame(frames.get(i));
                    Thread.sleep(80);
                }
                // no more frames (a camera that stopped): the 2 s practice still ends on the server's clock
                assertThat(page.await("test-item", 10).get("phase").asText()).isEqualTo("post");
                for (int i = 2; i <= 8; i++) {
                    page.send("{\"type\":\"answer\",\"value\":\"7\"}");
                    page.await("test-item", 10);
                }
                page.send("{\"type\":\"answer\",\"value\":\"7\"}");
                JsonNode questionnaire = page.await("phase", 10);
                assertThat(questionnaire.get("phase").asText()).isEqualTo("questionnaire");
                assertThat(questionnaire.get("items")).hasSize(12);
                page.send("{\"type\":\"ues\",\"answers\":{\"FA-S.1\":4}}");
                assertThat(page.await("error", 10).get("message").asText()).isEqualTo("UES-SF item FA-S.2 is unanswered");
                StringBuilder all = new StringBuilder("{\"type\":\"ues\",\"answers\":{");
                for (var item : org.facsflow.learn.pilot.EngagementScale.ITEMS) all.append('"').append(item.id()).append("\":3,");
                all.setLength(all.length() - 1);
                page.send(all.append("}}").toString());
                assertThat(page.await("phase", 10).get("phase").asText()).isEqualTo("done");
            }
            server.close();
            server = null;
            var rows = store.rows("P001");
            assertThat(rows.get("participants")).singleElement().satisfies(r -> assertThat(r.get("completed")).isEqualTo(true));
            assertThat(rows.get("tests")).hasSize(16);
            assertThat(rows.get("ues")).hasSize(12);
            assertThat(rows.get("signals")).isNotEmpty();
            var result = org.facsflow.learn.pilot.PilotAnalysis.analyse(store);
            assertThat(result.participants()).singleElement().satisfies(p -> assertThat(p.ues().overall()).isEqualTo(3));
            assertThat(result.simulated()).isFalse();
        }
    }

    private static void assertRefused(Runnable connect) {
        assertThatThrownBy(connect::run).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
    }

    /** The status of a request sent with a Host header of our choosing (HttpClient does not let one set it). */
    private int rawStatus(String requestLine, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!check.ok()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out");
            Thread.sleep(50);
        }
    }
}
