package org.facsflow.fusion.signal;

import org.facsflow.fusion.Windows;

/**
 * A signal on the analysis windows: per window its value (the mean of its samples, or for events their rate per
 * second) and its coverage, the share of the window the signal actually covers. A gap stays a gap: a window that
 * falls between two samples further apart than {@value #GAP_INTERVALS} nominal intervals (a sensor dropout, beats the
 * device missed) has coverage 0 and no value; one that lies partly in a gap has the value of what it covers and a
 * coverage below 1. A window between two close samples without one of its own (a slow signal on short windows) takes
 * the linear interpolation at its centre.
 */
public record Resampled(Signal signal, double[] values, double[] coverage) {
    static final double GAP_INTERVALS = 3;

    public static Resampled onto(Signal s, Windows w) {
        int n = w.count();
        double[] values = new double[n], coverage = new double[n], sums = new double[n];
        int[] counts = new int[n];
        double[] t = s.times();
        for (int k = 0; k < t.length; k++) {
            int i = w.index(t[k]);
            if (i < 0) continue;
            sums[i] += s.values()[k];
            counts[i]++;
        }
        if (s.events()) {
            // An event stream covers the span from its first to its last event; no event in a window there is a rate of 0.
            addCoverage(coverage, w, s.start(), s.end());
        } else {
            double maxGap = GAP_INTERVALS * s.interval();
            for (int k = 0; k + 1 < t.length; k++) if (t[k + 1] - t[k] <= maxGap) addCoverage(coverage, w, t[k], t[k + 1]);
        }
        for (int i = 0; i < n; i++) {
            coverage[i] = Math.min(1, coverage[i] / w.length());
            if (s.events()) values[i] = coverage[i] > 0 ? counts[i] / w.length() : Double.NaN;
            else if (counts[i] > 0) values[i] = sums[i] / counts[i];
            else values[i] = coverage[i] > 0 ? interpolate(s, (w.from(i) + w.to(i)) / 2) : Double.NaN;
        }
        return new Resampled(s, values, coverage);
    }

    /** Adds the seconds of [a, b] that fall in each window. */
    private static void addCoverage(double[] covered, Windows w, double a, double b) {
        int first = Math.max(0, (int) Math.floor((a - w.start()) / w.length()));
        int last = Math.min(w.count() - 1, (int) Math.floor((b - w.start()) / w.length()));
        for (int i = first; i <= last; i++) covered[i] += Math.max(0, Math.min(b, w.to(i)) - Math.max(a, w.from(i)));
    }

    private static double interpolate(Signal s, double x) {
        double[] t = s.times(), v = s.values();
        int k = java.util.Arrays.binarySearch(t, x);
        if (k >= 0) return v[k];
        k = -k - 2; // t[k] < x < t[k + 1]
        if (k < 0 || k + 1 >= t.length) return Double.NaN;
        return v[k] + (v[k + 1] - v[k]) * (x - t[k]) / (t[k + 1] - t[k]);
    }
}
