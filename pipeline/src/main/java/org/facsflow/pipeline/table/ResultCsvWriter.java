package org.facsflow.pipeline.table;

import org.facsflow.io.AtomicFile;
import org.facsflow.pipeline.FaceResult;
import org.facsflow.pipeline.FrameResult;
import org.facsflow.pipeline.ResultSink;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Writes results as CSV in the {@link ResultSchema}'s columns, atomically: the file appears under its name only after
 * {@link #commit()}, so a failed run leaves nothing half-written. Plain commas by default, which pandas, R and DuckDB
 * read as numbers with their default settings (an empty cell is missing); OpenFace 2.0's {@code ", "} on request,
 * for scripts that split on it.
 */
public final class ResultCsvWriter implements ResultSink<IOException>, AutoCloseable {
    public static final String PLAIN = ",", OPENFACE_SPACES = ", ";

    private final AtomicFile file;
    private final Writer writer;
    private final ResultSchema schema;
    private final CsvRow row;
    private final int columns;
    private long rows;

    public ResultCsvWriter(Path target, ResultSchema schema, String separator) throws IOException {
        this.file = AtomicFile.create(target);
        this.writer = file.writer();
        this.schema = schema;
        this.columns = schema.columns().size();
        this.row = new CsvRow(separator, schema.decimals());
        writer.append(String.join(separator, schema.names())).append('\n');
    }

    /** Every row of the frame ({@link FrameResult#rows()}: a frame without faces still gets one). */
    @Override
    public void accept(FrameResult frame) throws IOException {
        for (FaceResult face : frame.rows()) write(face);
    }

    public void write(FaceResult face) throws IOException {
        schema.write(face, row.start());
        if (row.cells() != columns)
            throw new IllegalStateException(row.cells() + " cells written for " + columns + " declared columns");
        writer.append(row.line()).append('\n');
        rows++;
    }

    public long rows() {
        return rows;
    }

    public Path target() {
        return file.target();
    }

    public void commit() throws IOException {
        writer.flush();
        file.commit();
    }

    /** Removes the temporary file unless committed. */
    @Override
    public void close() throws IOException {
        file.close();
    }
}
