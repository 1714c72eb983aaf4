package org.facsflow.learn.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.facsflow.facs.ActionUnit;
import org.facsflow.learn.pilot.EngagementScale;
import org.facsflow.learn.pilot.PilotCondition;
import org.facsflow.learn.pilot.PilotStore;
import org.facsflow.learn.pilot.SkillTest;
import org.facsflow.learn.session.JsonLinesLog;
import org.facsflow.learn.session.LearningSession;
import org.facsflow.learn.session.SessionLog;
import org.facsflow.learn.session.SessionRecords;
import org.facsflow.learn.signals.JpegFrames;
import org.facsflow.learn.state.LearnerState;
import org.facsflow.learn.state.Rule;
import org.facsflow.learn.task.Exercise;
import org.facsflow.learn.task.ExerciseBank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One student's visit, from the consent page to the end: in teacher mode, practice until the student stops; in pilot
 * mode, the pre-test, the practice in the assigned condition, the post-test and the engagement questionnaire. Frames
 * are decoded, analysed and dropped here; what the session stores goes to its JSON-lines log (and the pilot's
 * database). Messages to the page are the stored records plus a few of its own (welcome, phase, test items, errors),
 * which are not stored. Not thread-safe: the server calls it from one connection's thread, and the data requests
 * under its lock.
 */
final class SessionFlow {
    /** Content seed of the practice items: the same for every student and both conditions. */
    static final long PRACTICE_SEED = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Phase { CONSENT, PRETEST, PRACTICE, POSTTEST, QUESTIONNAIRE, DONE, DELETED }

    private final LearnOptions options;
    private final Analyser analyser;
    private final PilotStore store;
    private final Consumer<ObjectNode> send;
    private Phase phase = Phase.CONSENT;
    private String sessionId;
    private JsonLinesLog file;
    private SessionLog log;
    private PilotStore.Participant participant;
    private LearningSession learning;
    private List<Exercise> test;
    private int testIndex;
    private double testShownAt, practiceStart, pausedSince = Double.NaN, pausedTotal;

    SessionFlow(LearnOptions options, Analyser analyser, PilotStore store, Consumer<ObjectNode> send) {
        this.options = options;
        this.analyser = analyser;
        this.store = store;
        this.send = send;
    }

