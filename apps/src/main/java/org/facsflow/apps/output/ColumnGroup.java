package org.facsflow.apps.output;

import java.util.List;
import java.util.function.Function;

/**
 * A block of related output columns (pose, gaze, landmarks, ...). Each stage of the pipeline contributes groups, so
 * adding AU columns later means adding a group, not editing a writer.
 */
public interface ColumnGroup {
    List<String> names();

    /** Appends exactly {@code names().size()} values for the row, each through {@code out}. */
    void append(FaceRow row, CsvRow out);

    /** Writes one value's fields. */
    interface Fields<T> {
        void append(T value, CsvRow out);
    }

    /**
     * A group of one value a row may or may not have (a face's measurements, its AUs, its affect): its fields where
     * {@code value} finds it, empty fields (like NaN) where it is null, e.g. in a success = 0 row.
     */
    static <T> ColumnGroup of(List<String> names, Function<FaceRow, T> value, Fields<T> fields) {
        return new ColumnGroup() {
            @Override
            public List<String> names() {
                return names;
            }

            @Override
            public void append(FaceRow row, CsvRow out) {
                T v = value.apply(row);
                if (v != null) fields.append(v, out);
                else for (int i = 0; i < names.size(); i++) out.text("");
            }
        };
    }
}
