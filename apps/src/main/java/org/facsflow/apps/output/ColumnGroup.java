package org.facsflow.apps.output;

import java.util.List;

/**
 * A block of related output columns (pose, gaze, landmarks, ...). Each stage of the pipeline contributes groups, so
 * adding AU columns later means adding a group, not editing a writer.
 */
public interface ColumnGroup {
    List<String> names();

    /** Appends exactly {@code names().size()} values for the row, each through {@code out}. */
    void append(FaceRow row, CsvRow out);
}
