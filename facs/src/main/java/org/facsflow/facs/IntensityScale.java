package org.facsflow.facs;

import java.util.Optional;

/**
 * The FACS intensity letters, mapped from a continuous 0-5 intensity like OpenFace's {@code AUxx_r}, where 1 stands
 * for A and 5 for E. Each letter covers its integer &plusmn;0.5, except that A starts at {@link #PRESENCE_THRESHOLD}
 * (1.0), not 0.5: regressors leave small non-zero values on a resting face, and A (trace) is the narrowest band of the
 * FACS scale anyway. So:
 * <pre>
 *   below 1.0  no letter (absent)
 *   [1.0, 1.5) A   trace
 *   [1.5, 2.5) B   slight
 *   [2.5, 3.5) C   marked or pronounced
 *   [3.5, 4.5) D   severe or extreme
 *   4.5 and up E   maximum
 * </pre>
 */
public enum IntensityScale {
    A("trace"), B("slight"), C("marked or pronounced"), D("severe or extreme"), E("maximum");

    /** The intensity from which an AU counts as present (letter A). */
    public static final float PRESENCE_THRESHOLD = 1.0f;

    private final String meaning;

    IntensityScale(String meaning) {
        this.meaning = meaning;
    }

    /** FACS's words for the letter, e.g. "trace". */
    public String meaning() {
        return meaning;
    }

    /** Whether a 0-5 intensity reaches letter A; false for NaN. */
    public static boolean isPresent(double intensity) {
        return intensity >= PRESENCE_THRESHOLD;
    }

    /** The letter for a 0-5 intensity; empty below the presence threshold and for NaN. */
    public static Optional<IntensityScale> letter(float intensity) {
        if (!isPresent(intensity)) return Optional.empty();
        int nearest = Math.min(5, Math.round(intensity));
        return Optional.of(values()[nearest - 1]);
    }
}
