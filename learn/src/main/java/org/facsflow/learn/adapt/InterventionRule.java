package org.facsflow.learn.adapt;

import org.facsflow.learn.state.LearnerState;

/**
 * When the lesson adapts: {@code afterSeconds} into {@code state}, with {@code kind}, unless the same kind was given less
 * than {@code cooldownSeconds} ago.
 *
 * @param message what the student reads
 * @param sources keys of the rule file's references
 */
public record InterventionRule(LearnerState state, Intervention kind, double afterSeconds, double cooldownSeconds,
                               String message, java.util.List<String> sources) {
    public InterventionRule {
        if (!(afterSeconds >= 0 && cooldownSeconds >= 0))
            throw new IllegalArgumentException("intervention " + kind.label() + ": negative time");
        sources = java.util.List.copyOf(sources);
    }
}
