package org.facsflow.learn.state;

import java.util.List;

/**
 * The state machine moved from one state to another.
 *
 * @param t     seconds since the session started
 * @param rules ids of the rules whose evidence put the student in {@code to}; empty for engaged
 */
public record StateChange(double t, LearnerState from, LearnerState to, List<String> rules) {
    public StateChange {
        rules = List.copyOf(rules);
    }
}
