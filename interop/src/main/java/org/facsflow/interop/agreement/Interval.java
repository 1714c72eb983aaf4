package org.facsflow.interop.agreement;

import java.util.Locale;

/** A bootstrap interval; both ends NaN where it could not be estimated. */
public record Interval(double low, double high) {
    public static Interval of(double[] ends) {
        return new Interval(ends[0], ends[1]);
    }

    /** Whether the interval lies wholly above or below zero. */
    public boolean excludesZero() {
        return low > 0 || high < 0;
    }

    /** "[0.41, 0.77]", or "" where undefined. */
    public String format() {
        return Double.isNaN(low) ? "" : String.format(Locale.ROOT, "[%.2f, %.2f]", low, high);
    }
}
