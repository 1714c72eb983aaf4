package org.facsflow.learn.adapt;

import java.util.Locale;

/** What the lesson can do for the student. */
public enum Intervention {
    /** Show a hint for the current item. */
    HINT("hint"),
    /** Give the next items one difficulty level lower. */
    STEP_DOWN("step_down"),
    /** Suggest a short break (the student decides). */
    BREAK("break"),
    /** A word of encouragement. */
    ENCOURAGE("encourage");

    private final String label;

    Intervention(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Intervention of(String label) {
        for (Intervention i : values()) if (i.label.equals(label.toLowerCase(Locale.ROOT))) return i;
        throw new IllegalArgumentException("unknown intervention \"" + label + "\" (known: hint, step_down, break, encourage)");
    }
}
