package org.facsflow.learn.pilot;

import java.util.Locale;

/** The pilot's two conditions: the same exercises, with or without the lesson adapting to the detected states. */
public enum PilotCondition {
    ADAPTIVE, NON_ADAPTIVE;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PilotCondition of(String label) {
        for (PilotCondition c : values()) if (c.label().equals(label)) return c;
        throw new IllegalArgumentException("unknown condition \"" + label + "\" (adaptive, non-adaptive)");
    }
}
