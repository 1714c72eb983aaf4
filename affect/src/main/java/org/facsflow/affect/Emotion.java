package org.facsflow.affect;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The common label set of the affect layer: the six basic emotions, contempt and neutral. The EMFACS rules score
 * every emotion but neutral (a face that fires no rule is neutral by default); the two learned classifiers know every
 * label but contempt (neither was trained with it), so their contempt probability is always 0 and not written.
 */
public enum Emotion {
    ANGER, CONTEMPT, DISGUST, FEAR, HAPPINESS, SADNESS, SURPRISE, NEUTRAL;

    /** What the learned classifiers output, in this enum's order. */
    public static final List<Emotion> CLASSIFIED = List.of(ANGER, DISGUST, FEAR, HAPPINESS, SADNESS, SURPRISE, NEUTRAL);
    /** What the EMFACS rules score, in this enum's order. */
    public static final List<Emotion> RULED = List.of(ANGER, CONTEMPT, DISGUST, FEAR, HAPPINESS, SADNESS, SURPRISE);

    private static final Set<Emotion> ALL = EnumSet.allOf(Emotion.class);

    /** The lower-case name used in rule files and CSV column names, e.g. "happiness". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The emotion whose {@link #label()} is {@code label} (case-insensitive). */
    public static Emotion ofLabel(String label) {
        for (Emotion e : ALL) if (e.label().equalsIgnoreCase(label.trim())) return e;
        throw new IllegalArgumentException("unknown emotion \"" + label.trim() + "\" (known: "
                + String.join(", ", ALL.stream().map(Emotion::label).toList()) + ")");
    }
}
