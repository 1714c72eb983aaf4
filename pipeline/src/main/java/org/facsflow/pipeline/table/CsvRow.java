package org.facsflow.pipeline.table;

/**
 * Builds one CSV line without String.format (the hot path writes hundreds of numbers per face per frame), each
 * number with its column's declared decimals. NaN is written as an empty field: missing, not zero.
 */
final class CsvRow implements RowCells {
    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000};

    private final StringBuilder line = new StringBuilder(4096);
    private final String separator;
    private final int[] decimals;
    private int column;

    /** @param decimals per column, in order */
    CsvRow(String separator, int[] decimals) {
        this.separator = separator;
        this.decimals = decimals;
    }

    CsvRow start() {
        line.setLength(0);
        column = 0;
        return this;
    }

    CharSequence line() {
        return line;
    }

    /** Cells written since {@link #start}. */
    int cells() {
        return column;
    }

    private StringBuilder next() {
        if (column > 0) line.append(separator);
        column++;
        return line;
    }

    @Override
    public void text(String value) {
        next().append(value);
    }

    @Override
    public void integer(long value) {
        next().append(value);
    }

    /** A fixed-point number with the column's decimals. */
    @Override
    public void number(double value) {
        int digits = decimals[column];
        StringBuilder b = next();
        if (Double.isNaN(value) || Double.isInfinite(value)) return;
        long scale = POW10[digits];
        long scaled = Math.round(Math.abs(value) * scale);
        if (value < 0 && scaled != 0) b.append('-');
        b.append(scaled / scale);
        if (digits == 0) return;
        b.append('.');
        String frac = Long.toString(scaled % scale);
        for (int i = frac.length(); i < digits; i++) b.append('0');
        b.append(frac);
    }
}
