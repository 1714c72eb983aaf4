package org.facsflow.study;

import org.facsflow.study.stats.BenjaminiHochberg;
import org.facsflow.study.stats.Bootstrap;
import org.facsflow.study.stats.ConditionTest;
import org.facsflow.study.stats.EffectSizes;
import org.facsflow.study.stats.Permutation;
import org.facsflow.study.stats.StatsSettings;
import org.facsflow.study.stats.TestResult;
import org.hipparchus.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The statistics against values computed independently: expected numbers come from scipy 1.17.1 / numpy (calls
 * named beside each), from Benjamini &amp; Hochberg's (1995) worked example, or from exact enumeration by hand.
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
        assertThat(r.gLow()).isLessThan(r.g());
        assertThat(r.gHigh()).isGreaterThan(r.g());
        assertThat(r.pPermutation()).isBetween(0.0005, 0.01);                // exact sign-flip p is 0.00317 (13 of 4096)
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
    void permutationTestsAgreeWithExactEnumeration() {
        // differences 1, 2, 3, 4: of the 16 sign patterns only all-plus and all-minus reach |sum| = 10 -> p = 2/16
        double p = Permutation.signFlip(new double[]{1, 2, 3, 4}, 10_000, new SplittableRandom(1));
        assertThat(p).isCloseTo(0.125, within(0.01));
        // {10, 11, 12} vs {1, 2, 3}: of the 20 splits only the observed one and its mirror reach |diff| = 9 -> p = 0.1
        p = Permutation.labelShuffle(new double[]{10, 11, 12}, new double[]{1, 2, 3}, 10_000, new SplittableRandom(1));
        assertThat(p).isCloseTo(0.1, within(0.01));
    }

    @Test
    void bootstrapQuantilesInterpolateLikeNumpy() {
        double[] sorted = {1, 2, 3, 4, 10};
        assertThat(Bootstrap.quantile(sorted, 0.025)).isCloseTo(1.1, within(1e-12));   // numpy.percentile(x, 2.5)
        assertThat(Bootstrap.quantile(sorted, 0.975)).isCloseTo(9.4, within(1e-12));   // numpy.percentile(x, 97.5)
        double[] interval = Bootstrap.percentileInterval(new double[]{Double.NaN, 10, 2, 3, 4, 1, Double.POSITIVE_INFINITY}, 0.95);
        assertThat(interval[0]).isCloseTo(1.1, within(1e-12));
        assertThat(interval[1]).isCloseTo(9.4, within(1e-12));
    }

    @Test
    void bcaIntervalMatchesScipyOnScipysOwnResamples() throws Exception {
        // scipy's bootstrap distribution of d_z (resource file) goes in; scipy's BCa interval must come out
        List<String> lines;
        try (var in = StatisticsTest.class.getResourceAsStream("scipy-bca-dz.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
        }
        String[] expected = lines.get(0).split(" ");
        double[] resampled = lines.stream().skip(1).mapToDouble(Double::parseDouble).toArray();
        assertThat(resampled).hasSize(199);
        double[] d = new double[A.length];
        for (int i = 0; i < d.length; i++) d[i] = A[i] - B[i];
        double[] interval = Bootstrap.bcaInterval(resampled, EffectSizes.dz(d), Bootstrap.jackknife(d, EffectSizes::dz), 0.95);
        assertThat(interval[0]).isCloseTo(Double.parseDouble(expected[0]), within(1e-9));
        assertThat(interval[1]).isCloseTo(Double.parseDouble(expected[1]), within(1e-9));
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
