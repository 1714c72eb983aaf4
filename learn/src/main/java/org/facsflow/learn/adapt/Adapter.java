package org.facsflow.learn.adapt;

import org.facsflow.learn.state.LearnerState;
import org.facsflow.learn.state.StateChange;
import org.facsflow.learn.state.StateRules;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides when the lesson adapts: once per stay in a state, {@code afterSeconds} into it, unless the same kind of
 * intervention was given within its cool-down or any intervention within the rule file's minimum gap; one that waits
 * for a cool-down is given when the cool-down ends if the state still holds. In a condition that withholds
 * interventions, the same decisions are made and logged with {@code shown} false.
 */
public final class Adapter {
    private final StateRules rules;
    private final boolean show;
    private final Map<Intervention, Double> lastOfKind = new EnumMap<>(Intervention.class);
    private double lastAny = Double.NEGATIVE_INFINITY;
    private LearnerState state = LearnerState.ENGAGED;
    private double since;
    private List<String> causes = List.of();
    private boolean done;

    public Adapter(StateRules rules, boolean show) {
        this.rules = rules;
        this.show = show;
    }

    /** The state machine moved. */
    public void stateChanged(StateChange change) {
        state = change.to();
        since = change.t();
        causes = change.rules();
        done = false;
    }

    /** At each observation: the intervention due now, if any. */
    public Optional<Adaptation> due(double t) {
        if (done) return Optional.empty();
        Optional<InterventionRule> rule = rules.interventionFor(state);
        if (rule.isEmpty()) {
            done = true;
            return Optional.empty();
        }
        InterventionRule r = rule.get();
        if (t - since < r.afterSeconds() || t - lastAny < rules.minGapSeconds()
                || t - lastOfKind.getOrDefault(r.kind(), Double.NEGATIVE_INFINITY) < r.cooldownSeconds())
            return Optional.empty();
        done = true;
        lastAny = t;
        lastOfKind.put(r.kind(), t);
        return Optional.of(new Adaptation(t, r.kind(), state, causes, show, r.message()));
    }
}
