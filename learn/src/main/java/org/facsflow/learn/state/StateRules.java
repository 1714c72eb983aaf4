package org.facsflow.learn.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.facsflow.facs.ActionUnit;
import org.facsflow.learn.adapt.Intervention;
import org.facsflow.learn.adapt.InterventionRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state machine's rules, timings and interventions, read from an editable JSON file (the bundled
 * {@code state-rules.json}, or a user's copy) with the literature each rule comes from. Every rule names the AUs it
 * reads; a rule that reads an AU the coder does not validate ({@link AuValidation}) is kept but disabled, with the
 * reason, so that the rule table says what is and is not in use. Anything else that is wrong with the file (an unknown
 * state or feature, an AU tested but not named, a missing reference) is refused with the file and the rule named.
 *
 * @param source        where the rules came from (the resource, or the user's file)
 * @param screen        where looking at the screen ends
 * @param timing        per state: priority, entry and exit times, minimum dwell
 * @param rules         every rule, disabled ones included
 * @param interventions what the lesson does in which state
 * @param minGapSeconds no two interventions closer than this, whatever their kind
 * @param references    key to full reference
 */
public record StateRules(String source, ScreenBounds screen, Map<LearnerState, StateTiming> timing, List<Rule> rules,
                         List<InterventionRule> interventions, double minGapSeconds, Map<String, String> references) {
    public static final String RESOURCE = "/org/facsflow/learn/state-rules.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public StateRules {
        timing = new EnumMap<>(timing);
        rules = List.copyOf(rules);
        interventions = List.copyOf(interventions);
        references = new LinkedHashMap<>(references);
    }

    /** The bundled rules, checked against {@code validation}. */
    public static StateRules standard(AuValidation validation) {
        try (InputStream in = StateRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            return parse(JSON.readTree(in), "state-rules.json (bundled)", validation);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** A user's rule file, checked against {@code validation}. */
    public static StateRules read(Path file, AuValidation validation) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new IOException(file + ": not a readable rule file: " + e.getMessage(), e);
        }
        try {
            return parse(root, file.toString(), validation);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The rules in use. */
    public List<Rule> enabled() {
        return rules.stream().filter(Rule::enabled).toList();
    }

    /** The AUs the rules in use read: the only AUs the analyser exports. */
    public Set<ActionUnit> ausInUse() {
        Set<ActionUnit> aus = new TreeSet<>((a, b) -> Integer.compare(a.number(), b.number()));
        for (Rule r : enabled()) aus.addAll(r.aus());
        return aus;
    }

    /** One line per disabled rule: its id and why. */
    public List<String> disabledMessages() {
        return rules.stream().filter(r -> !r.enabled()).map(r -> "rule " + r.id() + " (" + r.state().label()
                + ") is disabled: " + r.disabledBecause()).toList();
    }

    public Optional<InterventionRule> interventionFor(LearnerState state) {
        return interventions.stream().filter(i -> i.state() == state).findFirst();
    }

    private static StateRules parse(JsonNode root, String source, AuValidation validation) {
        Map<String, String> references = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = required(root, "references", "the file").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            references.put(e.getKey(), e.getValue().asText());
        }
        JsonNode s = required(root, "screen", "the file");
        ScreenBounds screen = new ScreenBounds(number(s, "gazeSideDegrees", "screen"), number(s, "gazeUpDegrees", "screen"),
                number(s, "gazeDownDegrees", "screen"), number(s, "headYawDegrees", "screen"), number(s, "headPitchDegrees", "screen"));

        Map<LearnerState, StateTiming> timing = new EnumMap<>(LearnerState.class);
        JsonNode states = required(root, "states", "the file");
        for (LearnerState state : LearnerState.values()) {
            JsonNode t = required(states, state.label(), "states");
            String where = "states." + state.label();
            timing.put(state, new StateTiming((int) number(t, "priority", where), number(t, "enterSeconds", where),
                    number(t, "exitSeconds", where), number(t, "minDwellSeconds", where)));
        }

        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode r : required(root, "rules", "the file")) {
            String id = text(r, "id", "a rule");
            String where = "rule " + id;
            if (!ids.add(id)) throw new IllegalArgumentException(where + " is listed twice");
            LearnerState state = LearnerState.of(text(r, "state", where));
            if (state == LearnerState.ENGAGED)
                throw new IllegalArgumentException(where + ": engaged is what holds when no other state's evidence does; "
                        + "it takes no rules");
            List<ActionUnit> aus = new ArrayList<>();
            for (JsonNode a : required(r, "aus", where)) aus.add(Feature.of(a.asText()).au());
            List<Criterion> when = new ArrayList<>();
            Set<ActionUnit> tested = new LinkedHashSet<>();
            for (JsonNode c : required(r, "when", where)) {
                Criterion criterion = criterion(c, where);
                for (Bound b : criterion.bounds()) if (b.feature().reads() != null) tested.add(b.feature().reads());
                when.add(criterion);
            }
            if (when.isEmpty()) throw new IllegalArgumentException(where + ": no criteria");
            if (!tested.equals(new LinkedHashSet<>(aus)))
                throw new IllegalArgumentException(where + ": \"aus\" must list exactly the AUs its criteria read ("
                        + tested.stream().map(ActionUnit::code).toList() + ")");
            List<String> sources = strings(required(r, "sources", where));
            for (String key : sources)
                if (!references.containsKey(key)) throw new IllegalArgumentException(where + ": unknown reference \"" + key + "\"");
            Rule rule = new Rule(id, state, aus, when, sources, text(r, "explain", where), null);
            List<String> problems = aus.stream().map(validation::problem).flatMap(Optional::stream).toList();
            rules.add(problems.isEmpty() ? rule : rule.disabled(String.join("; ", problems)));
        }

        List<InterventionRule> interventions = new ArrayList<>();
        for (JsonNode i : required(root, "interventions", "the file")) {
            LearnerState state = LearnerState.of(text(i, "state", "an intervention"));
            String where = "intervention for " + state.label();
            List<String> sources = strings(required(i, "sources", where));
            for (String key : sources)
                if (!references.containsKey(key)) throw new IllegalArgumentException(where + ": unknown reference \"" + key + "\"");
            interventions.add(new InterventionRule(state, Intervention.of(text(i, "kind", where)),
                    number(i, "afterSeconds", where), number(i, "cooldownSeconds", where), text(i, "message", where), sources));
        }
        return new StateRules(source, screen, timing, rules, interventions, number(root, "minGapSeconds", "the file"),
                references);
    }

    private static Criterion criterion(JsonNode c, String where) {
        List<Bound> bounds = new ArrayList<>();
        try {
            if (c.has("all")) for (JsonNode b : c.get("all")) bounds.add(bound(b, where));
            else bounds.add(bound(c, where));
            double window = c.has("windowSeconds") ? number(c, "windowSeconds", where) : 0;
            double share = c.has("share") ? number(c, "share", where) : 1;
            double keep = c.has("keepShare") ? number(c, "keepShare", where) : share;
            return new Criterion(bounds, window, share, keep);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static Bound bound(JsonNode b, String where) {
        return new Bound(Feature.of(text(b, "feature", where)),
                b.has("atLeast") ? number(b, "atLeast", where) : Double.NaN,
                b.has("atMost") ? number(b, "atMost", where) : Double.NaN);
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException(where + ": \"" + field + "\" is missing");
        return v;
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode v = required(node, field, where);
        if (!v.isNumber()) throw new IllegalArgumentException(where + ": \"" + field + "\" must be a number");
        return v.asDouble();
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = required(node, field, where);
        if (!v.isTextual() || v.asText().isBlank()) throw new IllegalArgumentException(where + ": \"" + field + "\" must be text");
        return v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return out;
    }
}
