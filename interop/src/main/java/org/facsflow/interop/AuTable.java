package org.facsflow.interop;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Frame-level AU codes from one tool or coder, in one neutral form: rows of (frame, face, time, success) with, per
 * AU column, an intensity 0-5 and/or a presence 0-1 (see {@link AuColumn}). Every reader returns one; every writer
 * and agreement measure takes one.
 */
public final class AuTable implements Coding {
    private final Path source;
    private final ToolFormat format;
    private final List<AuColumn> columns;
    private final List<AuRow> rows;

    public AuTable(Path source, ToolFormat format, List<AuColumn> columns, List<AuRow> rows) {
        this.source = Objects.requireNonNull(source);
        this.format = Objects.requireNonNull(format);
        this.columns = List.copyOf(columns);
        for (AuRow row : rows)
            if (row.intensity().length != columns.size() || row.presence().length != columns.size())
                throw new IllegalArgumentException("a row of " + source + " does not have one value per AU column");
        this.rows = List.copyOf(rows);
    }

    @Override
    public Path source() {
        return source;
    }

    @Override
    public ToolFormat format() {
        return format;
    }

    public List<AuColumn> columns() {
        return columns;
    }

    public List<AuRow> rows() {
        return rows;
    }

    /** The column index of {@code au}, or -1. */
    public int indexOf(ActionUnit au) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).au().equals(au)) return i;
        return -1;
    }

    /** The AUs of the columns, in column order. */
    public List<ActionUnit> aus() {
        return columns.stream().map(AuColumn::au).toList();
    }

    /**
     * Whether column {@code i} is present in {@code row}: its presence at 0.5 or more where the column has one,
     * otherwise its intensity at letter A or more; null where that value is not measured or the face was not found.
     */
    public Boolean present(AuRow row, int i) {
        if (!row.success()) return null;
        float v = columns.get(i).presence() ? row.presence()[i] : row.intensity()[i];
        if (Float.isNaN(v)) return null;
        return columns.get(i).presence() ? v >= 0.5f : IntensityScale.isPresent(v);
    }

    /** The distinct face ids, in order of first appearance. */
    public List<Integer> faces() {
        return rows.stream().map(AuRow::face).distinct().toList();
    }

    /** Collects rows, with every AU value NaN until set. */
    public static final class Builder {
        private final Path source;
        private final ToolFormat format;
        private final List<AuColumn> columns;
        private final List<AuRow> rows = new ArrayList<>();

        public Builder(Path source, ToolFormat format, List<AuColumn> columns) {
            this.source = source;
            this.format = format;
            this.columns = List.copyOf(columns);
        }

        /** A new row, its values NaN; fill its arrays, indexed like the columns. */
        public AuRow add(int frame, int face, double time, boolean success) {
            float[] intensity = new float[columns.size()], presence = new float[columns.size()];
            Arrays.fill(intensity, Float.NaN);
            Arrays.fill(presence, Float.NaN);
            AuRow row = new AuRow(frame, face, time, success, intensity, presence);
            rows.add(row);
            return row;
        }

        public int size() {
            return rows.size();
        }

        public AuTable build() {
            return new AuTable(source, format, columns, rows);
        }
    }
}
