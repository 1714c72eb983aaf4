package org.facsflow.interop.read;

import org.facsflow.facs.ActionUnit;
import org.facsflow.interop.AuColumn;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.ToolFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Py-Feat's Fex CSVs, matched by column name (Fex.to_csv does not fix the order):
 * <ul>
 *   <li>0.3.x: {@code frame} first, the AU block before Pitch/Roll/Yaw, lower-case emotions (20 AUs, or 12 from
 *       the JAANET model);</li>
 *   <li>0.4-0.6: {@code frame} last, pose before the AUs, lower-case emotions;</li>
 *   <li>2.x (Detectorv2): {@code valence}/{@code arousal}, the 478-point mesh, capitalised emotions.</li>
 * </ul>
 * AU values are detection probabilities (0-1) and go to presence. {@code frame} is 0-based (0.3.x may write it as
 * "0.0"); several faces in one frame are several rows, numbered 0, 1, ... in file order. A row without a face score
 * is a frame without a face. Py-Feat writes no time in seconds (2.x only "mm:ss"), so time is NaN.
 */
public final class PyFeatReader {
    private PyFeatReader() {
    }

    static boolean recognises(List<String> names) {
        return names.contains("FaceRectX") && names.contains("FaceScore") && names.contains("frame");
    }

    public static AuTable read(TextFile file) throws IOException {
        Header header = Header.of(TextFile.cells(file.line(1), ','));
        if (!recognises(header.names()))
            throw file.error(1, "not a Py-Feat Fex CSV: expected FaceRectX, FaceScore and frame columns");
        List<AuColumn> columns = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.names().get(i);
            if (!name.startsWith("AU")) continue;
            Optional<ActionUnit> au = AuNames.of(name);
            if (au.isEmpty()) throw file.error(1, "column \"" + name + "\" names no FACS AU");
            columns.add(new AuColumn(au.get(), false, true));
            at.add(i);
        }
        if (columns.isEmpty()) throw file.error(1, "no AU column (AU01, AU02, ...)");
        AuTable.Builder table = new AuTable.Builder(file.path(), version(file, header, at.get(0), columns.size()), columns);
        int frameColumn = header.at("frame"), score = header.at("FaceScore");
        Map<Integer, Integer> facesInFrame = new HashMap<>();
        for (int n = 2; n <= file.size(); n++) {
            if (file.line(n).isBlank()) continue;
            List<String> cells = file.row(n, ',', header.size());
            double frame = file.number(cells.get(frameColumn), n, "frame");
            if (Double.isNaN(frame) || frame != Math.rint(frame) || frame < 0)
                throw file.error(n, "frame \"" + cells.get(frameColumn) + "\" is not a frame number (0, 1, ...)");
            int face = facesInFrame.merge((int) frame, 1, Integer::sum) - 1;
            boolean success = !Double.isNaN(file.number(cells.get(score), n, "FaceScore"));
            AuRow row = table.add((int) frame + 1, face, Double.NaN, success);
            for (int i = 0; i < columns.size(); i++)
                row.presence()[i] = (float) file.number(cells.get(at.get(i)), n, header.names().get(at.get(i)));
        }
        return table.build();
    }

    private static ToolFormat version(TextFile file, Header header, int firstAu, int aus) throws IOException {
        if (header.has("valence") || header.has("mesh_x_0") || header.has("Happy"))
            return new ToolFormat("Py-Feat", "2.x Fex CSV (Detectorv2, " + header.size() + " columns)");
        if (!header.has("Pitch") || !header.has("anger"))
            throw file.error(1, "unknown Py-Feat layout: expected Pitch and lower-case emotions (0.3-0.6) or valence (2.x)");
        if (header.at("frame") == 0 && firstAu < header.at("Pitch"))
            return new ToolFormat("Py-Feat", "0.3.x Fex CSV (frame first, " + aus + " AUs)");
        if (header.at("Pitch") < firstAu)
            return new ToolFormat("Py-Feat", "0.4-0.6 Fex CSV (frame last, pose before AUs)");
        throw file.error(1, "unknown Py-Feat layout: frame not first but the AUs before Pitch");
    }
}
