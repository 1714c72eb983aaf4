package org.facsflow.learn.state;

import java.util.Locale;

/**
 * What the state machine says about the student, in the learning-centred terms of D'Mello &amp; Graesser (2012) plus
 * the two that are not affect at all: away (nobody, or nobody looking) and fatigued.
 */
public enum LearnerState {
    ENGAGED("engaged", "working on the task"),
    CONFUSED("confused", "stuck on something"),
    FRUSTRATED("frustrated", "struggling with repeated setbacks"),
    BORED("bored", "not drawn into the task"),
    AWAY("away", "not at the screen, or looking elsewhere"),
    FATIGUED("fatigued", "tired (long or frequent eye closures)");

    private final String label;
    private final String meaning;

    LearnerState(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** The name used in the rule file, the log and the page, e.g. "confused". */
    public String label() {
        return label;
    }

    /** A few words for the student. */
    public String meaning() {
        return meaning;
    }

    public static LearnerState of(String label) {
        for (LearnerState s : values()) if (s.label.equals(label.toLowerCase(Locale.ROOT))) return s;
        throw new IllegalArgumentException("unknown state \"" + label + "\" (known: engaged, confused, frustrated, "
                + "bored, away, fatigued)");
    }
}
