package org.facsflow.interop.agreement;

import org.hipparchus.stat.descriptive.rank.Percentile;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap intervals over resampling units (event stretches of one video, or people): each replicate
 * draws as many units as there are, with replacement, and recomputes the statistic on them; the interval is the
 * (1 - c)/2 and (1 + c)/2 quantiles (Hipparchus, estimation type R-7 as numpy) of the replicates that are finite.
 * A fixed seed makes the intervals reproducible. With fewer than {@link #MIN_UNITS} units the interval is NaN:
 * resampling a handful of units says little about spread (with 3 or 4 event stretches, whole replicates miss every
 * positive and the interval runs to 0).
 */
public record Bootstrap(int replicates, double confidence, long seed) {
    public static final int MIN_UNITS = 5;
    public static final Bootstrap DEFAULT = new Bootstrap(1000, 0.95, 20261204L);

    public Bootstrap {
        if (replicates < 1 || !(confidence > 0 && confidence < 1))
            throw new IllegalArgumentException("need at least one replicate and a confidence in (0, 1)");
    }

    /**
     * {low, high} of {@code statistic} over resamples of {@code units} units; the statistic gets the indices of
     * the units drawn (repeats included).
     */
    public double[] interval(int units, ToDoubleFunction<int[]> statistic) {
        return interval(units, 0, (a, b) -> statistic.applyAsDouble(a));
    }

    /**
     * As {@link #interval(int, ToDoubleFunction)} for a statistic of two independent samples (two groups of
     * people), each resampled within itself; no interval where either has fewer than {@link #MIN_UNITS} units.
     */
    public double[] interval(int unitsA, int unitsB, ToDoubleBiFunction<int[], int[]> statistic) {
        if (unitsA < MIN_UNITS || (unitsB > 0 && unitsB < MIN_UNITS)) return new double[]{Double.NaN, Double.NaN};
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[replicates];
        int defined = 0;
        int[] drawA = new int[unitsA], drawB = new int[unitsB];
        for (int r = 0; r < replicates; r++) {
            for (int i = 0; i < unitsA; i++) drawA[i] = random.nextInt(unitsA);
            for (int i = 0; i < unitsB; i++) drawB[i] = random.nextInt(unitsB);
            double v = statistic.applyAsDouble(drawA, drawB);
            if (Double.isFinite(v)) values[defined++] = v;
        }
        return percentileInterval(Arrays.copyOf(values, defined), confidence);
    }

    /**
     * {low, high}: the (1 - c)/2 and (1 + c)/2 quantiles (estimation type R-7, numpy's default) of the finite values
     * among {@code statistics} (resampled statistics, however drawn; a study's group curves draw their own); NaN
     * when none.
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
