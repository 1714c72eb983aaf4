package org.facsflow.study.stats;

import org.facsflow.interop.agreement.Interval;
import org.facsflow.study.Design;
import org.hipparchus.stat.inference.MannWhitneyUTest;
import org.hipparchus.stat.inference.TTest;
import org.hipparchus.stat.inference.WilcoxonSignedRankTest;

/**
 * Compares one metric between two conditions with the tests the design calls for, in the three blocks of
 * {@link TestResult}: the permutation test and its inverted interval ({@link Permutation}, ours), the t test
 * (Hipparchus) with the noncentral-t interval of the standardised effect ({@link NoncentralT}, ours), and the rank
 * test (Hipparchus) with the rank-biserial r. Two corrections to Hipparchus 4.0.3's exact rank p-values: they are
 * capped at 1 (both double a one-sided tail, which exceeds 1/2 when the statistic sits at the centre: Wilcoxon gave
 * 1.25 for differences 1, 2, -3), and the Mann-Whitney p at U = n1 n2 / 2 is 1 (Hipparchus sums the tail up to 0
 * there and reported 0.016 for a split of 4 and 5 values with no difference at all).
 */
public final class ConditionTest {
    /** Hipparchus computes the exact Wilcoxon distribution up to this many pairs, the normal approximation above. */
    static final int EXACT_WILCOXON_MAX = 30;

    private final StatsSettings settings;

    public ConditionTest(StatsSettings settings) {
        this.settings = settings;
    }

    public TestResult compare(Design design, double[] a, double[] b) {
        return design == Design.WITHIN ? paired(a, b) : independent(a, b);
    }

    /** a[i] and b[i] are one participant's values in the two conditions. */
    public TestResult paired(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("paired samples differ in size");
        int n = a.length;
        if (n < 3) return TestResult.untested(Design.WITHIN, a, b, "fewer than 3 pairs");
        double[] diff = new double[n];
        int higherInA = 0, higherInB = 0;
        for (int i = 0; i < n; i++) {
            diff[i] = a[i] - b[i];
            if (diff[i] > 0) higherInA++;
            if (diff[i] < 0) higherInB++;
        }
        if (constant(diff)) return TestResult.untested(Design.WITHIN, a, b, "differences do not vary");

        Permutation permutation = Permutation.signFlip(diff, settings.permutations(), settings.seed());
        TTest tTest = new TTest();
        double t = tTest.pairedT(a, b), pT = tTest.pairedTTest(a, b);
        double d = EffectSizes.dz(diff), j = EffectSizes.hedgesCorrection(n - 1);
        double[] ncp = NoncentralT.ncpInterval(t, n - 1, settings.confidence());
        Interval g = new Interval(ncp[0], ncp[1]).times(j / Math.sqrt(n));
        double wPlus = EffectSizes.signedRankSums(diff)[0];
        double pRank = Math.min(1, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(a, b, n <= EXACT_WILCOXON_MAX));
        return new TestResult(Design.WITHIN, n, n, EffectSizes.mean(a), EffectSizes.mean(b), sd(a), sd(b),
                permutation.p(), permutation.smallestP(), permutation.interval(settings.confidence()),
                t, n - 1, pT, d, j * d, g, wPlus, pRank, EffectSizes.matchedPairsRankBiserial(diff), higherInA,
                higherInB, "");
    }

    /** a and b come from different participants. */
    public TestResult independent(double[] a, double[] b) {
        int na = a.length, nb = b.length;
        if (na < 2 || nb < 2 || na + nb < 5)
            return TestResult.untested(Design.BETWEEN, a, b, "fewer than 2 per group or 5 in all");
        if (constant(a) && constant(b)) return TestResult.untested(Design.BETWEEN, a, b, "values do not vary within groups");

        Permutation permutation = Permutation.labelShuffle(a, b, settings.permutations(), settings.seed());
        TTest tTest = new TTest();
        double t = tTest.t(a, b), pT = tTest.tTest(a, b);
        double sa = EffectSizes.variance(a) / na, sb = EffectSizes.variance(b) / nb;
        double df = (sa + sb) * (sa + sb) / (sa * sa / (na - 1) + sb * sb / (nb - 1));
        double d = EffectSizes.cohensD(a, b), j = EffectSizes.hedgesCorrection(na + nb - 2);
        double scale = Math.sqrt((double) na * nb / (na + nb)); // Student's pooled t = d * scale
        double[] ncp = NoncentralT.ncpInterval(d * scale, na + nb - 2, settings.confidence());
        Interval g = new Interval(ncp[0], ncp[1]).times(j / scale);
        double u = EffectSizes.mannWhitneyU(a, b);
        double pRank = u == 0.5 * na * nb ? 1 : Math.min(1, new MannWhitneyUTest().mannWhitneyUTest(a, b));
        return new TestResult(Design.BETWEEN, na, nb, EffectSizes.mean(a), EffectSizes.mean(b), sd(a), sd(b),
                permutation.p(), permutation.smallestP(), permutation.interval(settings.confidence()),
                t, df, pT, d, j * d, g, u, pRank, EffectSizes.rankBiserial(u, na, nb), -1, -1, "");
    }

    /**
     * Whether every value is the same. Checked on the values themselves, not on a computed variance: identical
     * values can leave a variance of 1e-34 from rounding in the mean, and a d of 1e16 from it.
     */
    private static boolean constant(double[] x) {
        for (double v : x) if (v != x[0]) return false;
        return true;
    }

    private static double sd(double[] x) {
        return Math.sqrt(EffectSizes.variance(x));
    }
}
