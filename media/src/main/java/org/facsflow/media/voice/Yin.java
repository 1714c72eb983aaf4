package org.facsflow.media.voice;

/**
 * The YIN fundamental-frequency estimator (de Cheveigné & Kawahara 2002, "YIN, a fundamental frequency estimator for
 * speech and music", J. Acoust. Soc. Am. 111:1917), steps 1-5: the difference function over an integration window,
 * its cumulative-mean normalisation, the first dip below an absolute threshold (the smallest lag whose dip is deep
 * enough, which avoids the octave-too-low errors of a plain minimum), and parabolic interpolation of that dip. Step 6
 * (searching neighbouring frames for a better estimate) is left out, and the lags beyond the chosen dip are not
 * computed. The depth of the chosen dip is the frame's
 * aperiodicity: 0 for a perfectly periodic signal, about 1 for noise; {@link #NOT_PERIODIC} frames have no dip
 * below the threshold.
 *
 * <p>One instance per thread: it reuses its work arrays.
 */
final class Yin {
    /** The aperiodicity of a frame with no dip below the threshold: unvoiced, no F0. */
    static final float NOT_PERIODIC = 1f;

    private final int window, minLag, maxLag;
    private final float threshold;
    private final float sampleRate;
    private final double[] difference, normalised;

    /**
     * @param window    the integration window in samples
     * @param threshold the absolute threshold on the normalised difference (the paper's 0.1; 0.15 as aubio's yin)
     */
    Yin(float sampleRate, int window, double minF0, double maxF0, float threshold) {
        this.sampleRate = sampleRate;
        this.window = window;
        this.minLag = Math.max(2, (int) Math.floor(sampleRate / maxF0));
        this.maxLag = (int) Math.ceil(sampleRate / minF0);
        this.threshold = threshold;
        this.difference = new double[maxLag + 2];
        this.normalised = new double[maxLag + 2];
    }

    /** Samples a frame needs from its start: the window plus the longest lag (and one for the interpolation). */
    int span() {
        return window + maxLag + 1;
    }

    /**
     * The F0 of the frame starting at {@code samples[start]}, which must have {@link #span()} samples from there.
     *
     * @param out out[0] the F0 in Hz (NaN where not periodic), out[1] the aperiodicity (0-1)
     */
    void estimate(float[] samples, int start, float[] out) {
        // Steps 2-4 in one pass over the lags, stopping at the bottom of the first dip below the threshold (lags
        // beyond it cannot change the answer): the difference function d(tau) = sum_j (x_j - x_{j+tau})^2 over the
        // window, its cumulative-mean normalisation d'(tau) = d(tau) / ((1/tau) sum_{k<=tau} d(k)), and the first lag
        // in range where d' falls below the threshold, followed down to the dip's bottom.
        normalised[0] = 1;
        double running = 0;
        int lag = -1;
        for (int tau = 1; tau <= maxLag + 1; tau++) {
            double sum = 0;
            for (int j = start, end = start + window; j < end; j++) {
                double delta = samples[j] - samples[j + tau];
                sum += delta * delta;
            }
            difference[tau] = sum;
            running += sum;
            normalised[tau] = running > 0 ? sum * tau / running : 1;
            if (tau - 1 < minLag || tau - 1 > maxLag) continue;
            if (lag < 0 && normalised[tau - 1] < threshold) lag = tau - 1;
            if (lag >= 0) {
                if (normalised[tau] < normalised[lag] && tau <= maxLag) lag = tau;
                else break; // tau is past the bottom: d'(lag + 1) is known for the interpolation
            }
        }
        if (lag < 0) {
            out[0] = Float.NaN;
            out[1] = NOT_PERIODIC;
            return;
        }
        // Step 5: parabolic interpolation of the dip for a lag finer than one sample, on the raw difference function
        // (the normalised one is skewed by its running mean, which biases the interpolated lag).
        double a = difference[lag - 1], b = difference[lag], c = difference[lag + 1];
        double curvature = a - 2 * b + c;
        double shift = curvature > 0 ? Math.max(-1, Math.min(1, 0.5 * (a - c) / curvature)) : 0;
        out[0] = (float) (sampleRate / (lag + shift));
        out[1] = (float) Math.max(0, Math.min(1, normalised[lag]));
    }
}
