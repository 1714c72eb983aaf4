package org.facsflow.media.voice;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/** Signals with known pitch for the tests: harmonic tones that follow an F0 contour, noise and silence. */
final class TestSignals {
    static final int RATE = ProsodySettings.STANDARD.sampleRate();

    private TestSignals() {
    }

    /**
     * A voiced sound: 8 harmonics of amplitude 1/k (a rough glottal source) following {@code f0(t)} Hz, peak
     * amplitude about {@code amplitude}, written into {@code out} from {@code start} for {@code seconds}.
     */
    static void harmonic(float[] out, double start, double seconds, DoubleUnaryOperator f0, double amplitude) {
        int from = (int) Math.round(start * RATE), to = Math.min(out.length, (int) Math.round((start + seconds) * RATE));
        double phase = 0, norm = 0;
        for (int k = 1; k <= 8; k++) norm += 1.0 / k;
        for (int i = from; i < to; i++) {
            double t = (double) i / RATE;
            phase += 2 * Math.PI * f0.applyAsDouble(t) / RATE;
            double v = 0;
            for (int k = 1; k <= 8; k++) v += Math.sin(k * phase) / k;
            out[i] += (float) (amplitude * v / norm);
        }
    }

    /** White Gaussian noise of RMS {@code rms} over [start, start + seconds). */
    static void noise(float[] out, double start, double seconds, double rms, long seed) {
        Random random = new Random(seed);
        int from = (int) Math.round(start * RATE), to = Math.min(out.length, (int) Math.round((start + seconds) * RATE));
        for (int i = from; i < to; i++) out[i] += (float) (rms * random.nextGaussian());
    }

    /** An exponential glide from {@code f1} to {@code f2} Hz over [start, start + seconds). */
    static DoubleUnaryOperator glide(double start, double seconds, double f1, double f2) {
        return t -> f1 * Math.pow(f2 / f1, Math.max(0, Math.min(1, (t - start) / seconds)));
    }

    static VoiceTrack analyse(float[] samples) {
        ProsodyAnalyzer analyzer = new ProsodyAnalyzer(ProsodySettings.STANDARD, 0);
        analyzer.accept(samples, 0, samples.length);
        return VoiceTrack.of(analyzer.finish());
    }
}
