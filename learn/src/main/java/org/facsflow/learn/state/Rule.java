package org.facsflow.learn.state;

import org.facsflow.facs.ActionUnit;

import java.util.List;

/**
 * One rule of the rule file: when all its criteria hold, it is evidence for its state.
 *
 * @param id              a short name, e.g. "confusion-brow-lid"
 * @param state           the state it is evidence for
 * @param aus             the AUs it reads (each AU its criteria test, and no other)
 * @param when            the criteria, all of which must hold
 * @param sources         keys of the rule file's references
 * @param explain         what it means, in words a student reads ("Why did the lesson change?")
 * @param disabledBecause null for a rule in use; else why it is not (an AU the coder does not validate)
 */
public record Rule(String id, LearnerState state, List<ActionUnit> aus, List<Criterion> when, List<String> sources,
                   String explain, String disabledBecause) {
    public Rule {
        aus = List.copyOf(aus);
        when = List.copyOf(when);
        sources = List.copyOf(sources);
    }

    public boolean enabled() {
        return disabledBecause == null;
    }

    /** Whether every criterion holds at the newest observation of {@code history}. */
    public boolean holds(List<Observation> history, boolean stateIsCurrent) {
        for (Criterion c : when) if (!c.holds(history, stateIsCurrent)) return false;
        return true;
    }

    Rule disabled(String why) {
        return new Rule(id, state, aus, when, sources, explain, why);
    }
}
