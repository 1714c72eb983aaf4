package org.facsflow.apps.output;

import org.facsflow.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Converts a finished CSV to Parquet with DuckDB (one jar; Parquet without it drags in Hadoop), atomically like every
 * output. Every column's type is taken from the whole file, so columns empty at the start (frames without a face) are
 * typed by the rows that have values; frame, face_id and success are integers.
 */
public final class ParquetExport {
    private ParquetExport() {
    }

    public static void convert(Path csv, String separator, Path parquet) throws IOException {
        try (AtomicFile file = AtomicFile.byName(parquet);
             Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = db.createStatement()) {
            sql.execute("COPY (SELECT * FROM read_csv(" + literal(csv.toAbsolutePath().toString())
                    + ", header = true, delim = " + literal(separator)
                    + ", sample_size = -1, auto_type_candidates = ['BIGINT', 'DOUBLE', 'VARCHAR']"
                    + ", types = {'frame': 'BIGINT', 'face_id': 'INTEGER', 'success': 'INTEGER'}))"
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
