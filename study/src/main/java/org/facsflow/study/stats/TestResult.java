package org.facsflow.study.stats;

import org.facsflow.study.Design;

/**
 * Every statistic of one two-condition comparison of one metric. Differences and effect sizes are A minus B:
 * positive means higher in condition A.
 *
 * @param design        paired (within-subject) or independent (between-subject) tests
 * @param nA            participants in A (paired: pairs)
 * @param nB            participants in B (paired: pairs)
 * @param meanA         mean of A
 * @param meanB         mean of B
 * @param sdA           standard deviation of A
 * @param sdB           standard deviation of B
 * @param t             paired t, or Welch's t
 * @param df            degrees of freedom of t (Welch-Satterthwaite for Welch)
 * @param pT            two-sided p of t
 * @param rankStatistic W+ (sum of ranks of positive differences), or U of A
 * @param pRank         two-sided p of the Wilcoxon signed-rank test, or of the Mann-Whitney U test
 * @param pPermutation  two-sided p of the sign-flip, or label-shuffle, permutation test: the primary p
 * @param d             Cohen's d_z (mean difference / SD of differences), or Cohen's d (pooled SD)
 * @param g             Hedges' g_z = J(n - 1) d_z, or Hedges' g = J(nA + nB - 2) d
 * @param gLow          lower end of g's BCa bootstrap interval
 * @param gHigh         upper end of g's BCa bootstrap interval
 * @param r             rank-biserial correlation: matched-pairs (Kerby) or from U
 * @param rLow          lower end of r's BCa bootstrap interval
 * @param rHigh         upper end of r's BCa bootstrap interval
 * @param note          why the tests could not run (e.g. no variation); empty when they ran
 */
public record TestResult(Design design, int nA, int nB, double meanA, double meanB, double sdA, double sdB,
                         double t, double df, double pT, double rankStatistic, double pRank, double pPermutation,
                         double d, double g, double gLow, double gHigh, double r, double rLow, double rHigh,
                         String note) {

    public double difference() {
        return meanA - meanB;
    }

    public boolean tested() {
        return note.isEmpty();
    }

    /** A result whose tests could not run, with descriptive statistics only. */
    static TestResult untested(Design design, double[] a, double[] b, String why) {
        double nan = Double.NaN;
        return new TestResult(design, a.length, b.length, mean(a), mean(b), sd(a), sd(b), nan, nan, nan, nan, nan,
                nan, nan, nan, nan, nan, nan, nan, nan, why);
    }

    private static double mean(double[] x) {
        return x.length == 0 ? Double.NaN : EffectSizes.mean(x);
    }

    private static double sd(double[] x) {
        return x.length < 2 ? Double.NaN : Math.sqrt(EffectSizes.variance(x));
    }
}
