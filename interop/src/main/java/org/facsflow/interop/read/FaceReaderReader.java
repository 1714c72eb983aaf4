package org.facsflow.interop.read;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;
import org.facsflow.interop.AuColumn;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.Coding;
import org.facsflow.interop.EventLabels;
import org.facsflow.interop.LabelEvent;
import org.facsflow.interop.ToolFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Noldus FaceReader logs: tab-separated, a metadata block ("Face Model", "Frame rate", ... with a colon in 6.x, none
 * later), then a header starting "Video Time".
 * <ul>
 *   <li>Detailed log: one row per analysed frame. AU columns "Action Unit 12 - Lip Corner Puller" hold letters
 *       ({@code NotActive}, A-E: intensity 0, 1-5) or numbers 0-1, which are put on the 0-5 scale by x 5 (FaceReader's
 *       letter bands are not linear; compare letters where you can). Rows whose cells read {@code FIND_FAILED} or
 *       {@code FIT_FAILED} are frames without a face. "Left/Right Action Unit" and combined columns are skipped.
 *       6.x writes "MM:SS.f" (tenths: several rows share a time), so a row's time is (row - 1) / frame rate where
 *       the log gives a frame rate, else the written time.</li>
 *   <li>State log: one row per change of the dominant expression, ending with {@code END}: read as events of tier
 *       "Dominant Expression" ({@code Unknown}, no face, is left out).</li>
 * </ul>
 */
public final class FaceReaderReader {
    private static final Pattern AU = Pattern.compile("Action Unit (\\d+) - .*");
    private static final Pattern TIME = Pattern.compile("(?:(\\d+):)?(\\d+):(\\d+(?:\\.\\d+)?)");

    private FaceReaderReader() {
    }

    static boolean recognises(String firstLine) {
        return firstLine.startsWith("Video analysis detailed log") || firstLine.startsWith("Video analysis state log");
    }

    public static Coding read(TextFile file) throws IOException {
        if (!recognises(file.line(1)))
            throw file.error(1, "not a FaceReader log: expected \"Video analysis detailed log\" or \"... state log\"");
        int headerLine = 2;
        double frameRate = Double.NaN;
        boolean colons = false;
        for (; headerLine <= file.size() && !file.line(headerLine).startsWith("Video Time"); headerLine++) {
            List<String> cells = TextFile.cells(file.line(headerLine), '\t');
            colons |= cells.get(0).endsWith(":");
            if (cells.get(0).replace(":", "").equals("Frame rate") && cells.size() > 1)
                frameRate = file.number(cells.get(1), headerLine, "Frame rate");
        }
        if (headerLine > file.size()) throw file.error(file.size(), "no header line starting \"Video Time\" (truncated?)");
        Header header = Header.of(TextFile.cells(file.line(headerLine), '\t'));
        boolean state = file.line(1).startsWith("Video analysis state log");
        String version = colons ? "6.x" : "7 or later";
        return state ? readState(file, headerLine, header, version) : readDetailed(file, headerLine, header, frameRate, version);
    }

    private static AuTable readDetailed(TextFile file, int headerLine, Header header, double frameRate, String version)
            throws IOException {
        List<AuColumn> columns = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Matcher m = AU.matcher(header.names().get(i));
            if (!m.matches()) continue;
            Optional<ActionUnit> au = AuNames.code(Integer.parseInt(m.group(1)));
            if (au.isEmpty()) throw file.error(headerLine, "column \"" + header.names().get(i) + "\" names no FACS AU");
            columns.add(new AuColumn(au.get(), true, false));
            at.add(i);
        }
        ToolFormat format = new ToolFormat("FaceReader", version + " detailed log (" + columns.size() + " AUs, "
                + file.lineEnds() + " line ends" + (Double.isNaN(frameRate) ? "" : String.format(Locale.ROOT,
                ", %.3f fps", frameRate)) + ")");
        AuTable.Builder table = new AuTable.Builder(file.path(), format, columns);
        for (int n = headerLine + 1; n <= file.size(); n++) {
            if (file.line(n).replace("\t", "").isBlank()) continue;
            List<String> cells = file.row(n, '\t', header.size());
            int frame = table.size() + 1;
            double written = time(file, n, cells.get(0));
            double time = Double.isNaN(frameRate) ? written : (frame - 1) / frameRate;
            boolean failed = cells.size() > 1 && cells.get(1).endsWith("_FAILED");
            AuRow row = table.add(frame, 0, time, !failed);
            if (failed) continue;
            for (int i = 0; i < at.size(); i++)
                row.intensity()[i] = intensity(file, n, header.names().get(at.get(i)), cells.get(at.get(i)));
        }
        return table.build();
    }

    private static EventLabels readState(TextFile file, int headerLine, Header header, String version) throws IOException {
        if (header.size() < 2) throw file.error(headerLine, "a state log needs \"Video Time\" and a state column");
        String tier = header.names().get(1);
        List<LabelEvent> events = new ArrayList<>();
        String open = null;
        double since = 0;
        boolean ended = false;
        for (int n = headerLine + 1; n <= file.size(); n++) {
            if (file.line(n).isBlank()) continue;
            if (ended) throw file.error(n, "a row after END");
            List<String> cells = file.row(n, '\t', 2);
            double t = time(file, n, cells.get(0));
            if (open != null && !open.equals("Unknown"))
                events.add(new LabelEvent(tier, 0, null, open, since, t, null));
            open = cells.get(1);
            since = t;
            ended = open.equals("END");
        }
        if (!ended) throw file.error(file.size(), "no final END row (truncated?)");
        return new EventLabels(file.path(), new ToolFormat("FaceReader", version + " state log"), Optional.empty(), events);
    }

    /** "MM:SS.f" (6.x) or "HH:MM:SS.mmm" in seconds. */
    private static double time(TextFile file, int n, String cell) throws IOException {
        Matcher m = TIME.matcher(cell);
        if (!m.matches()) throw file.error(n, "Video Time \"" + cell + "\" is not MM:SS.f or HH:MM:SS.mmm");
        double hours = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        return hours * 3600 + Integer.parseInt(m.group(2)) * 60 + Double.parseDouble(m.group(3));
    }

    private static float intensity(TextFile file, int n, String column, String cell) throws IOException {
        if (cell.equals("NotActive")) return 0;
        if (cell.length() == 1 && cell.charAt(0) >= 'A' && cell.charAt(0) <= 'E')
            return IntensityScale.valueOf(cell).ordinal() + 1;
        double v = file.number(cell, n, column);
        if (v < 0 || v > 1) throw file.error(n, "column \"" + column + "\": " + cell + " is not NotActive, A-E or 0-1");
        return (float) (5 * v);
    }
}
