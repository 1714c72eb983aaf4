package org.facsflow.pipeline.table;

import java.util.Locale;

/**
 * One declared column of the result table.
 *
 * @param name     its name in CSV (OpenFace's where OpenFace has the column)
 * @param unit     e.g. "px", "mm", "rad", "s", "0-5"; empty for counts and ids
 * @param decimals digits after the point in CSV (numbers only)
 */
public record Column(String name, ColumnType type, String unit, int decimals, ColumnGroup group, String description) {
    /**
     * Its name in Parquet and DuckDB, where names are case-insensitive: OpenFace's 3-D landmarks X_i, Y_i, Z_i
     * would clash with the 2-D x_i, y_i, so there they are X3d_i, Y3d_i, Z3d_i. Every other column keeps its name.
     */
    public String sqlName() {
        return group == ColumnGroup.LANDMARKS_3D ? name.replaceFirst("_", "3d_") : name;
    }

    /** The key under which SQL names must be unique. */
    String sqlKey() {
        return sqlName().toLowerCase(Locale.ROOT);
    }
}
