package org.facsflow.affect;

/**
 * Whether the EMFACS rules and the learned classifiers name the same emotion for a face in a frame. The rules'
 * verdict is their top-scoring emotion, or neutral when no rule fires; the classifiers' is the top of the smoothed
 * fused probabilities. They disagree by construction on contempt (the classifiers lack it) and often on subtle or
 * mixed expressions, where the rules need every AU of a combination and the classifiers see the whole face.
 */
public enum Agreement {
    AGREE, DISAGREE,
    /** No AU intensities, so the rules said nothing. */
    UNKNOWN;

    static Agreement of(EmotionScores rules, EmotionScores classes) {
        if (!rules.measured() || !classes.measured()) return UNKNOWN;
        Emotion byRules = rules.top(Emotion.RULED).orElse(Emotion.NEUTRAL);
        Emotion byClasses = classes.top(Emotion.CLASSIFIED).orElse(Emotion.NEUTRAL);
        return byRules == byClasses ? AGREE : DISAGREE;
    }
}
