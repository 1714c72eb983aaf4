package org.facsflow.study;

import org.facsflow.study.stats.BenjaminiHochberg;
import org.facsflow.interop.agreement.Bootstrap;
import org.facsflow.study.stats.ConditionTest;
import org.facsflow.study.stats.EffectSizes;
import org.facsflow.interop.agreement.Interval;
import org.facsflow.study.stats.NoncentralT;
import org.facsflow.study.stats.Permutation;
import org.facsflow.study.stats.StatsSettings;
import org.facsflow.study.stats.TestResult;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The statistics against values computed independently: expected numbers come from scipy 1.17.1 / numpy (calls
 * named beside each), from published tables (Cohen 1988; Benjamini &amp; Hochberg's (1995) worked example), or from
 * exact enumeration by hand.
 */
class StatisticsTest {
    static final double[] A = {2.31, 1.87, 3.02, 2.45, 1.12, 2.78, 3.40, 1.95, 2.60, 2.05, 2.88, 1.70};
    static final double[] B = {1.90, 1.95, 2.41, 2.02, 1.30, 2.15, 2.71, 1.62, 2.66, 1.48, 2.20, 1.55};
    static final double[] C = {3.1, 2.25, 2.9, 3.6, 2.45, 3.3, 2.85};

    private final ConditionTest tests = new ConditionTest(StatsSettings.DEFAULT);

    @Test
    void pairedTestsMatchScipy() {
        TestResult r = tests.paired(A, B);
        assertThat(r.t()).isCloseTo(3.810319874162217, within(1e-10));        // scipy.stats.ttest_rel(A, B)
        assertThat(r.pT()).isCloseTo(0.0028911624893932825, within(1e-10));
        assertThat(r.df()).isEqualTo(11);
        assertThat(r.pRank()).isCloseTo(0.00927734375, within(1e-10));      // scipy.stats.wilcoxon(A, B, method='exact')
        assertThat(r.rankStatistic()).isEqualTo(71);                         // W+; scipy reports min(W+, W-) = 7
        assertThat(r.d()).isCloseTo(1.0999446025230684, within(1e-10));     // mean(A-B) / std(A-B, ddof=1)
        assertThat(r.g()).isCloseTo(1.0999446025230684 * 0.9299598099757784, within(1e-10)); // J(11)
        assertThat(r.r()).isCloseTo(0.8205128205128205, within(1e-12));     // (71 - 7) / 78 from scipy.stats.rankdata
        assertThat(r.gInterval().low()).isLessThan(r.g());
        assertThat(r.gInterval().high()).isGreaterThan(r.g());
        assertThat(r.pPermutation()).isEqualTo(24.0 / 4096);                 // exact: scipy.stats.permutation_test
    }

    @Test
    void independentTestsMatchScipy() {
        TestResult r = tests.independent(C, B);
        assertThat(r.t()).isCloseTo(4.19671997360503, within(1e-10));         // ttest_ind(C, B, equal_var=False)
        assertThat(r.pT()).isCloseTo(0.0011524520240428476, within(1e-10));
        assertThat(r.df()).isCloseTo(12.41613944808903, within(1e-9));
        assertThat(r.rankStatistic()).isEqualTo(79);                          // mannwhitneyu(C, B).statistic (U of C)
        assertThat(r.pRank()).isCloseTo(0.0007541478129713423, within(1e-10)); // mannwhitneyu(C, B): exact, no ties
        assertThat(r.d()).isCloseTo(2.0101033888582194, within(1e-10));      // pooled-SD Cohen's d
        assertThat(r.g()).isCloseTo(2.0101033888582194 * EffectSizes.hedgesCorrection(17), within(1e-12));
        assertThat(r.r()).isCloseTo(2 * 79.0 / (7 * 12) - 1, within(1e-12));
    }

    @Test
    void welchAndEffectSizeWithTiedGroups() {
        TestResult r = tests.independent(A, B);
        assertThat(r.t()).isCloseTo(1.535054852444447, within(1e-10));        // ttest_ind(A, B, equal_var=False)
        assertThat(r.pT()).isCloseTo(0.14052848106484558, within(1e-10));
        assertThat(r.df()).isCloseTo(19.88553213121583, within(1e-9));
        assertThat(r.d()).isCloseTo(0.6266835192787028, within(1e-10));
        assertThat(r.rankStatistic()).isEqualTo(97.5);                       // one tie (1.95) counts one half
        assertThat(r.r()).isCloseTo(0.35416666666666674, within(1e-12));   // 2 U / (n1 n2) - 1
    }

    @Test
    void hedgesCorrectionIsTheExactGammaRatio() {
        // exp(gammaln(df/2) - gammaln((df-1)/2)) / sqrt(df/2), scipy.special.gammaln
        assertThat(EffectSizes.hedgesCorrection(10)).isCloseTo(0.922745608053087, within(1e-14));
        assertThat(EffectSizes.hedgesCorrection(11)).isCloseTo(0.9299598099757784, within(1e-14));
        assertThat(EffectSizes.hedgesCorrection(22)).isCloseTo(0.9654506587906306, within(1e-14));
        // Hedges' approximation 1 - 3 / (4 df - 1) is within 4e-4 at df = 10 and closer as df grows
        assertThat(EffectSizes.hedgesCorrection(10)).isCloseTo(1 - 3.0 / 39, within(4e-4));
        assertThat(EffectSizes.hedgesCorrection(200)).isCloseTo(1 - 3.0 / 799, within(1e-6));
    }

    @Test
    void rankBiserialFromU() {
        // a = {4, 5, 6}, b = {1, 2, 3, 5}: pairs a > b: 4 -> 3, 5 -> 3 (+ half for the tie with 5), 6 -> 4; U_a = 10.5
        double[] a = {4, 5, 6}, b = {1, 2, 3, 5};
        assertThat(EffectSizes.mannWhitneyU(a, b)).isEqualTo(10.5);
        assertThat(EffectSizes.mannWhitneyU(b, a)).isEqualTo(1.5);                  // U_a + U_b = n_a n_b = 12
        assertThat(EffectSizes.rankBiserial(10.5, 3, 4)).isCloseTo(0.75, within(1e-12)); // 2 * 10.5 / 12 - 1
        // Hipparchus reports min(U_a, U_b): its r has the right size but no sign
        double uMin = new MannWhitneyUTest().mannWhitneyU(a, b);
        assertThat(uMin).isEqualTo(1.5);
        assertThat(1 - 2 * uMin / 12).isCloseTo(Math.abs(EffectSizes.rankBiserial(10.5, 3, 4)), within(1e-12));
        assertThat(EffectSizes.rankBiserial(1.5, 4, 3)).isCloseTo(-0.75, within(1e-12));
        // complete separation
        assertThat(EffectSizes.rankBiserial(EffectSizes.mannWhitneyU(new double[]{9, 8}, new double[]{1, 2, 3}), 2, 3)).isEqualTo(1);
    }

    @Test
    void matchedPairsRankBiserialDropsZerosAndUsesMidRanks() {
        // differences 0, 1, -1, 2, 3: zero dropped; |d| ranks 1.5, 1.5, 3, 4; W+ = 1.5 + 3 + 4 = 8.5, W- = 1.5
        double[] d = {0, 1, -1, 2, 3};
        assertThat(EffectSizes.signedRankSums(d)).containsExactly(8.5, 1.5);
        assertThat(EffectSizes.matchedPairsRankBiserial(d)).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void benjaminiHochbergReproducesThePapersExample() {
        // Benjamini & Hochberg (1995), section 4.1: 15 p-values, 4 rejected at q = 0.05 (Bonferroni rejects 3)
        double[] p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262,
                0.5719, 0.6528, 0.7590, 1.000};
        assertThat(BenjaminiHochberg.rejections(p, 0.05)).isEqualTo(4);
        double[] expected = {0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286,
                0.0645, 0.0765, 0.486, 0.5811818181818181, 0.714875, 0.7532307692307693, 0.8132142857142857, 1.0};
        double[] q = BenjaminiHochberg.adjust(p);                 // scipy.stats.false_discovery_control(p)
        for (int i = 0; i < p.length; i++) assertThat(q[i]).as("q[%d]", i).isCloseTo(expected[i], within(1e-12));
    }

    @Test
    void benjaminiHochbergKeepsInputOrderAndSkipsUntestedMetrics() {
        double[] q = BenjaminiHochberg.adjust(new double[]{0.04, Double.NaN, 0.01, 0.03});
        // m = 3: sorted 0.01, 0.03, 0.04 -> 0.03, 0.04, 0.04
        assertThat(q[0]).isCloseTo(0.04, within(1e-12));
        assertThat(q[1]).isNaN();
        assertThat(q[2]).isCloseTo(0.03, within(1e-12));
        assertThat(q[3]).isCloseTo(0.04, within(1e-12));
    }

    @Test
    void permutationTestsEnumerateEveryRearrangementWhenThereAreFew() {
        // differences 1, 2, 3, 4: of the 16 sign patterns only all-plus and all-minus reach |sum| = 10 -> p = 2/16
        Permutation paired = Permutation.signFlip(new double[]{1, 2, 3, 4}, 10_000, 1);
        assertThat(paired.exact()).isTrue();
        assertThat(paired.p()).isEqualTo(0.125);
        // {10, 11, 12} vs {1, 2, 3}: of the 20 splits only the observed one and its mirror reach |diff| = 9 -> p = 0.1
        assertThat(Permutation.labelShuffle(new double[]{10, 11, 12}, new double[]{1, 2, 3}, 10_000, 1).p()).isEqualTo(0.1);
        // 14 pairs have 16,384 sign patterns, more than 10,000: drawn at random, p = (1 + count) / (1 + B), never 0
        double[] d = new double[14];
        for (int i = 0; i < d.length; i++) d[i] = i + 1;
        Permutation drawn = Permutation.signFlip(d, 10_000, 1);
        assertThat(drawn.exact()).isFalse();
        assertThat(drawn.p()).isGreaterThan(0).isLessThan(0.001);            // exact: 2 / 16384 = 0.00012
    }

    @Test
    void theIntervalOfTheDifferenceInvertsThePermutationTest() {
        // Exact enumeration in numpy (itertools.product over the 128 sign patterns of d - delta, bisection on delta,
        // confirmed by a scan of delta over [-1, 2] in steps of 0.001): p(0) = 8/128, interval [-0.05, 1.25]
        double[] d = {0.3, 1.1, -0.4, 0.9, 1.6, 0.2, 0.8};
        Permutation paired = Permutation.signFlip(d, 10_000, 1);
        assertThat(paired.p()).isEqualTo(0.0625);
        assertThat(paired.estimate()).isCloseTo(0.6428571428571429, within(1e-12));
        Interval ci = paired.interval(0.95);
        assertThat(ci.low()).isCloseTo(-0.05, within(1e-6));
        assertThat(ci.high()).isCloseTo(1.25, within(1e-6));
        // {3.1, 2.25, 2.9, 3.6} vs {1.9, 2.4, 2.7, 1.6, 2.2}, all 126 splits (itertools.combinations): p(0) = 6/126,
        // interval [0.025, 1.6]; p < 0.05 and an interval that leaves out 0 go together
        Permutation groups = Permutation.labelShuffle(new double[]{3.1, 2.25, 2.9, 3.6}, new double[]{1.9, 2.4, 2.7, 1.6, 2.2},
                10_000, 1);
        assertThat(groups.p()).isCloseTo(6.0 / 126, within(1e-15));
        assertThat(groups.interval(0.95).low()).isCloseTo(0.025, within(1e-6));
        assertThat(groups.interval(0.95).high()).isCloseTo(1.6, within(1e-6));

        // Whatever the data, exact or drawn: the interval leaves out 0 exactly when p <= 0.05, and p crosses 0.05 at its ends
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 40; k++) {
            int n = 8 + random.nextInt(15);
            double[] x = normal(random, n);
            for (int i = 0; i < n; i++) x[i] += 0.6 * random.nextDouble();
            Permutation test = k % 2 == 0 ? Permutation.signFlip(x, 2_000, k)
                    : Permutation.labelShuffle(Arrays.copyOf(x, n / 2), Arrays.copyOfRange(x, n / 2, n), 2_000, k);
            Interval interval = test.interval(0.95);
            assertThat(interval.bounded()).as("n = %d", n).isTrue();
            assertThat(interval.excludes(0)).as("n = %d, p = %s, %s", n, test.p(), interval).isEqualTo(test.p() <= 0.05);
            double step = 1e-6 * Math.max(1, Math.abs(test.estimate()));
            assertThat(test.p(interval.low() + step)).isGreaterThan(0.05);
            assertThat(test.p(interval.low() - step)).isLessThanOrEqualTo(0.05);
            assertThat(test.p(interval.high() - step)).isGreaterThan(0.05);
            assertThat(test.p(interval.high() + step)).isLessThanOrEqualTo(0.05);
        }
    }

    @Test
    void threePairsGiveHonestIntervalsNotNonsense() {
        // At 3 pairs the bootstrap interval of g_z was [-3.3e15, 0.38]: a resample of one pair three times has an SD
        // of 1e-17 from rounding. Now: the permutation test cannot reach p < 0.05 (smallest p = 2/8), so the
        // difference gets no interval, and g_z's noncentral-t interval is wide but finite.
        TestResult r = tests.paired(new double[]{1.2, 0.9, 1.5}, new double[]{0.7, 1.0, 0.4});
        assertThat(r.tested()).isTrue();
        assertThat(r.smallestP()).isEqualTo(0.25);
        assertThat(r.canReach(0.05)).isFalse();
        assertThat(r.differenceInterval().bounded()).isFalse();
        assertThat(r.gInterval().bounded()).isTrue();
        assertThat(r.gInterval().low()).isBetween(-5.0, r.g());
        assertThat(r.gInterval().high()).isBetween(r.g(), 10.0);
        assertThat(r.pRank()).isLessThanOrEqualTo(1);
        assertThat(r.pPermutation()).isLessThanOrEqualTo(1);
    }

    @Test
    void exactRankPValuesAreCappedAtOneAndCorrectAtTheCentre() {
        // scipy.stats.wilcoxon([1, 2, -3]) -> p = 1.0; Hipparchus 4.0.3 doubles P(W <= 3) = 5/8 into 1.25
        assertThat(tests.paired(new double[]{1, 2, -3}, new double[]{0, 0, 0}).pRank()).isEqualTo(1.0);
        // scipy.stats.mannwhitneyu(a, b) -> p = 1.0 at U = n1 n2 / 2; Hipparchus 4.0.3 returned 0.2 and 0.0159
        assertThat(tests.independent(new double[]{0.246, 0.843, -0.581}, new double[]{0.538, -0.336}).pRank()).isEqualTo(1.0);
        TestResult centre = tests.independent(new double[]{0.412, 0.117, 1.649, -1.071},
                new double[]{0.318, 0.372, -0.666, 1.914, -0.305});
        assertThat(centre.rankStatistic()).isEqualTo(10);
        assertThat(centre.pRank()).isEqualTo(1.0);
        // away from the centre Hipparchus' exact p stands: mannwhitneyu([-1.527, 0.309], [3.854, -0.578, -1.142]) = 0.8
        assertThat(tests.independent(new double[]{-1.527, 0.309}, new double[]{3.854, -0.578, -1.142}).pRank())
                .isCloseTo(0.8, within(1e-12));
    }

    @Test
    void noncentralTMatchesScipy() {
        // scipy.stats.nct.cdf(t, df, nc), scipy 1.17.1; the last lies beyond exp(-nc^2/2)'s range (integrated)
        double[][] cases = {{2.0, 11, 1.0, 0.8104866100789618}, {-1.5, 5, 0.5, 0.03926767466196869},
                {3.0, 2, 2.5, 0.5125949711221227}, {1.0, 30, -1.0, 0.9758987735175669}, {0.0, 7, 1.2, 0.11506967022170833},
                {-2.5, 11, -3.0, 0.6896646175652587}, {5.0, 3, 8.0, 0.06933274672418756},
                {45.0, 20, 40.0, 0.7268913250442259}};
        for (double[] c : cases)
            assertThat(NoncentralT.cdf(c[0], c[1], c[2])).as("cdf(%s; %s, %s)", c[0], c[1], c[2]).isCloseTo(c[3], within(1e-9));
        // central case: Hipparchus' t distribution
        assertThat(NoncentralT.cdf(1.5, 9, 0)).isCloseTo(new TDistribution(9).cumulativeProbability(1.5), within(1e-15));
        // the noncentrality interval behind t = 86 at df = 2 (scipy brentq on nct.cdf): [13.6492, 165.1948];
        // a normal approximation there (R's pt beyond nc = 37.6) gives 159.6 for the upper end
        double[] wide = NoncentralT.ncpInterval(86, 2, 0.95);
        assertThat(wide[0]).isCloseTo(13.649212734503843, within(1e-6));
        assertThat(wide[1]).isCloseTo(165.19482457490685, within(1e-6));
    }

    @Test
    void powerComesFromTheNoncentralT() {
        // The case: a paired t test with 12 pairs detects g_z = 0.81 with 72% probability, not 80%
        // (scipy: nct.sf(t_.975,11, 0.81 sqrt 12) + nct.cdf(-t_.975, ...) = 0.72422); the normal approximation said 80%
        assertThat(NoncentralT.power(0.81 * Math.sqrt(12), 11, 0.05)).isCloseTo(0.7242229233334654, within(1e-9));
        // Cohen (1988), Table 2.4.1: two groups of 64, d = 0.5, two-sided 0.05 -> power 0.80 (scipy: 0.80146)
        assertThat(NoncentralT.power(0.5 * Math.sqrt(64 * 64 / 128.0), 126, 0.05)).isCloseTo(0.8014595579222541, within(1e-9));
        // the smallest effect with 80% power (scipy brentq): 12 pairs 0.88865; 12 + 12 people 1.19681; 3 pairs 3.26404
        assertThat(NoncentralT.detectableEffect(11, Math.sqrt(12), 0.05, 0.8)).isCloseTo(0.8886542652934869, within(1e-8));
        assertThat(NoncentralT.detectableEffect(22, Math.sqrt(6), 0.05, 0.8)).isCloseTo(1.1968119137532303, within(1e-8));
        assertThat(NoncentralT.detectableEffect(2, Math.sqrt(3), 0.05, 0.8)).isCloseTo(3.2640435496995703, within(1e-8));
    }

    @Test
    void effectSizeIntervalsInvertTheNoncentralT() {
        // paired A - B: t = 3.8103, df 11; scipy brentq on nct.cdf(t, 11, nc) = 0.975 / 0.025: nc in [1.24577, 6.27130];
        // g_z's interval is that over sqrt(12), times J(11)
        TestResult paired = tests.paired(A, B);
        double j = EffectSizes.hedgesCorrection(11);
        assertThat(paired.gInterval().low()).isCloseTo(1.245765901988048 / Math.sqrt(12) * j, within(1e-9));
        assertThat(paired.gInterval().high()).isCloseTo(6.2713006518358325 / Math.sqrt(12) * j, within(1e-9));
        // the t-based interval and the t test agree: p_t < 0.05 and the interval leaves out 0
        assertThat(paired.pT()).isLessThan(0.05);
        assertThat(paired.gInterval().excludes(0)).isTrue();
        // groups C, B: Student's t = 4.2265 (ttest_ind equal_var=True), df 17 -> d in [0.84246, 3.13879] (scipy brentq)
        TestResult groups = tests.independent(C, B);
        double j17 = EffectSizes.hedgesCorrection(17);
        assertThat(groups.gInterval().low()).isCloseTo(0.8424578447953867 * j17, within(1e-8));
        assertThat(groups.gInterval().high()).isCloseTo(3.1387945897693155 * j17, within(1e-8));
    }

    @Test
    void whereTheMethodsDisagreeTheResultSaysSo() {
        // six positive differences, one of them large: the sign-flip test gives its smallest p, 2/64 = 0.031, but the
        // large one widens the SD, and the paired t's p is 0.0546 (scipy ttest_1samp): the t-based interval includes 0
        TestResult skewed = tests.paired(new double[]{1, 1.1, 0.9, 5, 0.95, 1.05}, new double[6]);
        assertThat(skewed.pPermutation()).isEqualTo(2.0 / 64);
        assertThat(skewed.pT()).isCloseTo(0.05464634041559693, within(1e-9));
        assertThat(skewed.differenceInterval().excludes(0)).isTrue();
        assertThat(skewed.gInterval().excludes(0)).isFalse();
        assertThat(skewed.disagreement(0.05)).contains("t-based interval of g includes 0", "go by the permutation test");
        // eleven small decreases and one large increase: the mean says up (p_t = 0.53), the ranks say down
        // (scipy.stats.wilcoxon: W = 12, p = 0.0342)
        TestResult split = tests.paired(new double[]{-0.1, -0.12, -0.2, -0.15, -0.11, -0.13, -0.14, -0.16, -0.17, -0.18,
                -0.19, 5.0}, new double[12]);
        assertThat(split.difference()).isPositive();
        assertThat(split.r()).isNegative();
        assertThat(split.pRank()).isCloseTo(0.0341796875, within(1e-12));
        assertThat(split.disagreement(0.05)).contains("rank-biserial r points the other way");
        assertThat(tests.paired(A, B).disagreement(0.05)).isEmpty();
    }

    @Test
    void bootstrapQuantilesInterpolateLikeNumpy() {
        // numpy.percentile([1, 2, 3, 4, 10], [2.5, 97.5]) = [1.1, 9.4]; the NaN and the infinity are left out
        double[] interval = Bootstrap.percentileInterval(new double[]{Double.NaN, 10, 2, 3, 4, 1, Double.POSITIVE_INFINITY}, 0.95);
        assertThat(interval[0]).isCloseTo(1.1, within(1e-12));
        assertThat(interval[1]).isCloseTo(9.4, within(1e-12));
    }

    @Test
    void nullDataRejectAtAboutAlpha() {
        // 200 simulated studies with no effect: each test should reject at p < 0.05 about 5% of the time
        ConditionTest quick = new ConditionTest(new StatsSettings(2_000, 10, 7, 0.05, 0.95));
        SplittableRandom random = new SplittableRandom(42);
        int pairedT = 0, pairedPerm = 0, welch = 0, shuffle = 0, sims = 200;
        for (int s = 0; s < sims; s++) {
            double[] a = normal(random, 12), b = normal(random, 12);
            for (int i = 0; i < 12; i++) b[i] += a[i]; // correlated pairs, as with one person watching both
            TestResult paired = quick.paired(a, b), independent = quick.independent(normal(random, 12), normal(random, 12));
            if (paired.pT() < 0.05) pairedT++;
            if (paired.pPermutation() < 0.05) pairedPerm++;
            if (independent.pT() < 0.05) welch++;
            if (independent.pPermutation() < 0.05) shuffle++;
        }
        for (int rejections : new int[]{pairedT, pairedPerm, welch, shuffle})
            assertThat(rejections / (double) sims).isBetween(0.02, 0.09);
    }

    @Test
    void constantDataIsReportedUntested() {
        TestResult r = tests.paired(new double[]{1, 2, 3}, new double[]{0, 1, 2});
        assertThat(r.tested()).isFalse();
        assertThat(r.note()).contains("do not vary");
        assertThat(r.pPermutation()).isNaN();
        assertThat(tests.independent(new double[]{0, 0, 0}, new double[]{0, 0, 0}).tested()).isFalse();
    }

    static double[] normal(SplittableRandom random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++)
            x[i] = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        return x;
    }
}
