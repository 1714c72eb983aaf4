package org.facsflow.apps.output;

/**
 * Builds one CSV line without String.format (the hot path writes hundreds of numbers per face per frame).
 * NaN is written as an empty field: unmeasurable, not zero.
 */
public final class CsvRow {
    private final StringBuilder line = new StringBuilder(4096);
    private final String separator;
    private boolean first = true;

    public CsvRow(String separator) {
        this.separator = separator;
    }

    CsvRow start() {
        line.setLength(0);
        first = true;
        return this;
    }

    CharSequence line() {
        return line;
    }

    private StringBuilder next() {
        if (!first) line.append(separator);
        first = false;
        return line;
    }

    public void text(String value) {
        next().append(value);
    }

    public void integer(long value) {
        next().append(value);
    }

    /** A fixed-point number with {@code decimals} digits after the point. */
    public void number(double value, int decimals) {
        StringBuilder b = next();
        if (Double.isNaN(value) || Double.isInfinite(value)) return;
        long scale = POW10[decimals];
        long scaled = Math.round(Math.abs(value) * scale);
        if (value < 0 && scaled != 0) b.append('-');
        b.append(scaled / scale);
        if (decimals == 0) return;
        b.append('.');
        String frac = Long.toString(scaled % scale);
        for (int i = frac.length(); i < decimals; i++) b.append('0');
        b.append(frac);
    }

    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000};
}
