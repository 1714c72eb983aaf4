package org.facsflow.learn.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.websocket.WsContext;
import org.facsflow.learn.pilot.PilotStore;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local web app of {@code facsflow learn}: bound to 127.0.0.1 only, its address carrying a random token made for
 * this run. The page, its script and its style come from this module's resources (no third-party asset), under a
 * Content-Security-Policy that allows connections to this server alone. Camera frames arrive on a WebSocket that is
 * refused without the token or from any other origin; requests naming another host are refused too (a web page
 * elsewhere cannot reach the server by rebinding a name to 127.0.0.1). One student at a time.
 */
public final class LearnServer implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    static final String TOKEN_HEADER = "X-Learn-Token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEB = "/org/facsflow/learn/web/";
    private static final Map<String, String> FILES = Map.of("/app.js", "text/javascript; charset=utf-8",
            "/style.css", "text/css; charset=utf-8");

    private final LearnOptions options;
    private final Analyser analyser;
    private final PilotStore store;
    private final String token;
    private final long started = System.nanoTime();
    private final Javalin app;
    private volatile int port;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "learn-clock");
        t.setDaemon(true);
        return t;
    });
    private WsContext active;
    private SessionFlow flow;

    private LearnServer(LearnOptions options, Analyser analyser, PilotStore store) {
        this.options = options;
        this.analyser = analyser;
        this.store = store;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = HOST;
            cfg.jetty.port = options.port();
            cfg.jetty.modifyWebSocketServletFactory(f -> {
                f.setMaxBinaryMessageSize(org.facsflow.learn.signals.JpegFrames.MAX_BYTES);
                f.setMaxTextMessageSize(64 * 1024);
                f.setIdleTimeout(Duration.ofMinutes(10));
            });
            cfg.routes.before(this::guard);
            cfg.routes.get("/", this::page);
            for (String path : FILES.keySet()) cfg.routes.get(path, ctx -> resource(ctx, path));
            cfg.routes.get("/api/data", ctx -> json(ctx, withFlow(f -> f.data())));
            cfg.routes.delete("/api/data", ctx -> json(ctx, withFlow(f -> f.delete(now()))));
            cfg.routes.wsBeforeUpgrade("/ws", this::upgrade);
            cfg.routes.wsException(Exception.class, (e, ctx) -> failed(ctx, e));
            cfg.routes.ws("/ws", ws -> {
                ws.onConnect(this::connected);
                ws.onMessage(ctx -> onText(ctx, JSON.readTree(ctx.message())));
                ws.onBinaryMessage(ctx -> onFrame(ctx, ctx.data()));
                ws.onClose(ctx -> closed(ctx));
                ws.onError(ctx -> closed(ctx));
            });
        });
    }

    /**
     * Starts the server.
     *
     * @param store the pilot's database (pilot mode), else null
     */
    public static LearnServer start(LearnOptions options, Analyser analyser, PilotStore store) {
        if (options.pilot() && store == null) throw new IllegalArgumentException("pilot mode needs the pilot's database");
        LearnServer server = new LearnServer(options, analyser, store);
        server.app.start();
        server.port = server.app.port();
        server.clock.scheduleAtFixedRate(server::tick, 1, 1, TimeUnit.SECONDS);
        return server;
    }

    public int port() {
        return port;
    }

    /** The address to open, with this run's token. */
    public URI url() {
        return URI.create("http://" + HOST + ":" + port + "/?token=" + token);
    }

    String token() {
        return token;
    }

    /** The session log of the current (or last) student, or null before any consent. */
    public synchronized java.nio.file.Path logFile() {
        return flow == null ? null : flow.logFile();
    }

    private double now() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** Every request: a name of this server as Host, and the headers that keep the page to itself. */
    private void guard(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !List.of(HOST + ":" + port, "localhost:" + port).contains(host))
            throw new ForbiddenResponse("this server answers to " + HOST + ":" + port + " only");
        ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; media-src 'self' blob: mediastream:; connect-src 'self' ws://" + HOST + ":"
                + port + " ws://localhost:" + port + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
        if (ctx.path().startsWith("/api/") && !tokenMatches(ctx.header(TOKEN_HEADER)))
            throw new ForbiddenResponse("missing or wrong token");
    }

    private void page(Context ctx) throws IOException {
        if (!tokenMatches(ctx.queryParam("token")))
            throw new ForbiddenResponse("open the address that 'facsflow learn' printed (it carries this run's token)");
        resource(ctx, "/index.html");
    }

    private void upgrade(Context ctx) {
        String origin = ctx.header("Origin");
        if (!tokenMatches(ctx.queryParam("token"))) throw new ForbiddenResponse("missing or wrong token");
        if (origin == null || !List.of("http://" + HOST + ":" + port, "http://localhost:" + port).contains(origin))
            throw new ForbiddenResponse("connections from " + origin + " are refused");
    }

    private boolean tokenMatches(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized void connected(WsContext ctx) throws IOException {
        if (active != null) {
            ctx.closeSession(4409, "a session is already open in another window");
            return;
        }
        active = ctx;
        ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
        flow = new SessionFlow(options, analyser, store, record -> send(ctx, record));
        send(ctx, flow.welcome());
    }

    private synchronized void onText(WsContext ctx, JsonNode message) throws IOException {
        if (!ctx.equals(active)) return;
        flow.message(message, now());
    }

    private synchronized void onFrame(WsContext ctx, ByteBuffer data) throws IOException {
        if (!ctx.equals(active)) return;
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        flow.frame(bytes, 0, bytes.length, now());
    }

    private synchronized void tick() {
        try {
            if (flow != null && active != null) flow.tick(now());
        } catch (IOException | RuntimeException e) {
            failed(active, e);
        }
    }

    private synchronized void closed(WsContext ctx) throws IOException {
        if (!ctx.equals(active)) return;
        active = null;
        flow.end("the page was closed", now());
    }

    /** A handler failed: the student is told, the session ends, the operator sees why on stderr. */
    private synchronized void failed(WsContext ctx, Exception e) {
        System.err.println("facsflow learn: the session failed: " + e);
        e.printStackTrace();
        send(ctx, JSON.createObjectNode().put("type", "error").put("message", "facsflow failed: " + e.getMessage()));
        ctx.closeSession(1011, "facsflow failed; see its console");
    }

    private interface FlowCall {
        ObjectNode apply(SessionFlow f) throws IOException;
    }

    private synchronized ObjectNode withFlow(FlowCall call) throws IOException {
        if (flow == null) return JSON.createObjectNode().put("type", "data").put("session", (String) null);
        return call.apply(flow);
    }

    private static void send(WsContext ctx, ObjectNode record) {
        if (ctx.session.isOpen()) ctx.send(record.toString());
    }

    private static void json(Context ctx, ObjectNode body) {
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(body.toString());
    }

    private static void resource(Context ctx, String path) throws IOException {
        try (InputStream in = LearnServer.class.getResourceAsStream(WEB + path.substring(1))) {
            if (in == null) throw new IllegalStateException("resource " + WEB + path + " is missing from the build");
            ctx.contentType(path.endsWith(".html") ? "text/html; charset=utf-8" : FILES.get(path));
            ctx.result(in.readAllBytes());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        clock.shutdownNow();
        if (flow != null) flow.end("the server stopped", now());
        app.stop();
    }
}
