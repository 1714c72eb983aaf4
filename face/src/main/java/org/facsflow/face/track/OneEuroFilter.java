package org.facsflow.face.track;

/**
 * The One Euro filter (Casiez, Roussel and Vogel, CHI 2012) on a vector, each element filtered on its own: a low-pass
 * filter whose cut-off rises with the element's speed, so a still face stops jittering while a fast movement (a
 * blink, a head turn) passes with little lag. Frame times come from the video, so variable frame rates are handled.
 *
 * <p>Speeds are measured in the caller's units times {@code valueScale} (MediaPipe's scheme: landmarks are divided by
 * the face size, so one setting suits near and far faces).
 */
final class OneEuroFilter {
    /**
     * @param minCutoff        Hz: cut-off when the value is still (lower = smoother at rest)
     * @param beta             Hz per (scaled unit per second): how fast the cut-off rises with speed (higher = less lag)
     * @param derivativeCutoff Hz: smoothing of the speed estimate itself
     */
    record Settings(double minCutoff, double beta, double derivativeCutoff) {
    }

    /** A frame interval to assume when two frames carry the same time (some containers repeat timestamps). */
    private static final double FALLBACK_INTERVAL = 1 / 30.0;

    private final Settings settings;
    private final float[] value, speed;
    private double lastTime;
    private boolean primed;

    OneEuroFilter(int size, Settings settings) {
        this.settings = settings;
        this.value = new float[size];
        this.speed = new float[size];
    }

    /** Forgets the history: the next value passes unchanged (a face found again after being lost). */
    void reset() {
        primed = false;
    }

    /**
     * Filters {@code values[0..size)} in place.
     *
     * @param time       seconds, increasing
     * @param valueScale speeds are measured in value units times this
     */
    void apply(float[] values, double time, double valueScale) {
        int n = value.length;
        if (!primed) {
            System.arraycopy(values, 0, value, 0, n);
            java.util.Arrays.fill(speed, 0);
            lastTime = time;
            primed = true;
            return;
        }
        double dt = time - lastTime;
        if (!(dt > 0)) dt = FALLBACK_INTERVAL;
        lastTime = time;
        float speedAlpha = alpha(settings.derivativeCutoff(), dt);
        for (int i = 0; i < n; i++) {
            float rawSpeed = (float) ((values[i] - value[i]) / dt * valueScale);
            speed[i] += speedAlpha * (rawSpeed - speed[i]);
            float a = alpha(settings.minCutoff() + settings.beta() * Math.abs(speed[i]), dt);
            value[i] += a * (values[i] - value[i]);
            values[i] = value[i];
        }
    }

    /** The smoothing factor of an exponential filter with this cut-off frequency at this sampling interval. */
    private static float alpha(double cutoff, double dt) {
        double tau = 1 / (2 * Math.PI * cutoff);
        return (float) (1 / (1 + tau / dt));
    }
}
