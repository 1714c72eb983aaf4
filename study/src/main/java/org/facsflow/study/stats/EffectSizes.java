package org.facsflow.study.stats;

import org.hipparchus.special.Gamma;

import java.util.Arrays;

/** Standardised effect sizes; signs follow "first sample minus second". */
public final class EffectSizes {
    private EffectSizes() {
    }

    /**
     * Hedges' small-sample correction J(df) = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2)), exact (Hedges 1981);
     * about 1 - 3 / (4 df - 1). Hedges' g = J(df) d. NaN for df &lt;= 1, where it is undefined.
     */
    public static double hedgesCorrection(double df) {
        if (!(df > 1)) return Double.NaN;
        return Math.exp(Gamma.logGamma(df / 2) - Gamma.logGamma((df - 1) / 2)) / Math.sqrt(df / 2);
    }

    /** Cohen's d for two independent groups: mean difference over the pooled standard deviation (df n1 + n2 - 2). */
    public static double cohensD(double[] a, double[] b) {
        double va = variance(a), vb = variance(b);
        double pooled = ((a.length - 1) * va + (b.length - 1) * vb) / (a.length + b.length - 2);
        return (mean(a) - mean(b)) / Math.sqrt(pooled);
    }

    /** Cohen's d_z for paired data: mean difference over the standard deviation of the differences. */
    public static double dz(double[] differences) {
        return mean(differences) / Math.sqrt(variance(differences));
    }

    /**
     * Mann-Whitney U of the first sample: the number of pairs (a_i, b_j) with a_i &gt; b_j, ties counting one half.
     * U_a + U_b = n_a n_b; Hipparchus reports min(U_a, U_b).
     */
    public static double mannWhitneyU(double[] a, double[] b) {
        double[] sorted = b.clone();
        Arrays.sort(sorted);
        double u = 0;
        for (double x : a) {
            int below = lowerBound(sorted, x), upTo = upperBound(sorted, x);
            u += below + 0.5 * (upTo - below);
        }
        return u;
    }

    /**
     * Rank-biserial correlation of two independent samples from the first sample's U (Kerby 2014, "simple difference
     * formula"): r = 2 U_a / (n_a n_b) - 1 = P(a &gt; b) - P(a &lt; b), in [-1, 1].
     */
    public static double rankBiserial(double uA, int nA, int nB) {
        return 2 * uA / ((double) nA * nB) - 1;
    }

    /**
     * Matched-pairs rank-biserial correlation (Kerby 2014): (W+ - W-) / (W+ + W-), where W+ and W- are the sums of the
     * ranks of |d| (mid-ranks for ties) of the positive and negative differences; zero differences are dropped
     * (Wilcoxon's convention). NaN when every difference is zero.
     */
    public static double matchedPairsRankBiserial(double[] differences) {
        double[] w = signedRankSums(differences);
        return (w[0] - w[1]) / (w[0] + w[1]);
    }

    /** {W+, W-} of the differences (zeros dropped, mid-ranks). */
    public static double[] signedRankSums(double[] differences) {
        double[] abs = Arrays.stream(differences).filter(d -> d != 0).map(Math::abs).sorted().toArray();
        double plus = 0, minus = 0;
        for (double d : differences) {
            if (d == 0) continue;
            double a = Math.abs(d);
            int lo = lowerBound(abs, a), hi = upperBound(abs, a);
            double rank = (lo + 1 + hi) / 2.0;
            if (d > 0) plus += rank;
            else minus += rank;
        }
        return new double[]{plus, minus};
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    /** Sample variance (n - 1). */
    static double variance(double[] x) {
        double m = mean(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return s / (x.length - 1);
    }

    private static int lowerBound(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
