package org.facsflow.interop.convert;

import org.facsflow.interop.AuColumn;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.io.AtomicFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an {@link AuTable} in OpenFace 2's column layout, the one facsflow's own CSV uses, so that OpenFace
 * scripts and {@code facsflow validate} read it: {@code frame, face_id, timestamp, confidence, success}, then
 * {@code AUxx_r} for AUs with an intensity and {@code AUxx_c} for AUs with a presence (0/1, or the tool's
 * probability where it gave one: present at 0.5). Numbers in their shortest exact form; empty cells for NaN
 * (no time, not measured); confidence is empty (other tools' confidences do not share a scale). Atomic.
 */
public final class AuTableCsv {
    private AuTableCsv() {
    }

    /** @param separator "," (facsflow's --plain-csv) or ", " (OpenFace's own) */
    public static void write(Path file, AuTable table, String separator) throws IOException {
        List<String> header = new ArrayList<>(List.of("frame", "face_id", "timestamp", "confidence", "success"));
        List<AuColumn> columns = table.columns();
        for (AuColumn c : columns) if (c.intensity()) header.add(name(c) + "_r");
        for (AuColumn c : columns) if (c.presence()) header.add(name(c) + "_c");
        AtomicFile.writeText(file, out -> {
            out.write(String.join(separator, header));
            out.write('\n');
            StringBuilder line = new StringBuilder();
            for (AuRow row : table.rows()) {
                line.setLength(0);
                line.append(row.frame()).append(separator).append(row.face()).append(separator)
                        .append(Double.isNaN(row.time()) ? "" : Double.toString(row.time())).append(separator)
                        .append(separator).append(row.success() ? 1 : 0);
                for (int i = 0; i < columns.size(); i++) if (columns.get(i).intensity()) cell(line, separator, row.intensity()[i]);
                for (int i = 0; i < columns.size(); i++) if (columns.get(i).presence()) cell(line, separator, row.presence()[i]);
                out.write(line.append('\n').toString());
            }
        });
    }

    private static void cell(StringBuilder line, String separator, float v) {
        line.append(separator);
        if (!Float.isNaN(v)) line.append(v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v));
    }

    /** OpenFace's two-digit AU names: AU01 ... AU45. */
    static String name(AuColumn c) {
        return String.format("AU%02d", c.au().number());
    }
}
