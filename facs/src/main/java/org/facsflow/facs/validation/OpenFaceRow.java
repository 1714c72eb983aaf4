package org.facsflow.facs.validation;

import java.util.Map;

/** One row of an {@link OpenFaceCsv}: its key, whether the face was tracked, and its values by column name. */
public final class OpenFaceRow {
    private final FrameKey key;
    private final boolean success;
    private final Map<String, Integer> columnIndex;
    private final double[] values;

    OpenFaceRow(FrameKey key, boolean success, Map<String, Integer> columnIndex, double[] values) {
        this.key = key;
        this.success = success;
        this.columnIndex = columnIndex;
        this.values = values;
    }

    public FrameKey key() {
        return key;
    }

    /** False where the file's {@code success} column is 0; true where the file has no such column (images). */
    public boolean success() {
        return success;
    }

    /** The value in {@code column}; NaN where the cell was empty or "nan", or the file has no such column. */
    public double value(String column) {
        Integer i = columnIndex.get(column);
        return i == null ? Double.NaN : values[i];
    }
}
