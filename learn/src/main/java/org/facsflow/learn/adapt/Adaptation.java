package org.facsflow.learn.adapt;

import org.facsflow.learn.state.LearnerState;

import java.util.List;

/**
 * One time the lesson adapted (or, in the pilot's non-adaptive condition, would have), with the state and rules that
 * caused it: what the student's "Why did the lesson change?" panel lists.
 *
 * @param t       session seconds
 * @param shown   false where the condition withholds interventions (logged, not shown)
 * @param message what the student read
 */
public record Adaptation(double t, Intervention kind, LearnerState state, List<String> rules, boolean shown,
                         String message) {
    public Adaptation {
        rules = List.copyOf(rules);
    }
}
