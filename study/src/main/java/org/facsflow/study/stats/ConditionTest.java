package org.facsflow.study.stats;

import org.facsflow.study.Design;
import org.hipparchus.stat.inference.MannWhitneyUTest;
import org.hipparchus.stat.inference.TTest;
import org.hipparchus.stat.inference.WilcoxonSignedRankTest;

import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Compares one metric between two conditions, with the tests the design calls for (t, rank and permutation tests
 * from {@link TestResult}); t and rank tests are Hipparchus', permutation tests, effect sizes and bootstrap
 * intervals ours. Effect-size intervals are BCa bootstrap intervals ({@link Bootstrap#bcaInterval}): participants
 * (pairs) resampled with replacement for paired data, each group separately for independent groups; the jackknife
 * leaves out one pair, or one participant of either group.
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
        for (int i = 0; i < n; i++) diff[i] = a[i] - b[i];
        if (EffectSizes.variance(diff) == 0) return TestResult.untested(Design.WITHIN, a, b, "differences do not vary");

        TTest tTest = new TTest();
        double t = tTest.pairedT(a, b), pT = tTest.pairedTTest(a, b);
        double wPlus = EffectSizes.signedRankSums(diff)[0];
        double pRank = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(a, b, n <= EXACT_WILCOXON_MAX);
        double pPerm = Permutation.signFlip(diff, settings.permutations(), new SplittableRandom(settings.seed()));
        double d = EffectSizes.dz(diff), j = EffectSizes.hedgesCorrection(n - 1);
        double r = EffectSizes.matchedPairsRankBiserial(diff);

        ToDoubleFunction<double[]> gz = x -> EffectSizes.hedgesCorrection(x.length - 1) * EffectSizes.dz(x);
        ToDoubleFunction<double[]> rb = EffectSizes::matchedPairsRankBiserial;
        SplittableRandom random = new SplittableRandom(settings.seed());
        int resamples = settings.bootstrapResamples();
        double[] gs = new double[resamples], rs = new double[resamples], sample = new double[n];
        for (int k = 0; k < resamples; k++) {
            for (int i = 0; i < n; i++) sample[i] = diff[random.nextInt(n)];
            gs[k] = gz.applyAsDouble(sample);
            rs[k] = rb.applyAsDouble(sample);
        }
        double[] gCi = Bootstrap.bcaInterval(gs, j * d, Bootstrap.jackknife(diff, gz), settings.confidence());
        double[] rCi = Bootstrap.bcaInterval(rs, r, Bootstrap.jackknife(diff, rb), settings.confidence());
        return new TestResult(Design.WITHIN, n, n, EffectSizes.mean(a), EffectSizes.mean(b), sd(a), sd(b), t, n - 1,
                pT, wPlus, pRank, pPerm, d, j * d, gCi[0], gCi[1], r, rCi[0], rCi[1], "");
    }

    /** a and b come from different participants. */
    public TestResult independent(double[] a, double[] b) {
        int na = a.length, nb = b.length;
        if (na < 2 || nb < 2 || na + nb < 5)
            return TestResult.untested(Design.BETWEEN, a, b, "fewer than 2 per group or 5 in all");
        double va = EffectSizes.variance(a), vb = EffectSizes.variance(b);
        if (va == 0 && vb == 0) return TestResult.untested(Design.BETWEEN, a, b, "values do not vary within groups");

        TTest tTest = new TTest();
        double t = tTest.t(a, b), pT = tTest.tTest(a, b);
        double sa = va / na, sb = vb / nb;
        double df = (sa + sb) * (sa + sb) / (sa * sa / (na - 1) + sb * sb / (nb - 1));
        double u = EffectSizes.mannWhitneyU(a, b);
        double pRank = new MannWhitneyUTest().mannWhitneyUTest(a, b);
        double pPerm = Permutation.labelShuffle(a, b, settings.permutations(), new SplittableRandom(settings.seed()));
        double j = EffectSizes.hedgesCorrection(na + nb - 2);
        double d = EffectSizes.cohensD(a, b);
        double r = EffectSizes.rankBiserial(u, na, nb);

        ToDoubleBiFunction<double[], double[]> g = (x, y) -> EffectSizes.hedgesCorrection(x.length + y.length - 2)
                * EffectSizes.cohensD(x, y);
        ToDoubleBiFunction<double[], double[]> rb = (x, y) -> EffectSizes.rankBiserial(EffectSizes.mannWhitneyU(x, y),
                x.length, y.length);
        SplittableRandom random = new SplittableRandom(settings.seed());
        int resamples = settings.bootstrapResamples();
        double[] gs = new double[resamples], rs = new double[resamples], ra = new double[na], rb2 = new double[nb];
        for (int k = 0; k < resamples; k++) {
            for (int i = 0; i < na; i++) ra[i] = a[random.nextInt(na)];
            for (int i = 0; i < nb; i++) rb2[i] = b[random.nextInt(nb)];
            gs[k] = g.applyAsDouble(ra, rb2);
            rs[k] = rb.applyAsDouble(ra, rb2);
        }
        double[] gCi = Bootstrap.bcaInterval(gs, j * d, Bootstrap.jackknife(a, b, g), settings.confidence());
        double[] rCi = Bootstrap.bcaInterval(rs, r, Bootstrap.jackknife(a, b, rb), settings.confidence());
        return new TestResult(Design.BETWEEN, na, nb, EffectSizes.mean(a), EffectSizes.mean(b), Math.sqrt(va),
                Math.sqrt(vb), t, df, pT, u, pRank, pPerm, d, j * d, gCi[0], gCi[1], r, rCi[0], rCi[1], "");
    }

    private static double sd(double[] x) {
        return Math.sqrt(EffectSizes.variance(x));
    }
}
