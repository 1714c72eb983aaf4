package org.facsflow.interop.read;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;
import org.facsflow.interop.AuColumn;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.ToolFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frame-level human labels as a table: a {@code frame} column (BP4D's occurrence files call it {@code 0}),
 * optionally {@code timestamp} (or {@code time}, seconds) and {@code face_id}, and one column per AU named
 * {@code AU12}, {@code AU12_c}, {@code AU12_r}, {@code au_12} or {@code 12}; comma, tab or semicolon separated.
 * Cells: 0-5 (0 absent, 1-5 = A-E, as DISFA and BP4D's intensity files) or a letter A-E; 9, a negative number or an
 * empty cell means not coded (BP4D's 9, Aff-Wild's -1). A column named {@code _c}, or whose coded cells are all 0
 * or 1, is presence; any other is intensity. Frames are as written, plus 1 when the first frame is 0.
 */
public final class FrameLabelReader {
    private static final Pattern AU = Pattern.compile("(?i)(?:AU_?)?0*(\\d{1,2})(?:_([rc]))?");

    private FrameLabelReader() {
    }

    /** Whether a header has a frame or time column and at least one AU column. */
    static boolean recognises(List<String> names) {
        boolean key = names.stream().anyMatch(n -> n.equalsIgnoreCase("frame") || n.equalsIgnoreCase("timestamp")
                || n.equalsIgnoreCase("time")) || (!names.isEmpty() && names.get(0).equals("0"));
        return key && names.stream().anyMatch(n -> AU.matcher(n).matches() && !n.equals("0"));
    }

    static char separator(String header) {
        long commas = header.chars().filter(c -> c == ',').count(), tabs = header.chars().filter(c -> c == '\t').count(),
                semicolons = header.chars().filter(c -> c == ';').count();
        return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    public static AuTable read(TextFile file) throws IOException {
        char sep = separator(file.line(1));
        Header header = Header.of(TextFile.cells(file.line(1), sep));
        int frameAt = -1, timeAt = -1, faceAt = -1;
        List<Integer> at = new ArrayList<>();
        List<ActionUnit> aus = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.names().get(i);
            if (name.equalsIgnoreCase("frame") || (i == 0 && name.equals("0"))) frameAt = i;
            else if (name.equalsIgnoreCase("timestamp") || name.equalsIgnoreCase("time")) timeAt = i;
            else if (name.equalsIgnoreCase("face_id") || name.equalsIgnoreCase("face")) faceAt = i;
            else {
                Matcher m = AU.matcher(name);
                if (!m.matches()) continue;
                Optional<ActionUnit> au = AuNames.code(Integer.parseInt(m.group(1)));
                if (au.isEmpty()) throw file.error(1, "column \"" + name + "\" names no FACS AU");
                at.add(i);
                aus.add(au.get());
                kinds.add(m.group(2) == null ? "" : m.group(2).toLowerCase());
            }
        }
        if (frameAt < 0 && timeAt < 0) throw file.error(1, "no frame or timestamp column");
        if (at.isEmpty()) throw file.error(1, "no AU column (AU12, AU12_c, AU12_r, 12, ...)");

        List<float[]> values = new ArrayList<>();
        List<double[]> keys = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        boolean[] binary = new boolean[at.size()];
        Arrays.fill(binary, true);
        for (int n = 2; n <= file.size(); n++) {
            if (file.line(n).isBlank()) continue;
            List<String> cells = file.row(n, sep, header.size());
            float[] v = new float[at.size()];
            for (int i = 0; i < at.size(); i++) {
                v[i] = code(file, n, header.names().get(at.get(i)), cells.get(at.get(i)));
                if (!Float.isNaN(v[i]) && v[i] != 0 && v[i] != 1) binary[i] = false;
            }
            keys.add(new double[]{frameAt < 0 ? Double.NaN : file.number(cells.get(frameAt), n, header.names().get(frameAt)),
                    timeAt < 0 ? Double.NaN : file.number(cells.get(timeAt), n, header.names().get(timeAt)),
                    faceAt < 0 ? 0 : file.number(cells.get(faceAt), n, header.names().get(faceAt))});
            values.add(v);
            lines.add(n);
        }
        List<AuColumn> columns = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) {
            boolean presence = kinds.get(i).equals("c") || (kinds.get(i).isEmpty() && binary[i]);
            columns.add(new AuColumn(aus.get(i), !presence, presence));
        }
        double firstFrame = keys.stream().mapToDouble(k -> k[0]).filter(d -> !Double.isNaN(d)).min().orElse(1);
        int shift = firstFrame == 0 ? 1 : 0;
        String layout = frameAt == 0 && header.names().get(0).equals("0") ? "BP4D occurrence layout" : "frame labels";
        AuTable.Builder table = new AuTable.Builder(file.path(), new ToolFormat("human FACS codes",
                layout + " (" + at.size() + " AUs" + (shift == 1 ? ", 0-based frames" : "") + ")"), columns);
        for (int r = 0; r < values.size(); r++) {
            double[] k = keys.get(r);
            if (frameAt >= 0 && (Double.isNaN(k[0]) || k[0] != Math.rint(k[0])))
                throw file.error(lines.get(r), "frame is not a whole number");
            AuRow row = table.add(frameAt < 0 ? r + 1 : (int) k[0] + shift, (int) k[2], k[1], true);
            for (int i = 0; i < at.size(); i++) {
                float v = values.get(r)[i];
                if (columns.get(i).presence()) row.presence()[i] = v;
                else row.intensity()[i] = v;
            }
        }
        return table.build();
    }

    /** One cell: 0-5 or A-E; NaN for empty, 9 or negative (not coded). */
    private static float code(TextFile file, int n, String column, String cell) throws IOException {
        if (cell.length() == 1 && cell.charAt(0) >= 'A' && cell.charAt(0) <= 'E')
            return IntensityScale.valueOf(cell).ordinal() + 1;
        double v = file.number(cell, n, column);
        if (Double.isNaN(v) || v == 9 || v < 0) return Float.NaN;
        if (v > 5) throw file.error(n, "column \"" + column + "\": " + cell + " is not 0-5, A-E, or 9 (not coded)");
        return (float) v;
    }
}
