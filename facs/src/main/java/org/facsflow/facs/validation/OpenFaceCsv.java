package org.facsflow.facs.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A CSV in OpenFace 2's layout, read whole: OpenFace's own output (", " separators), the reduced reference files in
 * {@code shared/reference} ("," separators, gzip) or facsflow's. Names and cells are trimmed, so either separator
 * reads the same; a file whose name ends in {@code .gz} is gunzipped. Every problem is an {@link IOException} whose
 * message names the file (and the line). facsflow's text columns (FACS letters {@code AUxx_letter}, {@code au_baseline})
 * are read as NaN: every other cell must be a number.
 */
public final class OpenFaceCsv {
    private final Path file;
    private final List<String> columns;
    private final List<OpenFaceRow> rows;
    private final Map<FrameKey, OpenFaceRow> byKey;
    private final Map<String, Set<String>> texts;

    private OpenFaceCsv(Path file, List<String> columns, List<OpenFaceRow> rows, Map<FrameKey, OpenFaceRow> byKey,
                        Map<String, Set<String>> texts) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
        this.byKey = byKey;
        this.texts = texts;
    }

    public static OpenFaceCsv read(Path file) throws IOException {
        return read(file, OpenFaceCsv::isText);
    }

    /**
     * As {@link #read(Path)}, with the columns to read as text (NaN) named by the caller: facsflow's declared result
     * table knows its own ({@code org.facsflow.pipeline.table.ResultTable}).
     */
    public static OpenFaceCsv read(Path file, Predicate<String> textColumn) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            return parse(file, in, textColumn);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (CsvFormatException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            // A truncated gzip stream says only EOFException, with no message.
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new IOException(file + ": cannot read: " + why, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The header's column names, trimmed, in file order. */
    public List<String> columns() {
        return columns;
    }

    public boolean hasColumn(String name) {
        return columns.contains(name);
    }

    /** Whether the file has the columns of the 68 landmarks (x_0 ... y_67; a row may still leave them empty). */
    public boolean hasLandmarks() {
        return hasColumn(OpenFaceRow.LANDMARK_X[67]) && hasColumn(OpenFaceRow.LANDMARK_Y[67]);
    }

    /** Every row in file order, including those with {@code success} 0. */
    public List<OpenFaceRow> rows() {
        return rows;
    }

    public Optional<OpenFaceRow> row(FrameKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The distinct values of a column read as text (its rows read NaN), e.g. {@code au_baseline}; empty if none. */
    public Set<String> texts(String column) {
        return texts.getOrDefault(column, Set.of());
    }

    private static boolean isText(String column) {
        return column.endsWith("_letter") || column.equals("au_baseline");
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private static OpenFaceCsv parse(Path file, BufferedReader in, Predicate<String> textColumn) throws IOException {
        String header = in.readLine();
        if (header == null || header.isBlank()) throw new CsvFormatException("empty file, no header");
        List<String> columns = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String name : header.split(",", -1)) {
            String trimmed = name.trim();
            if (index.putIfAbsent(trimmed, columns.size()) != null)
                throw new CsvFormatException("column \"" + trimmed + "\" appears twice in the header");
            columns.add(trimmed);
        }
        Integer frame = index.get("frame");
        Integer face = index.containsKey("face_id") ? index.get("face_id") : index.get("face");
        Integer success = index.get("success");
        if (frame == null && face == null)
            throw new CsvFormatException("no frame, face_id or face column: cannot tell the rows apart");
        Map<String, Integer> columnIndex = Map.copyOf(index);

        List<OpenFaceRow> rows = new ArrayList<>();
        Map<FrameKey, OpenFaceRow> byKey = new HashMap<>();
        Map<String, Set<String>> texts = new HashMap<>();
        int lineNumber = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) continue;
            String[] cells = line.split(",", -1);
            if (cells.length != columns.size())
                throw new CsvFormatException("line " + lineNumber + " has " + cells.length + " fields, the header "
                        + columns.size());
            double[] values = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                if (!textColumn.test(columns.get(i))) {
                    values[i] = number(cells[i], columns.get(i), lineNumber);
                    continue;
                }
                values[i] = Double.NaN;
                // text columns are categories (letters A-E, a baseline's name): few distinct values
                if (!cells[i].isBlank()) texts.computeIfAbsent(columns.get(i), c -> new HashSet<>()).add(cells[i].trim());
            }
            FrameKey key = new FrameKey(index(values, frame, "frame", lineNumber),
                    index(values, face, "face", lineNumber));
            OpenFaceRow row = new OpenFaceRow(key, success == null || values[success] == 1, columnIndex, values);
            if (byKey.putIfAbsent(key, row) != null)
                throw new CsvFormatException("line " + lineNumber + " repeats " + key);
            rows.add(row);
        }
        texts.replaceAll((column, values) -> Set.copyOf(values));
        return new OpenFaceCsv(file, List.copyOf(columns), List.copyOf(rows), byKey, Map.copyOf(texts));
    }

    /** A cell as a number: empty and OpenFace's "nan"/"-nan" are NaN, anything else unparsable is an error. */
    private static double number(String cell, String column, int lineNumber) throws CsvFormatException {
        String text = cell.trim();
        if (text.isEmpty() || text.equalsIgnoreCase("nan") || text.equalsIgnoreCase("-nan")) return Double.NaN;
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new CsvFormatException("line " + lineNumber + ", column " + column + ": \"" + text
                    + "\" is not a number");
        }
    }

    /** A frame or face number; 0 where the file has no such column. */
    private static int index(double[] values, Integer column, String what, int lineNumber) throws CsvFormatException {
        if (column == null) return 0;
        double v = values[column];
        if (v != Math.rint(v)) throw new CsvFormatException("line " + lineNumber + ": " + what + " is not a whole number");
        return (int) v;
    }

    /** A problem with the content, reported with the file name by {@link #read}. */
    private static final class CsvFormatException extends IOException {
        CsvFormatException(String message) {
            super(message);
        }
    }
}
