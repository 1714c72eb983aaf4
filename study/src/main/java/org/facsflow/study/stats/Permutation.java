package org.facsflow.study.stats;

import org.facsflow.interop.agreement.Interval;
import java.util.SplittableRandom;

/**
 * A two-sided permutation test of a difference in means, and the confidence interval that inverts it: the
 * shifts {@code delta} of the difference that the same test, run on the data moved by {@code delta}, does not
 * reject (Hartigan 1969; Good 2005, ch. 3). Built from one set of rearrangements, so the interval leaves out 0
 * exactly when {@link #p()} is at most 1 - confidence: test and interval cannot disagree.
 * <ul>
 *   <li>Paired ({@link #signFlip}): under the null hypothesis each participant's difference is as likely positive
 *       as negative, so the sum of the differences is recomputed with every pattern of signs.</li>
 *   <li>Independent groups ({@link #labelShuffle}): the condition labels are exchangeable, so the difference of
 *       means is recomputed over splits of the pooled values into groups of the original sizes.</li>
 * </ul>
 * Every rearrangement is enumerated when there are no more than {@code permutations} of them (2^n sign patterns up
 * to 13 pairs at 10,000; C(n1 + n2, n1) splits, e.g. 7 + 7): p is then exact, count / all. Otherwise
 * {@code permutations} random ones are drawn and p = (1 + count) / (1 + permutations) (Phipson &amp; Smyth 2010:
 * never 0). Either way, moving the data by {@code delta} changes each rearrangement's statistic linearly,
 * x - delta y, so the test at any shift costs one pass over stored pairs (x, y).
 * <p>
 * Few participants make few rearrangements, and p can never fall below 2 / 2^n (paired) or 1-2 / C(n1 + n2, n1):
 * with fewer than 6 pairs no paired difference reaches p &lt; 0.05, and the interval is then unbounded (NaN ends).
 */
public final class Permutation {
    private static final double TIE = 1e-12;
    /** Beyond this many data scales from the estimate an interval is taken to be unbounded. */
    private static final double FAR = 1e6;

    private final double[] x, y;
    private final double xObserved, yObserved, scale;
    private final boolean exact;

    private Permutation(double[] x, double[] y, double xObserved, double yObserved, double scale, boolean exact) {
        this.x = x;
        this.y = y;
        this.xObserved = xObserved;
        this.yObserved = yObserved;
        this.scale = scale;
        this.exact = exact;
    }

    /** Paired design: each participant's difference. */
    public static Permutation signFlip(double[] differences, int permutations, long seed) {
        int n = differences.length;
        boolean exact = n < 31 && (1L << n) <= permutations;
        int count = exact ? 1 << n : permutations;
        double[] x = new double[count], y = new double[count];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < count; b++) {
            double sum = 0, signs = 0;
            for (int i = 0; i < n; i++) {
                boolean plus = exact ? (b >> i & 1) == 0 : random.nextBoolean();
                sum += plus ? differences[i] : -differences[i];
                signs += plus ? 1 : -1;
            }
            x[b] = sum;
            y[b] = signs;
        }
        double scale = 0;
        for (double d : differences) scale = Math.max(scale, Math.abs(d));
        return new Permutation(x, y, sum(differences), n, scale, exact);
    }

    /** Independent groups: the values of each condition. */
    public static Permutation labelShuffle(double[] a, double[] b, int permutations, long seed) {
        int na = a.length, n = na + b.length;
        double[] pooled = new double[n];
        System.arraycopy(a, 0, pooled, 0, na);
        System.arraycopy(b, 0, pooled, na, b.length);
        double total = sum(pooled);
        double splits = binomial(n, na);
        boolean exact = splits <= permutations;
        int count = exact ? (int) splits : permutations;
        double[] x = new double[count], y = new double[count];
        int[] chosen = new int[na];
        for (int i = 0; i < na; i++) chosen[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int k = 0; k < count; k++) {
            if (exact) {
                if (k > 0) nextCombination(chosen, n);
            } else {
                for (int i = 0; i < na; i++) { // the first na of a partial Fisher-Yates shuffle
                    int j = i + random.nextInt(n - i), t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    chosen[i] = order[i];
                }
            }
            double sumA = 0;
            int fromA = 0;
            for (int i : chosen) {
                sumA += pooled[i];
                if (i < na) fromA++;
            }
            // moving a's values by -delta moves this split's difference of means by -delta times y
            x[k] = sumA / na - (total - sumA) / (n - na);
            y[k] = (double) fromA / na - (double) (na - fromA) / (n - na);
        }
        double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
        for (double v : pooled) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        return new Permutation(x, y, sum(a) / na - (total - sum(a)) / (n - na), 1, high - low, exact);
    }

    /** Whether every rearrangement was enumerated (p exact) rather than sampled. */
    public boolean exact() {
        return exact;
    }

    /** The observed mean difference (paired: mean of the differences; groups: difference of the means). */
    public double estimate() {
        return xObserved / yObserved;
    }

    /** The two-sided p of no difference. */
    public double p() {
        return p(0);
    }

    /** The two-sided p of the hypothesis that the mean difference is {@code shift}. */
    public double p(double shift) {
        double observed = Math.abs(xObserved - shift * yObserved);
        double limit = observed - TIE * Math.max(1, observed);
        int extreme = 0;
        for (int b = 0; b < x.length; b++) if (Math.abs(x[b] - shift * y[b]) >= limit) extreme++;
        return exact ? (double) extreme / x.length : (1.0 + extreme) / (1.0 + x.length);
    }

    /** The smallest p the test can give these participants: its p at a shift far beyond the data. */
    public double smallestP() {
        double far = FAR * Math.max(scale, Double.MIN_NORMAL);
        return Math.min(p(estimate() - far), p(estimate() + far));
    }

    /**
     * The shifts not rejected at level 1 - {@code confidence}; an end is NaN where none is rejected on that side
     * (see {@link #smallestP()}). Each end is bisected to 1e-9 of the data's scale.
     */
    public Interval interval(double confidence) {
        double alpha = 1 - confidence;
        return new Interval(end(-1, alpha), end(1, alpha));
    }

    private double end(int direction, double alpha) {
        if (!(scale > 0)) return Double.NaN; // constant data: nothing to shift against
        double estimate = estimate(), inside = estimate, outside = Double.NaN;
        boolean towardZero = direction * (0 - estimate) > 0;
        if (towardZero && p(0) <= alpha) {
            outside = 0; // p(0) rejects: the end lies between the estimate and 0
        } else {
            if (towardZero) inside = 0; // p(0) does not reject: the end lies beyond 0
            for (double step = scale; step <= FAR * scale; step *= 2) {
                double candidate = inside + direction * step;
                if (p(candidate) <= alpha) {
                    outside = candidate;
                    break;
                }
                inside = candidate;
            }
            if (Double.isNaN(outside)) return Double.NaN;
        }
        while (Math.abs(outside - inside) > 1e-9 * scale) {
            double middle = 0.5 * (inside + outside);
            if (middle == inside || middle == outside) break;
            if (p(middle) <= alpha) outside = middle;
            else inside = middle;
        }
        return 0.5 * (inside + outside);
    }

    /** Advances {@code chosen} (ascending indices below n) to the next combination in lexicographic order. */
    private static void nextCombination(int[] chosen, int n) {
        int k = chosen.length, i = k - 1;
        while (chosen[i] == n - k + i) i--;
        chosen[i]++;
        for (int j = i + 1; j < k; j++) chosen[j] = chosen[j - 1] + 1;
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return Math.round(c);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) s += v;
        return s;
    }
}
