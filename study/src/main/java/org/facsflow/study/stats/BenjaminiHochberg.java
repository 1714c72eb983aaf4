package org.facsflow.study.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini &amp; Hochberg (1995) false discovery rate control. With the m p-values sorted, p(1) &lt;= ... &lt;= p(m),
 * the step-up procedure rejects the hypotheses of p(1) .. p(k) for the largest k with p(k) &lt;= k q / m. The
 * adjusted p-value (q-value) of p(i) is min over j &gt;= i of min(1, m p(j) / j); a hypothesis is rejected at level q
 * exactly when its q-value is at most q. NaN p-values (tests that could not be run) are left out of m and get NaN.
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /** The BH-adjusted p-values, in the input's order. */
    public static double[] adjust(double[] p) {
        int[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).mapToInt(Integer::intValue).toArray();
        int m = order.length;
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            if (p[i] < 0 || p[i] > 1) throw new IllegalArgumentException("p-value out of [0, 1]: " + p[i]);
            running = Math.min(running, p[i] * m / rank);
            q[i] = running;
        }
        return q;
    }

    /** How many hypotheses the step-up procedure rejects at FDR level {@code q}. */
    public static int rejections(double[] p, double q) {
        return (int) Arrays.stream(adjust(p)).filter(v -> v <= q).count();
    }
}
