package org.facsflow.learn.state;

/**
 * A feature at least and/or at most a value (inclusive); NaN for a side without a bound.
 */
public record Bound(Feature feature, double atLeast, double atMost) {
    public Bound {
        if (Double.isNaN(atLeast) && Double.isNaN(atMost))
            throw new IllegalArgumentException(feature.name() + ": needs atLeast or atMost");
    }

    /** Whether a value passes (NaN never does). */
    public boolean passes(float value) {
        if (Float.isNaN(value)) return false;
        return (Double.isNaN(atLeast) || value >= atLeast) && (Double.isNaN(atMost) || value <= atMost);
    }

    /** "AU4 >= 1" */
    public String describe() {
        if (!Double.isNaN(atLeast) && !Double.isNaN(atMost))
            return feature.name() + " in [" + num(atLeast) + ", " + num(atMost) + "]";
        return feature.name() + (Double.isNaN(atMost) ? " >= " + num(atLeast) : " <= " + num(atMost));
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
