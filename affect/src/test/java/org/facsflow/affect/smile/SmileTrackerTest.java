package org.facsflow.affect.smile;

import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.episodes.HeadMotionGate;
import org.facsflow.face.HeadPose;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.facsflow.affect.SyntheticSeries.smileFrame;
import static org.facsflow.affect.SyntheticSeries.time;
import static org.facsflow.affect.SyntheticSeries.trapezoid;
import static org.facsflow.affect.SyntheticSeries.yaw;

/** Smiles in hand-made AU12/AU6 series at 30 fps whose true episode boundaries are known. */
class SmileTrackerTest {
    private static final double FRAME = 1 / 30.0;

    private static List<SmileEpisode> track(int frames, IntFunction<AuIntensities> aus, IntFunction<HeadPose> pose) {
        SmileTracker tracker = new SmileTracker(7, SmileParameters.STANDARD);
        HeadMotionGate gate = new HeadMotionGate();
        List<SmileEpisode> smiles = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            SmileEpisode s = tracker.next(i, time(i), aus.apply(i), gate.next(time(i), pose.apply(i)));
            if (s != null) smiles.add(s);
        }
        SmileEpisode last = tracker.finish();
        if (last != null) smiles.add(last);
        return smiles;
    }

    /** Three smiles: AU6 following AU12 3 frames late; no AU6; AU6 held flat (a squint) across the smile. */
    private static AuIntensities threeSmiles(int i) {
        float au12 = trapezoid(i, 30, 100, 10, 3f) + trapezoid(i, 150, 220, 10, 3f) + trapezoid(i, 240, 290, 8, 2.5f);
        float au6 = trapezoid(i, 33, 103, 10, 2.4f) + (i >= 150 && i < 230 ? 0.2f : 0) + (i >= 235 ? 2f : 0);
        return smileFrame(au12, au6, Float.NaN, Float.NaN);
    }

    @Test
    void findsEachSmileWithinOneFrameOfItsTrueBoundaries() {
        List<SmileEpisode> smiles = track(300, SmileTrackerTest::threeSmiles, i -> yaw(0));
        assertThat(smiles).hasSize(3);
        // AU12 crosses 1.0 (A) one third of the way up a 10-frame ramp of height 3, and likewise on the way down.
        double[][] truth = {{30 + 10 / 3.0, 100 - 10 / 3.0}, {150 + 10 / 3.0, 220 - 10 / 3.0}, {240 + 8 / 2.5, 290 - 8 / 2.5}};
        for (int k = 0; k < 3; k++) {
            SmileEpisode s = smiles.get(k);
            assertThat(s.faceId()).isEqualTo(7);
            assertThat(s.au12().onset()).as("onset of smile %d", k).isCloseTo(truth[k][0] / 30, within(FRAME));
            assertThat(s.au12().offset()).as("offset of smile %d", k).isCloseTo(truth[k][1] / 30, within(FRAME));
            assertThat(s.au12().apex()).isBetween(s.au12().onset(), s.au12().offset());
            assertThat(s.symmetry()).as("no sides measured").isNaN();
        }
        assertThat(smiles.get(0).au12().peak()).isEqualTo(3f);
        assertThat(smiles.get(2).au12().peak()).isEqualTo(2.5f);
    }

    @Test
    void duchenneNeedsAu6CoupledWithAu12() {
        List<SmileEpisode> smiles = track(300, SmileTrackerTest::threeSmiles, i -> yaw(0));
        SmileEpisode coupled = smiles.get(0), without = smiles.get(1), squint = smiles.get(2);
        assertThat(coupled.duchenne()).isTrue();
        assertThat(coupled.au6Fraction()).isGreaterThan(0.9f);
        assertThat(coupled.correlation()).isGreaterThan(0.5f);
        // AU6 crosses 1.0 at frame 33 + 10 / 2.4, AU12 at 30 + 10 / 3: AU6 follows by about 0.13 s.
        assertThat(coupled.au6OnsetLag()).isCloseTo((33 + 10 / 2.4 - 30 - 10 / 3.0) / 30, within(FRAME));

        assertThat(without.duchenne()).isFalse();
        assertThat(without.au6Fraction()).isZero();
        assertThat(without.au6OnsetLag()).isNaN();

        // A flat AU6 is present throughout but does not move with AU12: not a Duchenne smile.
        assertThat(squint.au6Fraction()).isEqualTo(1f);
        assertThat(squint.duchenne()).isFalse();
        assertThat(squint.au6OnsetLag()).isCloseTo((235 - (240 + 8 / 2.5)) / 30, within(FRAME));
    }

    @Test
    void aMirroredSmileKeepsItsSymmetryMagnitudeWithTheSignSwapped() {
        IntFunction<AuIntensities> rightSided = i -> {
            float au12 = trapezoid(i, 10, 60, 5, 3f);
            return smileFrame(au12, 0, 0.5f * au12, au12);
        };
        SmileEpisode original = track(80, rightSided, i -> yaw(0)).get(0);
        SmileEpisode mirrored = track(80, i -> rightSided.apply(i).mirrored(), i -> yaw(0)).get(0);
        // (R - L) / (R + L) = (1 - 0.5) / 1.5 in every frame.
        assertThat(original.symmetry()).isCloseTo(1 / 3f, within(1e-5f));
        assertThat(mirrored.symmetry()).isCloseTo(-original.symmetry(), within(1e-6f));
        assertThat(mirrored.au12()).isEqualTo(original.au12());
    }

    @Test
    void aSmileLikeSpikeDuringAFastHeadTurnIsSuppressed() {
        // AU12 rises for 0.4 s (long enough to count) exactly while the head turns at 120 degrees/s; a real smile later.
        IntFunction<AuIntensities> aus = i -> smileFrame(trapezoid(i, 100, 113, 3, 3f) + trapezoid(i, 200, 260, 6, 2.5f),
                0, Float.NaN, Float.NaN);
        IntFunction<HeadPose> turning = i -> yaw(i <= 100 ? 0 : 4 * (Math.min(i, 112) - 100));
        List<SmileEpisode> gated = track(300, aus, turning);
        assertThat(gated).hasSize(1);
        assertThat(gated.get(0).au12().onsetFrame()).isBetween(200L, 210L);
        // The same spike with a still head is a smile: the gate, not the thresholds, removed it.
        assertThat(track(300, aus, i -> yaw(0))).hasSize(2);
    }
}
