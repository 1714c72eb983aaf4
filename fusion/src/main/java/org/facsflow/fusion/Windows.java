package org.facsflow.fusion;

/**
 * The analysis timeline: back-to-back windows of {@code length} seconds from {@code start}, the last one ending at or
 * after {@code end}. Window {@code i} is [start + i * length, start + (i + 1) * length).
 */
public record Windows(double start, double length, int count) {
    public Windows {
        if (!(length > 0)) throw new IllegalArgumentException("windows of " + length + " s");
    }

    /** Windows covering [start, end]. */
    public static Windows covering(double start, double end, double length) {
        return new Windows(start, length, Math.max(1, (int) Math.ceil((end - start) / length + 1e-9)));
    }

    public double from(int i) {
        return start + i * length;
    }

    public double to(int i) {
        return start + (i + 1) * length;
    }

    /** The window holding {@code t}, or -1 outside them all (and for NaN, a row without a time). */
    public int index(double t) {
        if (Double.isNaN(t)) return -1;
        int i = (int) Math.floor((t - start) / length);
        return i >= 0 && i < count ? i : -1;
    }
}
