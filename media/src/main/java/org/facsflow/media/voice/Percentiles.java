package org.facsflow.media.voice;

import java.util.Arrays;

/** Percentiles of frame values, by linear interpolation between order statistics (as numpy's default). */
final class Percentiles {
    private Percentiles() {
    }

    /** The {@code p}-th percentile (0-100) of the finite values, NaN when there are none. */
    static double of(float[] values, double p) {
        float[] finite = new float[values.length];
        int n = 0;
        for (float v : values) if (Float.isFinite(v)) finite[n++] = v;
        if (n == 0) return Double.NaN;
        Arrays.sort(finite, 0, n);
        double rank = p / 100 * (n - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(n - 1, below + 1);
        return finite[below] + (rank - below) * (finite[above] - finite[below]);
    }
}
