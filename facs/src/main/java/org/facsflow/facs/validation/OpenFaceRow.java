package org.facsflow.facs.validation;

import org.facsflow.face.landmarks.Ibug68MeshIndex;

import java.util.Map;

/** One row of an {@link OpenFaceCsv}: its key, whether the face was tracked, and its values by column name. */
public final class OpenFaceRow {
    /** OpenFace's landmark columns, x_0 to x_67 and y_0 to y_67. */
    static final String[] LANDMARK_X = landmarkColumns("x_"), LANDMARK_Y = landmarkColumns("y_");

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

    /**
     * The 68 landmarks in pixels (OpenFace's x_0..x_67, y_0..y_67) into {@code out} as x0, y0, x1, ...
     *
     * @return false where any of them is missing
     */
    public boolean landmarks68(float[] out) {
        for (int j = 0; j < LANDMARK_X.length; j++) {
            out[2 * j] = (float) value(LANDMARK_X[j]);
            out[2 * j + 1] = (float) value(LANDMARK_Y[j]);
            if (Float.isNaN(out[2 * j]) || Float.isNaN(out[2 * j + 1])) return false;
        }
        return true;
    }

    /** The value in {@code column}; NaN where the cell was empty or "nan", or the file has no such column. */
    public double value(String column) {
        Integer i = columnIndex.get(column);
        return i == null ? Double.NaN : values[i];
    }

    private static String[] landmarkColumns(String prefix) {
        String[] out = new String[Ibug68MeshIndex.POINTS];
        for (int j = 0; j < out.length; j++) out[j] = prefix + j;
        return out;
    }
}
