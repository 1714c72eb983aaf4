package org.facsflow.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * RFC 4180 cells on one line: what manifests are read with and what the study's CSVs are written with.
 * <p>
 * Text cells that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return,
 * e.g. a manifest cell {@code =HYPERLINK(...)}) are written as OWASP's CSV-injection advice says: prefixed with a
 * single quote and quoted, so the spreadsheet shows them as text. Numbers stay numbers: Java numbers are written as
 * they are, and a text cell that is a plain decimal number ({@code -0.5}, {@code +3}, {@code -1e-3}) cannot be a
 * formula, so it is left alone too.
 */
public final class Csv {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Csv() {
    }

    /** The cells of one line; quoted cells may hold commas and doubled quotes, not line breaks. */
    public static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') cell.append(c);
                else if (i + 1 < line.length() && line.charAt(i + 1) == '"') cell.append(line.charAt(++i));
                else quoted = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("a quoted cell is not closed on this line");
        cells.add(cell.toString());
        return cells;
    }

    /** One line (no line break) of the given cells, quoted where needed. */
    public static String line(Object... cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) out.append(',');
            out.append(cell(cells[i]));
        }
        return out.toString();
    }

    /**
     * A number as Java prints it (full precision), an empty cell for NaN or null; text quoted where needed, and
     * escaped where a spreadsheet would take it for a formula (see the class comment).
     */
    static String cell(Object value) {
        if (value == null) return "";
        if (value instanceof Double d) return d.isNaN() ? "" : d.toString();
        if (value instanceof Float f) return f.isNaN() ? "" : f.toString();
        if (value instanceof Number || value instanceof Boolean) return value.toString();
        String text = value.toString();
        boolean formula = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches();
        if (formula) text = "'" + text;
        boolean quote = formula || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** A number for people: {@code digits} decimals, "NA" for NaN. */
    public static String fixed(double value, int digits) {
        return Double.isNaN(value) ? "NA" : String.format(Locale.ROOT, "%." + digits + "f", value);
    }
}