    /** What the page needs before the consent: the mode, what is measured, the rules' explanations. */
    ObjectNode welcome() {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "welcome");
        n.put("mode", options.pilot() ? "pilot" : "teacher");
        ArrayNode aus = n.putArray("aus");
        for (ActionUnit au : options.rules().ausInUse()) aus.addObject().put("code", au.code()).put("name", au.name());
        ObjectNode rules = n.putObject("rules");
        for (Rule r : options.rules().enabled()) rules.put(r.id(), r.explain());
        ObjectNode states = n.putObject("states");
        for (LearnerState s : LearnerState.values()) states.put(s.label(), s.meaning());
        if (options.pilot()) n.put("practiceSeconds", options.practiceSeconds());
        return n;
    }

    Phase phase() {
        return phase;
    }

    /** A text message from the page. */
    void message(JsonNode m, double t) throws IOException {
        String type = m.path("type").asText();
        switch (type) {
            case "consent" -> consent(t);
            case "answer" -> {
                if (phase == Phase.PRACTICE) learning.onAnswer(m.path("value").asText(), t);
                else if (phase == Phase.PRETEST || phase == Phase.POSTTEST) testAnswer(m.path("value").asText(), t);
            }
            case "typing" -> {
                if (phase == Phase.PRACTICE) learning.onActivity(t);
            }
            case "pause" -> {
                if (phase == Phase.PRACTICE && !learning.paused()) {
                    learning.pause(t);
                    pausedSince = t;
                }
            }
            case "resume" -> {
                if (phase == Phase.PRACTICE && learning.paused()) {
                    learning.resume(t);
                    pausedTotal += t - pausedSince;
                    pausedSince = Double.NaN;
                }
            }
            case "ues" -> questionnaire(m.path("answers"), t);
            case "stop" -> end("stopped by the student", t);
            default -> error("unknown message type \"" + type + "\"");
        }
        if (phase == Phase.PRACTICE) checkPracticeOver(t);
    }

    /** A camera frame (JPEG) from the page: analysed during practice, else ignored. Always answered. */
    void frame(byte[] data, int offset, int length, double t) throws IOException {
        if (phase != Phase.PRACTICE || learning.paused()) {
            ack();
            return;
        }
        try {
            learning.onSignals(analyser.analyse(JpegFrames.decode(data, offset, length, t), t));
        } catch (IOException e) {
            error("a camera frame could not be read: " + e.getMessage());
            ack();
        }
        checkPracticeOver(t);
    }

    /** The server's clock ticks (once a second): a pilot's practice ends on time even without camera frames. */
    void tick(double t) throws IOException {
        if (phase == Phase.PRACTICE) checkPracticeOver(t);
    }

    /** Everything this session stored: the log's records and, in a pilot, the database rows. */
    ObjectNode data() throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "data");
        n.put("session", sessionId);
        ArrayNode places = n.putArray("stored_in");
        ArrayNode records = n.putArray("records");
        if (file != null && phase != Phase.DELETED) {
            places.add(file.file().toAbsolutePath().toString());
            file.read().forEach(records::add);
        }
        if (participant != null && phase != Phase.DELETED) {
            places.add(store.file().toAbsolutePath() + " (participant " + participant.id() + ")");
            n.set("database_rows", JSON.valueToTree(store.rows(participant.id())));
        }
        return n;
    }

    /** Deletes everything this session stored and ends it. */
    ObjectNode delete(double t) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "deleted");
        ArrayNode removed = n.putArray("removed");
        closeAnalysis();
        if (log != null) log.close();
        if (file != null) {
            file.close();
            if (Files.deleteIfExists(file.file())) removed.add(file.file().toAbsolutePath().toString());
        }
        if (participant != null) {
            store.delete(participant.id());
            removed.add(store.file().toAbsolutePath() + ": every row of participant " + participant.id());
        }
        phase = Phase.DELETED;
        log = null;
        return n;
    }

    /** The page went away or the student stopped: the session ends (its log stays, unless deleted). */
    void end(String reason, double t) throws IOException {
        if (phase == Phase.DONE || phase == Phase.DELETED || log == null) {
            if (phase == Phase.CONSENT) phase = Phase.DONE;
            return;
        }
        closeAnalysis();
        log.write(SessionRecords.of("end", t).put("reason", reason));
        log.close();
        phase = Phase.DONE;
        sendPhase();
    }

    private void consent(double t) throws IOException {
        if (phase != Phase.CONSENT) return;
        sessionId = HexFormat.of().formatHex(RANDOM.generateSeed(8));
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + sessionId + ".jsonl";
        file = new JsonLinesLog(options.dataDir().resolve("sessions").resolve(name));
        ObjectNode start = SessionRecords.of("session", t);
        start.put("session", sessionId);
        start.put("mode", options.pilot() ? "pilot" : "teacher");
        PilotCondition condition = PilotCondition.ADAPTIVE;
        if (options.pilot()) {
            participant = store.register(sessionId, false);
            condition = participant.assignment().condition();
            SessionLog db = store.log(participant.id());
            log = new SessionLog() {
                @Override
                public void write(ObjectNode record) throws IOException {
                    file.write(record);
                    db.write(record);
                }

                @Override
                public void close() throws IOException {
                    file.close();
                    store.flush();
                }
            };
            start.put("participant", participant.id());
        } else {
            log = file;
        }
        start.put("condition", condition.label());
        start.put("profile", options.profile());
        start.put("rules", options.rules().source());
        ArrayNode aus = start.putArray("aus");
        options.rules().ausInUse().forEach(au -> aus.add(au.code()));
        start.put("started", LocalDateTime.now().withNano(0).toString());
        log.write(start);
        if (options.pilot()) startTest(participant.assignment().preForm(), Phase.PRETEST, t);
        else startPractice(t);
    }

    private void startPractice(double t) {
        phase = Phase.PRACTICE;
        practiceStart = t;
        analyser.begin();
        boolean adaptive = participant == null || participant.assignment().condition() == PilotCondition.ADAPTIVE;
        sendPhase();
        learning = new LearningSession(options.rules(), new ExerciseBank(PRACTICE_SEED), adaptive, log, send, t);
    }

    private void checkPracticeOver(double t) throws IOException {
        if (!options.pilot() || learning.paused() || t - practiceStart - pausedTotal < options.practiceSeconds()) return;
        closeAnalysis();
        startTest(participant.assignment().postForm(), Phase.POSTTEST, t);
    }

    private void startTest(String form, Phase testPhase, double t) {
        phase = testPhase;
        test = SkillTest.form(form);
        testIndex = 0;
        sendPhase();
        sendTestItem(t);
    }

    private void sendTestItem(double t) {
        Exercise e = test.get(testIndex);
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "test-item");
        n.put("phase", phase == Phase.PRETEST ? "pre" : "post");
        n.put("index", testIndex + 1);
        n.put("of", test.size());
        n.put("prompt", e.prompt());
        send.accept(n);
        testShownAt = t;
    }

    private void testAnswer(String given, double t) throws IOException {
        ObjectNode r = SessionRecords.test(t, phase == Phase.PRETEST ? "pre" : "post", test.get(testIndex), given,
                t - testShownAt);
        log.write(r);
        testIndex++;
        if (testIndex < test.size()) sendTestItem(t);
        else if (phase == Phase.PRETEST) startPractice(t);
        else {
            phase = Phase.QUESTIONNAIRE;
            sendPhase();
        }
    }

    private void questionnaire(JsonNode answers, double t) throws IOException {
        if (phase != Phase.QUESTIONNAIRE) return;
        Map<String, Integer> given = new LinkedHashMap<>();
        for (EngagementScale.Item i : EngagementScale.ITEMS)
            if (answers.path(i.id()).isInt()) given.put(i.id(), answers.get(i.id()).asInt());
        try {
            EngagementScale.score(given);
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return;
        }
        for (Map.Entry<String, Integer> e : given.entrySet())
            log.write(SessionRecords.ues(t, e.getKey(), e.getValue()));
        end("completed", t);
        store.completed(participant.id());
    }

    private void closeAnalysis() {
        if (phase == Phase.PRACTICE) analyser.end();
    }

    private void sendPhase() {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "phase");
        n.put("phase", phase.name().toLowerCase(java.util.Locale.ROOT));
        if (phase == Phase.QUESTIONNAIRE) {
            ArrayNode items = n.putArray("items");
            for (EngagementScale.Item i : EngagementScale.ITEMS) items.addObject().put("id", i.id()).put("text", i.text());
            ArrayNode scale = n.putArray("answers");
            EngagementScale.ANSWERS.forEach(scale::add);
        }
        send.accept(n);
    }

    private void ack() {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "frame-skipped");
        send.accept(n);
    }

    private void error(String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "error");
        n.put("message", message);
        send.accept(n);
    }

    Path logFile() {
        return file == null ? null : file.file();
    }
}
