package org.facsflow.affect.circumplex;

/** A point of Russell's circumplex: valence (unpleasant -1 .. pleasant +1) and arousal (calm -1 .. excited +1). */
public record ValenceArousal(float valence, float arousal) {
    public static final ValenceArousal UNMEASURED = new ValenceArousal(Float.NaN, Float.NaN);
}
