package org.facsflow.study.stats;

import java.util.SplittableRandom;

/**
 * Two-sided Monte Carlo permutation tests of a mean difference. p = (1 + #{|T*| &gt;= |T|}) / (1 + B) over B random
 * rearrangements (Phipson &amp; Smyth 2010: never 0, valid at any B); with B = 10,000 the smallest p is about 1e-4.
 */
public final class Permutation {
    private static final double TIE = 1e-12;

    private Permutation() {
    }

    /**
     * Paired design: under the null hypothesis each participant's difference is as likely positive as negative, so
     * the statistic, the sum of differences, is recomputed with random signs.
     */
    public static double signFlip(double[] differences, int permutations, SplittableRandom random) {
        double observed = Math.abs(sum(differences));
        int extreme = 0;
        for (int b = 0; b < permutations; b++) {
            double s = 0;
            for (double d : differences) s += random.nextBoolean() ? d : -d;
            if (Math.abs(s) >= observed - TIE * Math.max(1, observed)) extreme++;
        }
        return (1.0 + extreme) / (1.0 + permutations);
    }

    /**
     * Independent groups: under the null hypothesis the condition labels are exchangeable, so the difference of
     * means is recomputed with the pooled values shuffled between groups of the original sizes.
     */
    public static double labelShuffle(double[] a, double[] b, int permutations, SplittableRandom random) {
        int na = a.length, n = na + b.length;
        double[] pooled = new double[n];
        System.arraycopy(a, 0, pooled, 0, na);
        System.arraycopy(b, 0, pooled, na, b.length);
        double total = sum(pooled);
        double observed = Math.abs(difference(sum(a), total, na, n));
        int extreme = 0;
        for (int p = 0; p < permutations; p++) {
            double sumA = 0;
            for (int i = 0; i < na; i++) {
                int j = i + random.nextInt(n - i);
                double t = pooled[i];
                pooled[i] = pooled[j];
                pooled[j] = t;
                sumA += pooled[i];
            }
            if (Math.abs(difference(sumA, total, na, n)) >= observed - TIE * Math.max(1, observed)) extreme++;
        }
        return (1.0 + extreme) / (1.0 + permutations);
    }

    private static double difference(double sumA, double total, int na, int n) {
        return sumA / na - (total - sumA) / (n - na);
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s;
    }
}
