package org.facsflow.study.stats;

/**
 * A confidence interval. An end is NaN where the data cannot bound it (too few participants for the method to
 * reject anything on that side).
 *
 * @param low  lower end
 * @param high upper end
 */
public record Interval(double low, double high) {
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

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
}
