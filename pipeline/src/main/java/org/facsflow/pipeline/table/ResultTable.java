package org.facsflow.pipeline.table;

import org.facsflow.facs.validation.OpenFaceCsv;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a results CSV back: facsflow's own (either separator, plain or .gz) or any file in OpenFace 2's layout. Cells
 * of the columns the {@link ResultSchema} declares as text are read as NaN; every other cell must be a number or empty
 * (missing), and a problem is an IOException naming the file and the line.
 */
public final class ResultTable {
    private static final ResultSchema SCHEMA = ResultSchema.standard(true, true).withVoice();

    private ResultTable() {
    }

    public static OpenFaceCsv read(Path csv) throws IOException {
        return OpenFaceCsv.read(csv, SCHEMA::isText);
    }

    /** The declared schema with every column facsflow can write (the mesh and the voice included). */
    public static ResultSchema schema() {
        return SCHEMA;
    }
}
