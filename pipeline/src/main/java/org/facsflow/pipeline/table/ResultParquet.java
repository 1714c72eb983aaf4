package org.facsflow.pipeline.table;

import org.facsflow.io.AtomicFile;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;

/**
 * A finished results CSV as Parquet, with DuckDB (one jar; Parquet without it drags in Hadoop), atomically like every
 * output. Every column gets its declared type from the {@link ResultSchema}, so a column that is empty throughout (a
 * video without a face, an AU never measurable) is still a DOUBLE, not text, and the files of a study stack; and its
 * {@link Column#sqlName()}.
 */
public final class ResultParquet {
    private ResultParquet() {
    }

    public static void convert(Path csv, ResultSchema schema, String separator, Path parquet) throws IOException {
        // Read by position (header skipped), so the CSV's names, which clash case-insensitively, never reach DuckDB.
        StringJoiner columns = new StringJoiner(", ", "{", "}"), names = new StringJoiner(", ");
        List<Column> declared = schema.columns();
        for (int i = 0; i < declared.size(); i++) {
            columns.add(literal("c" + i) + ": " + literal(declared.get(i).type().sql()));
            names.add("c" + i + " AS \"" + declared.get(i).sqlName() + "\"");
        }
        try (AtomicFile file = AtomicFile.byName(parquet);
             Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = db.createStatement()) {
            sql.execute("COPY (SELECT " + names + " FROM read_csv(" + literal(csv.toAbsolutePath().toString())
                    + ", header = false, skip = 1, delim = " + literal(separator) + ", columns = " + columns + "))"
                    + " TO " + literal(file.tempPath().toAbsolutePath().toString()) + " (FORMAT PARQUET)");
            file.commit();
        } catch (SQLException e) {
            throw new IOException("cannot write " + parquet + " (DuckDB: " + e.getMessage() + ")", e);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
