package org.facsflow.fusion;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The late-fusion formula on estimates with known answers, and the per-person standardisation of early fusion. */
class LateFusionTest {
    private static final double NAN = Double.NaN;

    /**
     * Three windows: all sources there; the voice silent (reliability 0) and the skin-conductance sensor half covered;
     * the face not measurable (NaN) with only the sensor left.
     */
    @Test
    void reliabilityWeightsDropASourceWhileItIsUnavailable() {
        LateFusion.Estimate face = LateFusion.estimate(LateFusion.FACE, 1, new double[] {0.2, 0.2, NAN}, new double[] {1, 0.5, 0});
        LateFusion.Estimate voice = LateFusion.estimate(LateFusion.VOICE, 1, new double[] {0.8, 0.8, 0.8}, new double[] {1, 0, 0});
        LateFusion.Estimate eda = LateFusion.estimate("eda", 1, new double[] {-0.4, -0.4, -0.4}, new double[] {0.5, 0.5, 1});
        LateFusion.Fused f = LateFusion.fuse(3, List.of(face, voice, eda));
        assertThat(f.fused()[0]).isCloseTo((0.2 + 0.8 - 0.2) / 2.5, within(1e-12));
        assertThat(f.fused()[1]).isCloseTo((0.5 * 0.2 - 0.5 * 0.4) / 1.0, within(1e-12));
        assertThat(f.fused()[2]).isCloseTo(-0.4, within(1e-12));
        assertThat(voice.share()[1]).isZero();
        assertThat(face.share()[2]).isZero();
        for (int i = 0; i < 3; i++)
            assertThat(face.share()[i] + voice.share()[i] + eda.share()[i]).isCloseTo(1, within(1e-12));
        assertThat(f.faceOnly()).containsExactly(0.2, 0.2, NAN);
    }

    @Test
    void withTheFaceAloneFusedIsTheFace() {
        LateFusion.Estimate face = LateFusion.estimate(LateFusion.FACE, 1, new double[] {0.3, -0.1}, new double[] {0.9, 0.2});
        LateFusion.Estimate voice = LateFusion.estimate(LateFusion.VOICE, 1, new double[] {NAN, NAN}, new double[] {0, 0});
        LateFusion.Fused f = LateFusion.fuse(2, List.of(face, voice));
        assertThat(f.fused()[0]).isCloseTo(0.3, within(1e-12));
        assertThat(f.fused()[1]).isCloseTo(-0.1, within(1e-12));
        assertThat(face.share()).containsExactly(1.0, 1.0);
    }

    @Test
    void standardisedPerPersonOverTheirWindows() {
        double[] z = EarlyFusion.zScores(new double[] {1, 2, NAN, 3});
        assertThat(z[0]).isCloseTo(-1, within(1e-12));
        assertThat(z[1]).isCloseTo(0, within(1e-12));
        assertThat(z[2]).isNaN();
        assertThat(z[3]).isCloseTo(1, within(1e-12));
        assertThat(EarlyFusion.zScores(new double[] {2, 2, 2})).containsOnly(NAN);
        assertThat(LateFusion.clampHalf(3)).isEqualTo(1);
        assertThat(LateFusion.clampHalf(-1)).isEqualTo(-0.5);
    }
}
