package org.facsflow.media.voice;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pitch and voicing tracker against signals whose answers are known: steady harmonic tones from 65 to 440 Hz,
 * exponential glides up (80 to 320 Hz) and down (400 to 120 Hz), with silence and white-noise stretches (sound that
 * is active but unvoiced) between them; clean, and under steady background noise 20 dB below the tones. Frames within
 * 20 ms of a segment's edge are not counted (a 25 ms window there straddles two answers). The errors are printed:
 * {@code mvn -B -pl media -am test -Dtest=PitchValidationTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PitchValidationTest {
    private static final double EDGE_S = 0.02, LENGTH_S = 12;

    private record Segment(double start, double end, DoubleUnaryOperator f0) {
    }

    private static final List<Segment> VOICED = List.of(
            new Segment(0.5, 1.5, t -> 100), new Segment(2.0, 3.0, t -> 220), new Segment(3.5, 4.5, t -> 440),
            new Segment(5.0, 7.0, TestSignals.glide(5.0, 2.0, 80, 320)),
            new Segment(7.5, 9.5, TestSignals.glide(7.5, 2.0, 400, 120)), new Segment(10.0, 11.0, t -> 65));
    /** Unvoiced but active: noise bursts, as fricatives. */
    private static final double[][] NOISE = {{1.5, 2.0}, {4.5, 5.0}, {9.5, 10.0}};

    private static float[] signal(double backgroundRms) {
        float[] x = new float[(int) (LENGTH_S * TestSignals.RATE)];
        for (Segment s : VOICED) TestSignals.harmonic(x, s.start(), s.end() - s.start(), s.f0(), 0.3);
        for (int i = 0; i < NOISE.length; i++) TestSignals.noise(x, NOISE[i][0], NOISE[i][1] - NOISE[i][0], 0.05, i);
        if (backgroundRms > 0) TestSignals.noise(x, 0, LENGTH_S, backgroundRms, 99);
        return x;
    }

    private static PitchErrors errors(VoiceTrack track) {
        PitchErrors errors = new PitchErrors();
        List<double[]> edges = new ArrayList<>();
        for (Segment s : VOICED) edges.add(new double[] {s.start(), s.end()});
        for (double[] n : NOISE) edges.add(n);
        frames:
        for (int i = 0; i < track.frames().size(); i++) {
            double t = track.frames().time(i);
            for (double[] e : edges) if (Math.abs(t - e[0]) < EDGE_S || Math.abs(t - e[1]) < EDGE_S) continue frames;
            double reference = Double.NaN;
            for (Segment s : VOICED) if (t > s.start() && t < s.end()) reference = s.f0().applyAsDouble(t);
            errors.add(reference, track.voiced(i), track.frames().f0()[i]);
        }
        return errors;
    }

    @Test
    void tonesAndGlidesClean() {
        check("clean", 0, 0.01, 10, 0.03);
    }

    @Test
    void tonesAndGlidesInNoise() {
        // Tone RMS about 0.3 * 0.63 / sqrt(2) = 0.13; background 0.013 is 20 dB below.
        check("background noise 20 dB down", 0.013, 0.02, 15, 0.05);
    }

    private static void check(String condition, double backgroundRms, double maxGpe, double maxCents, double maxVde) {
        PitchErrors e = errors(TestSignals.analyse(signal(backgroundRms)));
        System.out.println("pitch, tones and glides, " + condition + ": " + e.describe(true));
        assertThat(e.grossErrorRate()).isLessThan(maxGpe);
        assertThat(e.meanAbsoluteCents()).isLessThan(maxCents);
        assertThat(e.voicingDecisionError()).isLessThan(maxVde);
    }

    @Test
    void silenceAndNoiseAloneAreNeitherVoicedNorSpeech() {
        float[] silence = new float[3 * TestSignals.RATE];
        VoiceTrack quiet = TestSignals.analyse(silence);
        assertThat(quiet.sound().kind()).isEqualTo(SoundCheck.Kind.SILENT);
        assertThat(quiet.over(0, 3)).isNull();
        float[] hiss = new float[3 * TestSignals.RATE];
        TestSignals.noise(hiss, 0, 3, 0.1, 7);
        VoiceTrack noise = TestSignals.analyse(hiss);
        assertThat(noise.sound().kind()).isEqualTo(SoundCheck.Kind.OTHER);
        for (int i = 0; i < noise.frames().size(); i++) assertThat(noise.voiced(i)).isFalse();
    }
}
