package org.facsflow.interop.audit;

import org.facsflow.interop.read.TextFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's table of group labels: one row per recording (id column), the person in it, and the columns to group
 * by. Labels are used as written, with two optional recodings: notes in parentheses dropped ("light (East Asian)"
 * becomes "light"), and numeric bins for a column of numbers or bands ("25-35" is taken at its middle, 30; "60+"
 * and "under 10" at 60 and 5) cut at the given edges: edges 18,40,60 give "<18", "18-39", "40-59", "60+".
 */
public final class GroupTable {
    private static final Pattern NUMBERS = Pattern.compile("(\\d+(?:\\.\\d+)?)(?:\\s*-\\s*(\\d+(?:\\.\\d+)?))?");

    /** One recording: id, person, and its label in each grouping column. */
    public record Entry(String id, String person, Map<String, String> labels) {
    }

    private final List<String> columns;
    private final List<Entry> entries;

    private GroupTable(List<String> columns, List<Entry> entries) {
        this.columns = columns;
        this.entries = entries;
    }

    public List<String> columns() {
        return columns;
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * @param bins per column, the bin edges (ascending); columns not named are used as written
     */
    public static GroupTable read(TextFile file, String idColumn, String personColumn, List<String> columns,
                                  boolean dropNotes, Map<String, double[]> bins) throws IOException {
        List<String> header = TextFile.cells(file.line(1), ',');
        int id = header.indexOf(idColumn), person = header.indexOf(personColumn);
        if (id < 0) throw file.error(1, "no id column \"" + idColumn + "\" (columns: " + String.join(", ", header) + ")");
        if (person < 0) throw file.error(1, "no person column \"" + personColumn + "\"");
        List<Integer> at = new ArrayList<>();
        for (String c : columns) {
            if (header.indexOf(c) < 0) throw file.error(1, "no group column \"" + c + "\" (columns: " + String.join(", ", header) + ")");
            at.add(header.indexOf(c));
        }
        for (String c : bins.keySet())
            if (!columns.contains(c)) throw file.error(1, "bins for \"" + c + "\", which is not a group column");
        List<Entry> entries = new ArrayList<>();
        for (int n = 2; n <= file.size(); n++) {
            if (file.line(n).isBlank()) continue;
            List<String> cells = file.row(n, ',', header.size());
            Map<String, String> labels = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String label = cells.get(at.get(i));
                if (dropNotes) label = label.replaceAll("\\s*\\([^)]*\\)", "").trim();
                double[] edges = bins.get(columns.get(i));
                if (edges != null) label = bin(file, n, label, edges);
                labels.put(columns.get(i), label.isEmpty() ? "(none)" : label);
            }
            entries.add(new Entry(cells.get(id), cells.get(person), labels));
        }
        return new GroupTable(List.copyOf(columns), List.copyOf(entries));
    }

    /** The bin of a label such as "25-35", "51", "60+" or "under 10". */
    static String bin(TextFile file, int line, String label, double[] edges) throws IOException {
        Matcher m = NUMBERS.matcher(label);
        if (!m.find()) throw file.error(line, "\"" + label + "\" holds no number to bin");
        double low = Double.parseDouble(m.group(1));
        double value = m.group(2) != null ? (low + Double.parseDouble(m.group(2))) / 2
                : label.toLowerCase(Locale.ROOT).startsWith("under") ? low / 2 : low;
        if (value < edges[0]) return "<" + format(edges[0]);
        for (int i = 1; i < edges.length; i++)
            if (value < edges[i]) return format(edges[i - 1]) + "-" + format(edges[i] - 1);
        return format(edges[edges.length - 1]) + "+";
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
