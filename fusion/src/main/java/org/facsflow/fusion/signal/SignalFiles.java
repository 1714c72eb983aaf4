package org.facsflow.fusion.signal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads timestamped signals from the files devices and experiment software write:
 * <ul>
 *   <li>a CSV with a header whose time column is named {@code time}, {@code timestamp}, {@code t}, {@code seconds} or
 *       {@code unix_time} (seconds on any clock): every numeric column is a signal; a text column named
 *       {@code event}, {@code type}, {@code label}, {@code key} or {@code button} makes the file an event stream
 *       (eye-tracker fixations, keyboard and mouse events), its rows counted;</li>
 *   <li>an Empatica E4 export ({@code EDA.csv}, {@code HR.csv}, {@code TEMP.csv}, {@code BVP.csv}, {@code ACC.csv}):
 *       first row the start time in Unix seconds (once per column), second row the sample rate in Hz, then one row per
 *       sample;</li>
 *   <li>an E4 {@code IBI.csv}: first row the start time and {@code IBI}, then rows of seconds since the start and the
 *       inter-beat interval in seconds, read as heart rate (60 / IBI, bpm) at each beat; beats the device could not
 *       detect are simply missing, so their stretch is a gap;</li>
 *   <li>an E4 {@code tags.csv} (one Unix time per line, the wristband's button presses): events, as sync markers.</li>
 * </ul>
 * Every problem is a {@link SignalFileException} naming the file (and the line).
 */
public final class SignalFiles {
    /** Unix times of this era are larger than this; an E4 header's first row is one. */
    private static final double UNIX_SECONDS = 1e8;
    private static final Set<String> TIME_COLUMNS = Set.of("time", "timestamp", "t", "seconds", "time_s", "unix_time", "unixtime");
    private static final Set<String> EVENT_COLUMNS = Set.of("event", "events", "type", "label", "key", "button");

    private SignalFiles() {
    }

    public static List<Signal> read(Path file) throws SignalFileException {
        List<String[]> rows = rows(file);
        String stem = name(file.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
        if (rows.isEmpty()) throw new SignalFileException(file, "empty");
        double[] first = numbers(rows.get(0));
        if (first != null && first.length > 0 && first[0] > UNIX_SECONDS) {
            double[] second = rows.size() > 1 ? numbers(rows.get(1)) : null;
            if (first.length == 1 && (second == null || (second.length == 1 && second[0] > UNIX_SECONDS)))
                return List.of(events(file, stem, rows));
            // E4 repeats the start time and the rate once per column (ACC has three).
            if (second != null && second.length == first.length && same(first) && same(second) && second[0] <= 10_000)
                return List.of(e4Samples(file, stem, rows, first[0], second));
            throw new SignalFileException(file, "it starts with numbers but is neither an Empatica E4 export (row 1 the "
                    + "start time, row 2 the sample rate, once per column) nor a tags file (one time per line): give it a "
                    + "header with a time column");
        }
        String[] head = rows.get(0);
        if (head.length == 2 && number(head[0]) > UNIX_SECONDS && head[1].equalsIgnoreCase("IBI")) return List.of(ibi(file, stem, rows));
        return withHeader(file, stem, rows);
    }

    /**
     * Times from a marker file: one per line (an E4 tags.csv), or the time column of a CSV with a header; seconds on
     * the file's clock.
     */
    public static double[] times(Path file) throws SignalFileException {
        List<String[]> rows = rows(file);
        if (rows.isEmpty()) throw new SignalFileException(file, "no marker times in it");
        int column = 0, start = 0;
        if (numbers(rows.get(0)) == null) {
            column = timeColumn(file, rows.get(0));
            start = 1;
        }
        double[] t = new double[rows.size() - start];
        for (int i = start; i < rows.size(); i++) t[i - start] = cell(file, rows, i, column);
        if (t.length == 0) throw new SignalFileException(file, "no marker times in it");
        return t;
    }

    private static Signal e4Samples(Path file, String stem, List<String[]> rows, double start, double[] rate) throws SignalFileException {
        if (rate == null || rate.length == 0 || !(rate[0] > 0))
            throw new SignalFileException(file, "line 2: an Empatica E4 export needs its sample rate (Hz) there");
        int columns = rows.get(0).length;
        if (columns != 1) {
            // ACC.csv has three columns (x, y, z); the magnitude of movement is what can be compared over time.
            double[] t = new double[rows.size() - 2], v = new double[t.length];
            for (int i = 2; i < rows.size(); i++) {
                double sum = 0;
                for (int c = 0; c < columns; c++) sum += Math.pow(cell(file, rows, i, c), 2);
                t[i - 2] = start + (i - 2) / rate[0];
                v[i - 2] = Math.sqrt(sum);
            }
            return signal(file, stem + "_magnitude", false, t, v, 1 / rate[0]);
        }
        double[] t = new double[rows.size() - 2], v = new double[t.length];
        for (int i = 2; i < rows.size(); i++) {
            t[i - 2] = start + (i - 2) / rate[0];
            v[i - 2] = cell(file, rows, i, 0);
        }
        return signal(file, stem, false, t, v, 1 / rate[0]);
    }

    private static Signal ibi(Path file, String stem, List<String[]> rows) throws SignalFileException {
        double start = number(rows.get(0)[0]);
        double[] t = new double[rows.size() - 1], v = new double[t.length];
        for (int i = 1; i < rows.size(); i++) {
            double ibi = cell(file, rows, i, 1);
            if (!(ibi > 0.2 && ibi < 3))
                throw new SignalFileException(file, "line " + (i + 1) + ": an inter-beat interval of " + ibi + " s is no heartbeat (0.2-3 s)");
            t[i - 1] = start + cell(file, rows, i, 0);
            v[i - 1] = 60 / ibi;
        }
        return signal(file, stem + "_hr", false, t, v, medianSpacing(t));
    }

    private static Signal events(Path file, String stem, List<String[]> rows) throws SignalFileException {
        double[] t = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) t[i] = cell(file, rows, i, 0);
        return signal(file, stem, true, t, ones(t.length), Double.NaN);
    }

    private static List<Signal> withHeader(Path file, String stem, List<String[]> rows) throws SignalFileException {
        String[] header = rows.get(0);
        int time = timeColumn(file, header);
        int event = -1;
        for (int c = 0; c < header.length; c++) if (c != time && EVENT_COLUMNS.contains(header[c].toLowerCase(Locale.ROOT))) event = c;
        if (rows.size() < 2) throw new SignalFileException(file, "no rows below the header");
        double[] t = new double[rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) t[i - 1] = cell(file, rows, i, time);
        if (event >= 0) return List.of(signal(file, stem + "_events", true, t, ones(t.length), Double.NaN));
        List<Signal> signals = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (c == time) continue;
            List<Double> times = new ArrayList<>(), values = new ArrayList<>();
            for (int i = 1; i < rows.size(); i++) {
                String[] row = rows.get(i);
                if (c >= row.length || row[c].isEmpty()) continue; // a missing sample: a gap
                values.add(cell(file, rows, i, c));
                times.add(t[i - 1]);
            }
            if (times.isEmpty()) continue;
            double[] ts = times.stream().mapToDouble(Double::doubleValue).toArray();
            signals.add(signal(file, name(header[c]), false, ts, values.stream().mapToDouble(Double::doubleValue).toArray(),
                    medianSpacing(ts)));
        }
        if (signals.isEmpty()) throw new SignalFileException(file, "no numeric column besides the time");
        return signals;
    }

    private static Signal signal(Path file, String name, boolean events, double[] t, double[] v, double interval)
            throws SignalFileException {
        if (t.length == 0) throw new SignalFileException(file, "no samples");
        for (int i = 1; i < t.length; i++)
            if (t[i] < t[i - 1] || (!events && t[i] == t[i - 1]))
                throw new SignalFileException(file, "its times do not increase (" + t[i - 1] + " then " + t[i] + " s)");
        return new Signal(name, file, SignalRole.ofName(name, events), t, v, interval);
    }

    private static int timeColumn(Path file, String[] header) throws SignalFileException {
        for (int c = 0; c < header.length; c++) if (TIME_COLUMNS.contains(header[c].toLowerCase(Locale.ROOT))) return c;
        throw new SignalFileException(file, "no time column: the header (" + String.join(",", header) + ") needs one named "
                + "time, timestamp, t, seconds or unix_time; or give an Empatica E4 export (start time, then sample rate)");
    }

    private static List<String[]> rows(Path file) throws SignalFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SignalFileException(file, "no such file");
        } catch (IOException e) {
            throw new SignalFileException(file, "cannot read (" + e.getMessage() + ")");
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.split(",", -1);
            for (int i = 0; i < cells.length; i++) cells[i] = cells[i].trim().replaceAll("^\"|\"$", "");
            rows.add(cells);
        }
        return rows;
    }

    private static double cell(Path file, List<String[]> rows, int row, int column) throws SignalFileException {
        String[] cells = rows.get(row);
        double v = column < cells.length ? number(cells[column]) : Double.NaN;
        if (!Double.isFinite(v))
            throw new SignalFileException(file, "row " + (row + 1) + ", column " + (column + 1) + ": not a number ("
                    + (column < cells.length ? "'" + cells[column] + "'" : "missing") + ")");
        return v;
    }

    /** The row's cells as numbers, or null when one is not. */
    private static double[] numbers(String[] cells) {
        double[] v = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            v[i] = number(cells[i]);
            if (Double.isNaN(v[i])) return null;
        }
        return v;
    }

    private static double number(String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double medianSpacing(double[] t) {
        if (t.length < 2) return 0;
        double[] d = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) d[i - 1] = t[i] - t[i - 1];
        Arrays.sort(d);
        return d[d.length / 2];
    }

    private static boolean same(double[] v) {
        for (double x : v) if (x != v[0]) return false;
        return true;
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1);
        return v;
    }

    /** Lower case, letters, digits and underscores: usable as part of a column name. */
    static String name(String text) {
        String n = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return n.isEmpty() ? "signal" : n;
    }
}
