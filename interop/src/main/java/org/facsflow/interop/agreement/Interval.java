package org.facsflow.interop.agreement;

import java.util.Locale;

/**
 * A confidence interval: of an agreement or a fairness gap (bootstrap), or of a study's difference or effect size
 * (inverted permutation test, noncentral t). An end is NaN where the data cannot bound it (too few units or
 * participants for the method).
 *
 * @param low  lower end
 * @param high upper end
 */
public record Interval(double low, double high) {
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    /** From {low, high}, as {@link Bootstrap} gives them. */
    public static Interval of(double[] ends) {
        return new Interval(ends[0], ends[1]);
    }

    /** Whether both ends are finite. */
    public boolean bounded() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** Whether the interval is bounded and leaves out {@code value}. */
    public boolean excludes(double value) {
        return bounded() && (value < low || value > high);
    }

    /** Both ends multiplied by {@code factor} (&gt; 0). */
    public Interval times(double factor) {
        return new Interval(low * factor, high * factor);
    }

    /** "[0.41, 0.77]", or "" where undefined. */
    public String format() {
        return Double.isNaN(low) ? "" : String.format(Locale.ROOT, "[%.2f, %.2f]", low, high);
    }
}
