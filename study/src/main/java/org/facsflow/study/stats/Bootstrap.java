package org.facsflow.study.stats;

import java.util.Arrays;

/**
 * Percentile bootstrap intervals, for the group curves' pointwise bands of means. Effect sizes do not use the
 * bootstrap: with a handful of participants a resample often repeats one participant, whose standardised effect is
 * then infinite or 1e15, and the interval meant nothing (see {@link ConditionTest} for what they use).
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /** {low, high}: the (1 - c)/2 and (1 + c)/2 quantiles of the finite resampled statistics; NaN when none. */
    public static double[] percentileInterval(double[] statistics, double confidence) {
        double[] finite = Arrays.stream(statistics).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) return new double[]{Double.NaN, Double.NaN};
        double tail = (1 - confidence) / 2;
        return new double[]{quantile(finite, tail), quantile(finite, 1 - tail)};
    }

    /** Quantile of sorted values with linear interpolation between order statistics (Hyndman-Fan type 7, numpy's default). */
    public static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
