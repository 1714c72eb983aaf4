package org.facsflow.learn.state;

import org.facsflow.facs.ActionUnit;
import org.facsflow.learn.signals.Signals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The student's state from a stream of observations, by the rules of a {@link StateRules}: each enabled rule is
 * evidence for its state while all its criteria hold. A state is entered once its evidence has held for its
 * {@code enterSeconds} without a break, and left once it has been absent for {@code exitSeconds}; no change happens
 * within {@code minDwellSeconds} of the last; when several states' evidence holds, the higher priority wins; engaged
 * is what remains when no other state's evidence holds. The windows inside the rules, the entry times and the dwell
 * together keep a brief frown, a glance away or a sneeze from changing anything.
 */
public final class StateMachine {
    private static final ActionUnit BLINK = ActionUnit.AU45;
    private static final float BLINK_LEVEL = 1.5f;
    private static final double BLINK_WINDOW = 60;

    private final StateRules rules;
    private final double keepSeconds;
    private final List<Rule> enabled;
    /** Oldest first; entries older than the longest window are dropped in batches. */
    private final List<Observation> history = new ArrayList<>();
    private final Deque<Double> blinks = new ArrayDeque<>();
    private final Map<LearnerState, Double> heldSince = new EnumMap<>(LearnerState.class);
    private final Map<LearnerState, Double> absentSince = new EnumMap<>(LearnerState.class);
    private final Map<LearnerState, List<String>> holding = new EnumMap<>(LearnerState.class);
    private LearnerState current = LearnerState.ENGAGED;
    private double enteredAt;
    private double startedAt = Double.NaN;
    private float lastBlinkLevel;

    public StateMachine(StateRules rules) {
        this.rules = rules;
        this.enabled = rules.enabled();
        double longest = BLINK_WINDOW;
        for (Rule r : enabled) for (Criterion c : r.when()) longest = Math.max(longest, c.windowSeconds());
        this.keepSeconds = longest + 1;
    }

    public LearnerState current() {
        return current;
    }

    /** Seconds (session clock) at which the current state was entered. */
    public double since() {
        return enteredAt;
    }

    /** Ids of the enabled rules for {@code state} that held at the last observation. */
    public List<String> holding(LearnerState state) {
        return holding.getOrDefault(state, List.of());
    }

    /** The next observation (times must not go backwards); the change it caused, if any. */
    public Optional<StateChange> update(Signals signals, Behaviour behaviour) {
        double t = signals.t();
        if (!history.isEmpty() && t < history.get(history.size() - 1).t())
            throw new IllegalArgumentException("time went backwards: " + t + " after " + history.get(history.size() - 1).t());
        if (Double.isNaN(startedAt)) {
            startedAt = t;
            enteredAt = t;
        }
        history.add(new Observation(signals, behaviour, rules.screen().offScreen(signals), blinksPerMinute(signals)));
        int stale = 0;
        while (stale < history.size() && history.get(stale).t() < t - keepSeconds) stale++;
        if (stale >= 64) history.subList(0, stale).clear();

        for (LearnerState state : LearnerState.values()) {
            if (state == LearnerState.ENGAGED) continue;
            List<String> ids = new ArrayList<>();
            for (Rule r : enabled)
                if (r.state() == state && r.holds(history, state == current)) ids.add(r.id());
            holding.put(state, ids);
            if (ids.isEmpty()) {
                heldSince.remove(state);
                absentSince.putIfAbsent(state, t);
            } else {
                absentSince.remove(state);
                heldSince.putIfAbsent(state, t);
            }
        }
        if (t - enteredAt < rules.timing().get(current).minDwellSeconds()) return Optional.empty();

        LearnerState best = null;
        for (LearnerState state : LearnerState.values()) {
            if (state == current || state == LearnerState.ENGAGED) continue;
            Double since = heldSince.get(state);
            if (since == null || t - since < rules.timing().get(state).enterSeconds()) continue;
            if (best == null || priority(state) > priority(best)) best = state;
        }
        boolean currentOver = current != LearnerState.ENGAGED && absentSince.containsKey(current)
                && t - absentSince.get(current) >= rules.timing().get(current).exitSeconds();
        if (best != null && (current == LearnerState.ENGAGED || currentOver || priority(best) > priority(current)))
            return Optional.of(moveTo(best, t));
        if (currentOver) return Optional.of(moveTo(LearnerState.ENGAGED, t));
        return Optional.empty();
    }

    /**
     * Starts afresh after a pause: the windows and timers are cleared (evidence from before the pause counts for
     * nothing) and the student is taken to be engaged.
     *
     * @return the change to engaged, when the state was another
     */
    public Optional<StateChange> restart(double t) {
        history.clear();
        blinks.clear();
        heldSince.clear();
        absentSince.clear();
        holding.clear();
        startedAt = t;
        lastBlinkLevel = 0;
        if (current == LearnerState.ENGAGED) {
            enteredAt = t;
            return Optional.empty();
        }
        return Optional.of(moveTo(LearnerState.ENGAGED, t));
    }

    private StateChange moveTo(LearnerState next, double t) {
        StateChange change = new StateChange(t, current, next, next == LearnerState.ENGAGED ? List.of() : holding(next));
        current = next;
        enteredAt = t;
        return change;
    }

    private int priority(LearnerState s) {
        return rules.timing().get(s).priority();
    }

    /** Blinks counted as AU45 rising through {@value #BLINK_LEVEL}; NaN until a minute has been watched. */
    private float blinksPerMinute(Signals s) {
        float level = s.au(BLINK);
        if (!Float.isNaN(level)) {
            if (level >= BLINK_LEVEL && lastBlinkLevel < BLINK_LEVEL) blinks.addLast(s.t());
            lastBlinkLevel = level;
        }
        while (!blinks.isEmpty() && blinks.peekFirst() < s.t() - BLINK_WINDOW) blinks.removeFirst();
        return s.t() - startedAt < BLINK_WINDOW ? Float.NaN : blinks.size();
    }
}
