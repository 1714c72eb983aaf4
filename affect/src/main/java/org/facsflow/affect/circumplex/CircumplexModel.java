package org.facsflow.affect.circumplex;

import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.Emotion;
import org.facsflow.affect.EmotionScores;
import org.facsflow.facs.ActionUnit;

import java.util.EnumMap;
import java.util.Map;

/**
 * Continuous valence and arousal per frame from the fused emotion probabilities and the AU intensities. No model
 * for valence/arousal exists in the registries (shared/STACK.md), so this is a documented heuristic, not a
 * measurement; affect/README.md gives the formula with its sources.
 *
 * <pre>
 *   v_cls = sum_e p_e V_e                 a_cls = sum_e p_e A_e        (p: fused probabilities, (V_e, A_e) below)
 *   P = min(1, (AU12 + 0.5 min(AU6, AU12)) / 5)      N = min(1, (AU4 + AU15 + AU9) / 5)       v_au = P - N
 *   a_au = min(1, (AU5 + max(AU26, AU27) + min(AU1, AU2)) / 5) - min(1, AU43 / 5)
 *   valence = clamp(w v_cls + (1 - w) v_au),   arousal = clamp(w a_cls + (1 - w) a_au),   w = 0.5, clamp to [-1, 1]
 * </pre>
 * With only one of the two inputs, that one counts alone; with neither, NaN. AU6 counts only together with AU12
 * (cheek raise alone also comes with pain and sadness's 6+15); AU43 (eyes closed) is the one low-arousal cue.
 */
public final class CircumplexModel {
    /** Weight of the classifier term; the AU term gets the rest. Equal: neither is validated against the other. */
    public static final float CLASSIFIER_WEIGHT = 0.5f;

    private final Map<Emotion, ValenceArousal> coordinates;
    private final float classifierWeight;

    public CircumplexModel(Map<Emotion, ValenceArousal> coordinates, float classifierWeight) {
        for (Emotion e : Emotion.values())
            if (!coordinates.containsKey(e)) throw new IllegalArgumentException("no coordinates for " + e.label());
        if (!(classifierWeight >= 0 && classifierWeight <= 1))
            throw new IllegalArgumentException("classifier weight " + classifierWeight + " is not in [0, 1]");
        this.coordinates = new EnumMap<>(coordinates);
        this.classifierWeight = classifierWeight;
    }

    /** The standard coordinates and weight. */
    public static CircumplexModel standard() {
        return new CircumplexModel(standardCoordinates(), CLASSIFIER_WEIGHT);
    }

    /**
     * Each label's place on the circumplex: the pleasure and arousal ratings of the emotion words (happy, sad, angry,
     * afraid, surprised, disgusted) in Russell &amp; Mehrabian (1977), as commonly used to put Ekman's basic emotions in
     * PAD space in affective computing (e.g. Gebhard's ALMA, 2005), rounded to two decimals. Contempt is our own
     * placement (disgust's valence side, lower arousal): neither table rates it. Neutral is the origin. Heuristic:
     * these rate words, not faces.
     */
    public static Map<Emotion, ValenceArousal> standardCoordinates() {
        Map<Emotion, ValenceArousal> c = new EnumMap<>(Emotion.class);
        c.put(Emotion.HAPPINESS, new ValenceArousal(0.81f, 0.51f));
        c.put(Emotion.SURPRISE, new ValenceArousal(0.40f, 0.67f));
        c.put(Emotion.FEAR, new ValenceArousal(-0.64f, 0.60f));
        c.put(Emotion.ANGER, new ValenceArousal(-0.51f, 0.59f));
        c.put(Emotion.DISGUST, new ValenceArousal(-0.60f, 0.35f));
        c.put(Emotion.CONTEMPT, new ValenceArousal(-0.45f, 0.15f));
        c.put(Emotion.SADNESS, new ValenceArousal(-0.63f, -0.27f));
        c.put(Emotion.NEUTRAL, new ValenceArousal(0f, 0f));
        return c;
    }

    public ValenceArousal coordinates(Emotion e) {
        return coordinates.get(e);
    }

    /**
     * Valence and arousal from fused probabilities and AU intensities; either may be null (or unmeasured), not both
     * for a measured result.
     */
    public ValenceArousal estimate(EmotionScores probabilities, AuIntensities aus) {
        ValenceArousal fromClasses = probabilities == null || !probabilities.measured() ? null : fromClasses(probabilities);
        ValenceArousal fromAus = aus == null ? null : fromAus(aus);
        if (fromAus != null && (Float.isNaN(fromAus.valence()) || Float.isNaN(fromAus.arousal()))) fromAus = null;
        if (fromClasses == null && fromAus == null) return ValenceArousal.UNMEASURED;
        if (fromAus == null) return clamp(fromClasses.valence(), fromClasses.arousal());
        if (fromClasses == null) return clamp(fromAus.valence(), fromAus.arousal());
        float w = classifierWeight;
        return clamp(w * fromClasses.valence() + (1 - w) * fromAus.valence(),
                w * fromClasses.arousal() + (1 - w) * fromAus.arousal());
    }

    /** The probability-weighted mean of the labels' coordinates. */
    public ValenceArousal fromClasses(EmotionScores p) {
        float v = 0, a = 0;
        for (Emotion e : Emotion.values()) {
            float pe = p.get(e);
            if (Float.isNaN(pe)) continue;
            v += pe * coordinates.get(e).valence();
            a += pe * coordinates.get(e).arousal();
        }
        return new ValenceArousal(v, a);
    }

    /** The AU terms v_au and a_au of the class comment; NaN if an AU they use is not measured. */
    public static ValenceArousal fromAus(AuIntensities aus) {
        float au12 = aus.get(ActionUnit.AU12);
        float positive = Math.min(1, (au12 + 0.5f * Math.min(aus.get(ActionUnit.AU6), au12)) / 5);
        float negative = Math.min(1, (aus.get(ActionUnit.AU4) + aus.get(ActionUnit.AU15) + aus.get(ActionUnit.AU9)) / 5);
        float activation = Math.min(1, (aus.get(ActionUnit.AU5)
                + Math.max(aus.get(ActionUnit.AU26), aus.get(ActionUnit.AU27))
                + Math.min(aus.get(ActionUnit.AU1), aus.get(ActionUnit.AU2))) / 5);
        float deactivation = Math.min(1, aus.get(ActionUnit.AU43) / 5);
        return new ValenceArousal(positive - negative, activation - deactivation);
    }

    private static ValenceArousal clamp(float v, float a) {
        return new ValenceArousal(Math.max(-1, Math.min(1, v)), Math.max(-1, Math.min(1, a)));
    }
}
