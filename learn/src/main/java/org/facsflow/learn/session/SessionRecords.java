package org.facsflow.learn.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.facsflow.facs.ActionUnit;
import org.facsflow.learn.adapt.Adaptation;
import org.facsflow.learn.signals.Signals;
import org.facsflow.learn.state.StateChange;
import org.facsflow.learn.task.Answer;
import org.facsflow.learn.task.Exercise;

import java.util.List;
import java.util.Map;

/**
 * The records a session sends to its page and writes to its log, one JSON object each, {@code type} first. Their
 * fields are declared once, in {@link #FIELDS}: the README's list of what a session stores is this map, and a test
 * fails on a log line with any other field. No record holds an image, a face crop, landmarks or a mesh: "signals" is
 * all that leaves the analyser.
 */
public final class SessionRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionRecords() {
    }

    /** Every record type and its fields, in order. */
    public static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("session", List.of("type", "t", "session", "mode", "condition", "participant", "profile",
                    "rules", "aus", "started")),
            Map.entry("signals", List.of("type", "t", "face", "confidence", "head_yaw", "head_pitch", "head_roll",
                    "gaze_x", "gaze_y", "aus")),
            Map.entry("state", List.of("type", "t", "state", "from", "rules")),
            Map.entry("intervention", List.of("type", "t", "kind", "state", "rules", "shown", "message", "hint")),
            Map.entry("item", List.of("type", "t", "item", "level", "prompt")),
            Map.entry("answer", List.of("type", "t", "item", "level", "answer", "correct", "seconds", "attempt",
                    "revealed", "solution")),
            Map.entry("pause", List.of("type", "t")),
            Map.entry("resume", List.of("type", "t")),
            Map.entry("test", List.of("type", "t", "phase", "form", "item", "answer", "correct", "seconds")),
            Map.entry("ues", List.of("type", "t", "item", "response")),
            Map.entry("end", List.of("type", "t", "reason")));

    public static ObjectNode of(String type, double t) {
        if (!FIELDS.containsKey(type)) throw new IllegalArgumentException("undeclared record type " + type);
        ObjectNode n = JSON.createObjectNode();
        n.put("type", type);
        n.put("t", round(t, 2));
        return n;
    }

    public static ObjectNode signals(Signals s) {
        ObjectNode n = of("signals", s.t());
        n.put("face", s.face());
        n.put("confidence", round(s.confidence(), 2));
        number(n, "head_yaw", s.headYaw(), 1);
        number(n, "head_pitch", s.headPitch(), 1);
        number(n, "head_roll", s.headRoll(), 1);
        number(n, "gaze_x", s.gazeX(), 1);
        number(n, "gaze_y", s.gazeY(), 1);
        ObjectNode aus = n.putObject("aus");
        for (Map.Entry<ActionUnit, Float> e : s.aus().entrySet()) number(aus, e.getKey().code(), e.getValue(), 2);
        return n;
    }

    public static ObjectNode state(StateChange c) {
        ObjectNode n = of("state", c.t());
        n.put("state", c.to().label());
        n.put("from", c.from().label());
        strings(n.putArray("rules"), c.rules());
        return n;
    }

    public static ObjectNode intervention(Adaptation a, String hint) {
        ObjectNode n = of("intervention", a.t());
        n.put("kind", a.kind().label());
        n.put("state", a.state().label());
        strings(n.putArray("rules"), a.rules());
        n.put("shown", a.shown());
        n.put("message", a.message());
        if (hint != null) n.put("hint", hint);
        return n;
    }

    public static ObjectNode item(Exercise e, double t) {
        ObjectNode n = of("item", t);
        n.put("item", e.id());
        n.put("level", e.level());
        n.put("prompt", e.prompt());
        return n;
    }

    /** @param solution the right answer, given when the item was given up on (revealed), else null */
    public static ObjectNode answer(Answer a, boolean revealed, Integer solution) {
        ObjectNode n = of("answer", a.t());
        n.put("item", a.item());
        n.put("level", a.level());
        n.put("answer", a.given());
        n.put("correct", a.correct());
        n.put("seconds", round(a.seconds(), 2));
        n.put("attempt", a.attempt());
        n.put("revealed", revealed);
        if (solution != null) n.put("solution", solution);
        return n;
    }

    /** An answer to a pre- or post-test item ({@code phase} "pre" or "post"). */
    public static ObjectNode test(double t, String phase, Exercise item, String given, double seconds) {
        String value = given.trim();
        ObjectNode n = of("test", t);
        n.put("phase", phase);
        n.put("form", item.id().substring(0, 1));
        n.put("item", item.id());
        n.put("answer", value);
        n.put("correct", value.matches("-?\\d{1,9}") && Integer.parseInt(value) == item.answer());
        n.put("seconds", round(seconds, 2));
        return n;
    }

    /** One answer (1-5) to a questionnaire item. */
    public static ObjectNode ues(double t, String item, int response) {
        return of("ues", t).put("item", item).put("response", response);
    }

    /** A number rounded to {@code digits} decimals; null for NaN (JSON has no NaN). */
    static void number(ObjectNode n, String field, float value, int digits) {
        if (Float.isNaN(value)) n.putNull(field);
        else n.put(field, round(value, digits));
    }

    static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
