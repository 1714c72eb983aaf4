package org.facsflow.pipeline.table;

/**
 * Takes one result row's cells in the {@link ResultSchema}'s column order, one call per column: the CSV writer's line,
 * or any other writer that wants the values themselves (the Spark job's Parquet rows, at full precision).
 */
public interface RowCells {
    /** A text cell; empty is missing (in any column: an unknown agreement flag is an empty integer cell). */
    void text(String value);

    void integer(long value);

    /** A number; NaN is missing (not measurable, or not found), never zero. */
    void number(double value);
}
