package org.facsflow.facs;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for terminals: columns padded to their widest cell and separated by two spaces. The last
 * column is not padded, so a long free-text column can end each line.
 */
public final class TextTable {
    private final List<String[]> lines = new ArrayList<>();
    private final boolean[] rightAligned;

    /** A table with these column headers. */
    public TextTable(String... headers) {
        this.rightAligned = new boolean[headers.length];
        lines.add(headers.clone());
    }

    /** Right-aligns the given columns (numbers), counted from 0. */
    public TextTable alignRight(int... columns) {
        for (int c : columns) rightAligned[c] = true;
        return this;
    }

    public TextTable add(String... cells) {
        if (cells.length != rightAligned.length)
            throw new IllegalArgumentException(cells.length + " cells for " + rightAligned.length + " columns");
        lines.add(cells.clone());
        return this;
    }

    /** The header and rows, one line each, each ending in a newline. */
    public String format() {
        int[] widths = new int[rightAligned.length];
        for (String[] line : lines)
            for (int c = 0; c < line.length; c++) widths[c] = Math.max(widths[c], line[c].length());
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                if (c > 0) text.append("  ");
                boolean last = c == line.length - 1;
                String pad = " ".repeat(widths[c] - line[c].length());
                if (rightAligned[c]) text.append(pad).append(line[c]);
                else text.append(line[c]).append(last ? "" : pad);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
