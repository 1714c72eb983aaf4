package org.facsflow.study.stats;

import org.hipparchus.distribution.continuous.NormalDistribution;

import java.util.Arrays;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Bootstrap intervals. Effect sizes get BCa intervals (bias-corrected and accelerated; Efron 1987, as
 * {@code scipy.stats.bootstrap(method='BCa')}): standardised effects are biased and skewed in resamples of small
 * samples, which the plain percentile interval ignores. Group-curve bands, of means, use the percentile interval.
 * Either way, with n around 10-20 the intervals are approximate and tend to be somewhat narrow.
 */
public final class Bootstrap {
    private static final NormalDistribution NORMAL = new NormalDistribution();

    private Bootstrap() {
    }

    /** {low, high}: the (1 - c)/2 and (1 + c)/2 quantiles of the finite resampled statistics; NaN when none. */
    public static double[] percentileInterval(double[] statistics, double confidence) {
        double[] finite = finiteSorted(statistics);
        if (finite.length == 0) return new double[]{Double.NaN, Double.NaN};
        double tail = (1 - confidence) / 2;
        return new double[]{quantile(finite, tail), quantile(finite, 1 - tail)};
    }

    /**
     * The BCa interval {low, high}. With z0 = Phi^-1(share of resampled statistics below the estimate, ties counting
     * half) and acceleration a = sum (m - t_i)^3 / (6 (sum (m - t_i)^2)^1.5) over the jackknife (leave-one-out)
     * statistics t_i with mean m, the interval ends are the quantiles at Phi(z0 + (z0 + z) / (1 - a (z0 + z))) for
     * z = Phi^-1((1 -/+ c) / 2). Falls back to the percentile interval when every resample lies on one side of the
     * estimate (z0 infinite). Non-finite resamples and jackknife values are left out.
     */
    public static double[] bcaInterval(double[] statistics, double estimate, double[] jackknife, double confidence) {
        double[] finite = finiteSorted(statistics);
        if (finite.length == 0 || !Double.isFinite(estimate)) return new double[]{Double.NaN, Double.NaN};
        double below = 0;
        for (double s : finite) below += s < estimate ? 1 : s == estimate ? 0.5 : 0;
        double share = below / finite.length;
        if (share <= 0 || share >= 1) return percentileInterval(finite, confidence);
        double z0 = NORMAL.inverseCumulativeProbability(share);
        double a = acceleration(jackknife);
        double tail = (1 - confidence) / 2;
        double[] interval = new double[2];
        double[] z = {NORMAL.inverseCumulativeProbability(tail), NORMAL.inverseCumulativeProbability(1 - tail)};
        for (int k = 0; k < 2; k++) {
            double level = NORMAL.cumulativeProbability(z0 + (z0 + z[k]) / (1 - a * (z0 + z[k])));
            interval[k] = quantile(finite, level);
        }
        return interval;
    }

    static double acceleration(double[] jackknife) {
        double[] t = Arrays.stream(jackknife).filter(Double::isFinite).toArray();
        if (t.length < 3) return 0;
        double m = Arrays.stream(t).average().orElse(0), s2 = 0, s3 = 0;
        for (double v : t) {
            s2 += (m - v) * (m - v);
            s3 += (m - v) * (m - v) * (m - v);
        }
        return s2 == 0 ? 0 : s3 / (6 * Math.pow(s2, 1.5));
    }

    /** The statistic of each leave-one-out sample. */
    public static double[] jackknife(double[] x, ToDoubleFunction<double[]> statistic) {
        double[] out = new double[x.length], rest = new double[x.length - 1];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0, k = 0; j < x.length; j++) if (j != i) rest[k++] = x[j];
            out[i] = statistic.applyAsDouble(rest);
        }
        return out;
    }

    /** Two-sample jackknife: each observation of either sample left out in turn. */
    public static double[] jackknife(double[] a, double[] b, ToDoubleBiFunction<double[], double[]> statistic) {
        double[] out = new double[a.length + b.length];
        double[] withoutA = new double[a.length - 1], withoutB = new double[b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0, k = 0; j < a.length; j++) if (j != i) withoutA[k++] = a[j];
            out[i] = statistic.applyAsDouble(withoutA, b);
        }
        for (int i = 0; i < b.length; i++) {
            for (int j = 0, k = 0; j < b.length; j++) if (j != i) withoutB[k++] = b[j];
            out[a.length + i] = statistic.applyAsDouble(a, withoutB);
        }
        return out;
    }

    /** Quantile of sorted values with linear interpolation between order statistics (Hyndman-Fan type 7, numpy's default). */
    public static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double[] finiteSorted(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    }
}
