package org.facsflow.affect.episodes;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.facsflow.affect.SyntheticSeries.firstAtLeast;
import static org.facsflow.affect.SyntheticSeries.time;
import static org.facsflow.affect.SyntheticSeries.trapezoid;
import static org.facsflow.affect.SyntheticSeries.yaw;

class EpisodeDetectorTest {
    private static final EpisodeThresholds T = new EpisodeThresholds(1.5f, 1.0f, 0.3);

    private static List<Episode> run(float[] values, boolean[] gated) {
        EpisodeDetector d = new EpisodeDetector(T);
        List<Episode> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Episode e = d.next(i, time(i), values[i], gated != null && gated[i]);
            if (e != null) out.add(e);
        }
        Episode last = d.finish();
        if (last != null) out.add(last);
        return out;
    }

    @Test
    void findsOnsetApexAndOffsetOfKnownEpisodes() {
        float[] v = new float[200];
        for (int i = 0; i < v.length; i++) v[i] = trapezoid(i, 20, 80, 10, 3f) + trapezoid(i, 120, 170, 5, 2f);
        List<Episode> found = run(v, null);
        assertThat(found).hasSize(2);
        Episode a = found.get(0);
        int onset = firstAtLeast(i -> v[i], 20, 1.0), offset = 30;
        while (v[offset] >= 1.0f) offset++;
        assertThat(a.onsetFrame()).isEqualTo(onset);
        assertThat(a.offsetFrame()).isEqualTo(offset);
        // The true crossing of 1.0 lies between frames: within one frame either way.
        assertThat(a.onset()).isCloseTo(time(20) + (10 / 3.0) / 30, within(1 / 30.0));
        assertThat(a.offset()).isCloseTo(time(80) - (10 / 3.0) / 30, within(1 / 30.0));
        assertThat(a.peak()).isEqualTo(3f);
        assertThat(a.apexFrame()).isBetween(30L, 70L);
        assertThat(a.truncated()).isFalse();
        assertThat(found.get(1).onset()).isCloseTo(time(120) + 2.5 / 30, within(1 / 30.0));
        assertThat(found.get(1).offset()).isCloseTo(time(170) - 2.5 / 30, within(1 / 30.0));
    }

    @Test
    void hysteresisKeepsANoisyEpisodeWholeAndIgnoresSubThresholdRuns() {
        float[] v = new float[120];
        // Wobbles between 1.1 and 1.9 (crossing 1.5 often) from frame 10 to 59: one episode.
        for (int i = 10; i < 60; i++) v[i] = i % 2 == 0 ? 1.9f : 1.1f;
        // Frames 70-109 sit at 1.3: present but never "on": no episode.
        for (int i = 70; i < 110; i++) v[i] = 1.3f;
        List<Episode> found = run(v, null);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).onsetFrame()).isEqualTo(10);
        assertThat(found.get(0).offsetFrame()).isEqualTo(60);
    }

    @Test
    void dropsEpisodesShorterThanTheMinimumAndMarksTruncatedOnes() {
        float[] v = new float[100];
        for (int i = 10; i < 15; i++) v[i] = 3; // 5 frames = 0.17 s < 0.3 s
        for (int i = 85; i < 100; i++) v[i] = 3; // still on at the end, 0.47 s so far
        List<Episode> found = run(v, null);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).truncated()).isTrue();
        assertThat(found.get(0).offsetFrame()).isEqualTo(99);
    }

    @Test
    void gatedFramesNeitherStartNorEndAnEpisode() {
        float[] v = new float[100];
        boolean[] gated = new boolean[100];
        for (int i = 10; i < 30; i++) {
            v[i] = 3;
            gated[i] = true; // a spike entirely inside fast motion
        }
        for (int i = 50; i < 80; i++) v[i] = 3;
        for (int i = 60; i < 65; i++) {
            v[i] = 0; // a dropout during motion does not split the episode
            gated[i] = true;
        }
        List<Episode> found = run(v, gated);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).onsetFrame()).isEqualTo(50);
        assertThat(found.get(0).offsetFrame()).isEqualTo(80);
    }

    @Test
    void headMotionGateMeasuresAngularSpeed() {
        HeadMotionGate gate = new HeadMotionGate(Math.toRadians(60));
        assertThat(gate.next(0, yaw(0))).isFalse();
        // 1 degree per frame at 30 fps = 30 deg/s: below the limit.
        assertThat(gate.next(time(1), yaw(1))).isFalse();
        assertThat(Math.toDegrees(gate.lastSpeed())).isCloseTo(30, within(0.1));
        // 4 degrees in one frame = 120 deg/s: gated, and for 0.1 s after.
        assertThat(gate.next(time(2), yaw(5))).isTrue();
        assertThat(gate.next(time(3), yaw(5))).isTrue();
        assertThat(gate.next(time(4), yaw(5))).isTrue();
        assertThat(gate.next(time(6), yaw(5))).isFalse();
        // Euler angles in OpenFace's convention give the same speeds.
        HeadMotionGate euler = new HeadMotionGate(Math.toRadians(60));
        euler.next(0, 0.1, 0.2, 0.05);
        euler.next(time(1), 0.1, 0.2 + Math.toRadians(1), 0.05);
        assertThat(Math.toDegrees(euler.lastSpeed())).isCloseTo(30, within(0.1));
        // Unknown poses break the chain rather than gate.
        assertThat(euler.next(time(2), Double.NaN, 0, 0)).isFalse();
        assertThat(euler.lastSpeed()).isNaN();
    }
}
