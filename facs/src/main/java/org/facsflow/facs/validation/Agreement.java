package org.facsflow.facs.validation;

import org.hipparchus.stat.correlation.PearsonsCorrelation;

/**
 * Agreement between a reference series x and a prediction y of the same frames. Every measure is NaN where it is
 * undefined rather than a made-up 0 or 1: fewer than two frames, or a constant series (r, CCC and ICC have a zero
 * denominator when both series are constant; r also when either is), or no positive frame in either series (F1).
 */
public final class Agreement {

    private Agreement() {
    }

    /** Pearson's r (Hipparchus); NaN if either series is constant. */
    public static double pearson(double[] x, double[] y) {
        checkPaired(x, y);
        if (x.length < 2 || isConstant(x) || isConstant(y)) return Double.NaN;
        return new PearsonsCorrelation().correlation(x, y);
    }

    /**
     * Lin's concordance correlation coefficient: 2 s_xy / (s_x² + s_y² + (mean x − mean y)²), with the 1/n moments
     * of Lin (1989). Unlike r it falls when the prediction is offset or scaled, which matters for intensities.
     */
    public static double concordance(double[] x, double[] y) {
        checkPaired(x, y);
        int n = x.length;
        if (n < 2) return Double.NaN;
        double mx = mean(x), my = mean(y), sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double denominator = sxx / n + syy / n + (mx - my) * (mx - my);
        return denominator == 0 ? Double.NaN : 2 * sxy / n / denominator;
    }

    /**
     * ICC(3,1) of Shrout &amp; Fleiss (1979): two-way mixed, consistency, single rater, with the frames as targets and
     * the two series as the k = 2 raters: (BMS − EMS) / (BMS + (k − 1) EMS). A constant offset does not lower it; a
     * difference in scale does.
     */
    public static double icc31(double[] x, double[] y) {
        checkPaired(x, y);
        int n = x.length, k = 2;
        if (n < 2) return Double.NaN;
        double grand = (mean(x) + mean(y)) / 2;
        double ssRows = 0, ssTotal = 0;
        for (int i = 0; i < n; i++) {
            double rowMean = (x[i] + y[i]) / 2;
            ssRows += k * (rowMean - grand) * (rowMean - grand);
            ssTotal += (x[i] - grand) * (x[i] - grand) + (y[i] - grand) * (y[i] - grand);
        }
        double ssColumns = n * ((mean(x) - grand) * (mean(x) - grand) + (mean(y) - grand) * (mean(y) - grand));
        double bms = ssRows / (n - 1);
        double ems = (ssTotal - ssRows - ssColumns) / ((n - 1) * (k - 1));
        double denominator = bms + (k - 1) * ems;
        return denominator == 0 ? Double.NaN : (bms - ems) / denominator;
    }

    /** Mean absolute difference; NaN for no frames. */
    public static double meanAbsoluteError(double[] x, double[] y) {
        checkPaired(x, y);
        if (x.length == 0) return Double.NaN;
        double sum = 0;
        for (int i = 0; i < x.length; i++) sum += Math.abs(y[i] - x[i]);
        return sum / x.length;
    }

    /** F1 of the prediction's presence against the reference's: 2TP / (2TP + FP + FN); NaN if neither has any. */
    public static double f1(boolean[] reference, boolean[] predicted) {
        if (reference.length != predicted.length)
            throw new IllegalArgumentException("series differ in length: " + reference.length + " vs " + predicted.length);
        int truePositive = 0, falsePositive = 0, falseNegative = 0;
        for (int i = 0; i < reference.length; i++) {
            if (reference[i] && predicted[i]) truePositive++;
            else if (predicted[i]) falsePositive++;
            else if (reference[i]) falseNegative++;
        }
        int denominator = 2 * truePositive + falsePositive + falseNegative;
        return denominator == 0 ? Double.NaN : 2.0 * truePositive / denominator;
    }

    private static void checkPaired(double[] x, double[] y) {
        if (x.length != y.length)
            throw new IllegalArgumentException("series differ in length: " + x.length + " vs " + y.length);
    }

    private static boolean isConstant(double[] v) {
        for (double d : v) if (d != v[0]) return false;
        return true;
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double d : v) sum += d;
        return sum / v.length;
    }
}
