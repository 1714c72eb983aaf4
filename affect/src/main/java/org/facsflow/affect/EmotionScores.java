package org.facsflow.affect;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * One number per {@link Emotion}, indexed by ordinal: classifier probabilities or EMFACS rule scores, each 0-1.
 * NaN means not measured (e.g. rule scores without AU intensities).
 */
public record EmotionScores(float[] values) {
    public EmotionScores {
        if (values.length != Emotion.values().length)
            throw new IllegalArgumentException(values.length + " values for " + Emotion.values().length + " emotions");
    }

    /** All NaN: nothing measured. */
    public static EmotionScores unmeasured() {
        float[] v = new float[Emotion.values().length];
        Arrays.fill(v, Float.NaN);
        return new EmotionScores(v);
    }

    public float get(Emotion e) {
        return values[e.ordinal()];
    }

    /** The emotion with the highest value among {@code among}; empty if all are NaN or none is above 0. */
    public Optional<Emotion> top(Collection<Emotion> among) {
        Emotion best = null;
        for (Emotion e : among) if (get(e) > 0 && (best == null || get(e) > get(best))) best = e;
        return Optional.ofNullable(best);
    }

    /** Whether at least one value is measured. */
    public boolean measured() {
        for (float v : values) if (!Float.isNaN(v)) return true;
        return false;
    }
}
