package org.facsflow.study.stats;

import org.hipparchus.stat.descriptive.rank.Percentile;

import java.util.Arrays;

/**
 * Percentile bootstrap intervals, for the group curves' pointwise bands of means. Effect sizes do not use the
 * bootstrap: with a handful of participants a resample often repeats one participant, whose standardised effect is
 * then infinite or 1e15, and the interval meant nothing (see {@link ConditionTest} for what they use).
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * {low, high}: the (1 - c)/2 and (1 + c)/2 quantiles (estimation type R-7, numpy's default) of the finite
     * resampled statistics; NaN when none.
     */
    public static double[] percentileInterval(double[] statistics, double confidence) {
        double[] finite = Arrays.stream(statistics).filter(Double::isFinite).toArray();
        if (finite.length == 0) return new double[]{Double.NaN, Double.NaN};
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(finite);
        double tail = (1 - confidence) / 2;
        return new double[]{p.evaluate(100 * tail), p.evaluate(100 * (1 - tail))};
    }
}
