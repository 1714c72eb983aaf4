package org.facsflow.pipeline.table;

/** What a column holds, and the SQL type it gets in Parquet and DuckDB. An empty cell is missing (NaN, NULL). */
public enum ColumnType {
    INTEGER("BIGINT"), NUMBER("DOUBLE"), TEXT("VARCHAR");

    private final String sql;

    ColumnType(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
