package org.facsflow.apps.output;

import org.facsflow.io.AtomicFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes face rows as CSV, atomically: the file appears under its name only after {@link #commit()}.
 * OpenFace separates fields with ", " and many analysis scripts expect the resulting column names, so that is the
 * default; plain commas on request.
 */
public final class FaceCsvWriter implements AutoCloseable {
    public static final String OPENFACE_SEPARATOR = ", ";

    private final AtomicFile file;
    private final Writer writer;
    private final List<ColumnGroup> groups;
    private final CsvRow row;
    private long rows;

    public FaceCsvWriter(Path target, List<ColumnGroup> groups, String separator) throws IOException {
        this.file = AtomicFile.create(target);
        this.writer = file.writer();
        this.groups = List.copyOf(groups);
        this.row = new CsvRow(separator);
        row.start();
        for (ColumnGroup g : groups) for (String name : g.names()) row.text(name);
        writer.append(row.line()).append('\n');
    }

    public void write(FaceRow face) throws IOException {
        row.start();
        for (ColumnGroup g : groups) g.append(face, row);
        writer.append(row.line()).append('\n');
        rows++;
    }

    public long rows() {
        return rows;
    }

    public void commit() throws IOException {
        writer.flush();
        file.commit();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
