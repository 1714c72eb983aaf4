package org.facsflow.study.stats;

import org.facsflow.interop.agreement.Interval;
import org.facsflow.study.Design;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every statistic of one two-condition comparison of one metric, in three blocks, each of which pairs a test with
 * the interval that inverts it, so that within a block the p-value and the interval cannot disagree:
 * <ul>
 *   <li>primary, the permutation test: {@code pPermutation} and the interval of the mean difference in the
 *       metric's own units;</li>
 *   <li>the t test: t, df, {@code pT}, and the standardised effect d (g) with its noncentral-t interval;</li>
 *   <li>the rank test: its statistic, {@code pRank} and the rank-biserial correlation r, a point estimate.</li>
 * </ul>
 * Differences and effect sizes are A minus B: positive means higher in condition A. Where blocks meet and disagree,
 * {@link #disagreement} says so in words.
 *
 * @param design             paired (within-subject) or independent (between-subject) tests
 * @param nA                 participants in A (paired: pairs)
 * @param nB                 participants in B (paired: pairs)
 * @param meanA              mean of A
 * @param meanB              mean of B
 * @param sdA                standard deviation of A
 * @param sdB                standard deviation of B
 * @param pPermutation       two-sided p of the sign-flip, or label-shuffle, permutation test: the primary p
 * @param smallestP          the smallest p the permutation test could give with these participants
 * @param differenceInterval the mean difference's interval from inverting the permutation test; NaN ends where it
 *                           cannot be bounded (see {@link Permutation})
 * @param t                  paired t, or Welch's t
 * @param df                 degrees of freedom of t (Welch-Satterthwaite for Welch)
 * @param pT                 two-sided p of t
 * @param d                  Cohen's d_z (mean difference / SD of differences), or Cohen's d (pooled SD)
 * @param g                  Hedges' g_z = J(n - 1) d_z, or Hedges' g = J(nA + nB - 2) d
 * @param gInterval          g's interval: the noncentral-t interval of the standardised effect (paired: from the
 *                           paired t; groups: from Student's pooled t), times J
 * @param rankStatistic      W+ (sum of ranks of positive differences), or U of A
 * @param pRank              two-sided p of the Wilcoxon signed-rank test, or of the Mann-Whitney U test, at most 1
 * @param r                  rank-biserial correlation: matched-pairs (Kerby) or from U
 * @param higherInA          paired: participants whose value was higher in A; -1 for independent groups
 * @param higherInB          paired: participants whose value was higher in B; -1 for independent groups
 * @param note               why the tests could not run (e.g. no variation); empty when they ran
 */
public record TestResult(Design design, int nA, int nB, double meanA, double meanB, double sdA, double sdB,
                         double pPermutation, double smallestP, Interval differenceInterval,
                         double t, double df, double pT, double d, double g, Interval gInterval,
                         double rankStatistic, double pRank, double r, int higherInA, int higherInB, String note) {

    public double difference() {
        return meanA - meanB;
    }

    public boolean tested() {
        return note.isEmpty();
    }

    /** Whether the permutation test could reach p &lt;= alpha at all with this many participants. */
    public boolean canReach(double alpha) {
        return smallestP <= alpha;
    }

    /**
     * Where the blocks disagree at level {@code alpha}, in a sentence; empty when they agree:
     * the t-based interval of g against the permutation test (non-normal data), and r's sign against the mean's (a
     * few large values against most participants) where either test finds a difference.
     */
    public String disagreement(double alpha) {
        if (!tested()) return "";
        List<String> out = new ArrayList<>();
        boolean permutation = pPermutation <= alpha, tBased = gInterval.excludes(0);
        if (permutation != tBased && canReach(alpha))
            out.add(String.format(Locale.ROOT, "the t-based interval of g %s 0 while the permutation test's p is %s "
                            + "%.2g: the values are far from normal; go by the permutation test",
                    tBased ? "leaves out" : "includes", permutation ? "<=" : ">", alpha));
        if (r != 0 && difference() != 0 && Math.signum(r) != Math.signum(difference())
                && (permutation || pRank <= alpha))
            out.add("the rank-biserial r points the other way from the mean: " + (design == Design.WITHIN
                    ? "most participants changed the other way, and a few large changes set the mean"
                    : "most values lie the other way, and a few large ones set the mean"));
        return String.join("; ", out);
    }

    /** A result whose tests could not run, with descriptive statistics only. */
    static TestResult untested(Design design, double[] a, double[] b, String why) {
        double nan = Double.NaN;
        return new TestResult(design, a.length, b.length, mean(a), mean(b), sd(a), sd(b), nan, nan, Interval.NONE,
                nan, nan, nan, nan, nan, Interval.NONE, nan, nan, nan, -1, -1, why);
    }

    private static double mean(double[] x) {
        return x.length == 0 ? Double.NaN : EffectSizes.mean(x);
    }

    private static double sd(double[] x) {
        return x.length < 2 ? Double.NaN : Math.sqrt(EffectSizes.variance(x));
    }
}
