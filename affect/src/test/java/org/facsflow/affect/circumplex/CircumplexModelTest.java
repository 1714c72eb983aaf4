package org.facsflow.affect.circumplex;

import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.Emotion;
import org.facsflow.affect.EmotionScores;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The documented valence/arousal formula on inputs whose result can be worked out by hand. */
class CircumplexModelTest {
    private final CircumplexModel model = CircumplexModel.standard();
    private static final AuIntensities REST = AuIntensities.of(Map.of());

    private static EmotionScores only(Emotion e) {
        float[] p = new float[Emotion.values().length];
        p[e.ordinal()] = 1;
        return new EmotionScores(p);
    }

    @Test
    void classesAloneSitAtTheirCoordinates() {
        for (Emotion e : Emotion.CLASSIFIED) {
            ValenceArousal va = model.estimate(only(e), null);
            assertThat(va).isEqualTo(model.coordinates(e));
        }
        float[] mix = new float[Emotion.values().length];
        mix[Emotion.HAPPINESS.ordinal()] = 0.5f;
        mix[Emotion.SADNESS.ordinal()] = 0.5f;
        ValenceArousal half = model.estimate(new EmotionScores(mix), null);
        assertThat(half.valence()).isCloseTo((0.81f - 0.63f) / 2, within(1e-6f));
        assertThat(half.arousal()).isCloseTo((0.51f - 0.27f) / 2, within(1e-6f));
    }

    @Test
    void ausAloneFollowTheFormula() {
        // P = (AU12 + 0.5 min(AU6, AU12)) / 5 = (3 + 1) / 5.
        assertThat(model.estimate(null, AuIntensities.of(Map.of(12, 3f, 6, 2f)))).isEqualTo(new ValenceArousal(0.8f, 0f));
        // AU6 without AU12 adds nothing.
        assertThat(model.estimate(null, AuIntensities.of(Map.of(6, 3f))).valence()).isZero();
        // N = min(1, (AU4 + AU15 + AU9) / 5): 6 / 5 saturates.
        assertThat(model.estimate(null, AuIntensities.of(Map.of(4, 2f, 15, 2f, 9, 2f))).valence()).isEqualTo(-1f);
        // a = min(1, (AU5 + max(AU26, AU27) + min(AU1, AU2)) / 5) - min(1, AU43 / 5) = (1 + 1.5 + 0.5) / 5 - 0.2.
        ValenceArousal a = model.estimate(null, AuIntensities.of(Map.of(5, 1f, 26, 1.5f, 27, 0.5f, 1, 2f, 2, 0.5f, 43, 1f)));
        assertThat(a.arousal()).isCloseTo(0.4f, within(1e-6f));
        assertThat(model.estimate(null, AuIntensities.of(Map.of(43, 5f))).arousal()).isEqualTo(-1f);
    }

    @Test
    void bothHalvesWeighEqually() {
        // Happiness (0.81, 0.51) and a resting face (0, 0): half way.
        ValenceArousal va = model.estimate(only(Emotion.HAPPINESS), REST);
        assertThat(va.valence()).isCloseTo(0.405f, within(1e-6f));
        assertThat(va.arousal()).isCloseTo(0.255f, within(1e-6f));
        // A smile seen by both: 0.5 * 0.81 + 0.5 * 0.8.
        assertThat(model.estimate(only(Emotion.HAPPINESS), AuIntensities.of(Map.of(12, 3f, 6, 2f))).valence())
                .isCloseTo(0.805f, within(1e-6f));
        // Fear with raised brows, lids and dropped jaw: 0.5 * 0.60 + 0.5 * 1, clamped inputs.
        assertThat(model.estimate(only(Emotion.FEAR), AuIntensities.of(Map.of(1, 3f, 2, 3f, 5, 3f, 26, 3f))).arousal())
                .isCloseTo(0.8f, within(1e-6f));
    }

    @Test
    void missingInputsFallBackOrAreNaN() {
        float[] nan = new float[25];
        java.util.Arrays.fill(nan, Float.NaN);
        assertThat(model.estimate(only(Emotion.SADNESS), new AuIntensities(nan))).isEqualTo(model.coordinates(Emotion.SADNESS));
        ValenceArousal none = model.estimate(EmotionScores.unmeasured(), null);
        assertThat(none.valence()).isNaN();
        assertThat(none.arousal()).isNaN();
    }
}
