package org.facsflow.interop.boris;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;
import org.facsflow.interop.EventLabels;
import org.facsflow.interop.FaceNames;
import org.facsflow.interop.LabelEvent;
import org.facsflow.interop.ToolFormat;
import org.facsflow.interop.read.TextFile;
import org.facsflow.io.AtomicFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BORIS tabular event exports, TSV or CSV.
 * <ul>
 *   <li>Read: "Export events" (a metadata block, then a header starting "Time" with a Status column of START,
 *       STOP and POINT; a state event is a START and the next STOP of the same subject, behaviour and modifiers)
 *       and "Export aggregated events" (one row per event with "Start (s)" and "Stop (s)"). A behaviour named like
 *       an AU ("AU12", "12") is that AU; a modifier that is a letter A-E is its intensity. Subjects are faces
 *       ({@link FaceNames}; "No focal subject" is a name like any other).</li>
 *   <li>Write: the events layout (tab-separated, CRLF, as BORIS writes), one START and STOP per event (POINT for
 *       one without duration), subject "face N", behaviour the AU code or the label's tier, the intensity letter or
 *       the label's value in a Modifiers column.</li>
 * </ul>
 */
public final class BorisTabular {
    private static final Pattern AU = Pattern.compile("(?i)(?:AU\\s*)?0*(\\d{1,2})");
    private static final String[] HEADER = {"Time", "Media file path", "Total length", "FPS", "Subject", "Behavior",
            "Behavioral category", "Modifiers", "Comment", "Status"};

    private BorisTabular() {
    }

    /** Whether a first line looks like one of BORIS's event exports. */
    public static boolean recognises(String firstLine) {
        return firstLine.startsWith("Observation id") && !firstLine.contains("Subjects")
                && !firstLine.contains("Media files/Live observation");
    }

    public static EventLabels read(TextFile file) throws IOException {
        char sep = file.line(1).indexOf('\t') >= 0 ? '\t' : ',';
        String kind = sep == '\t' ? "TSV" : "CSV";
        List<String> first = TextFile.cells(file.line(1), sep);
        if (first.contains("Behavior type") && first.contains("Start (s)"))
            return aggregated(file, sep, kind);
        if (!recognises(file.line(1)))
            throw file.error(1, "not a BORIS event export: expected \"Observation id\" in the first cell");
        int headerLine = 2;
        String media = null;
        for (; headerLine <= file.size(); headerLine++) {
            List<String> cells = TextFile.cells(file.line(headerLine), sep);
            if (cells.get(0).equals("Time") && cells.contains("Status")) break;
            if (cells.get(0).startsWith("Player #1") && cells.size() > 1 && !cells.get(1).isEmpty()) media = cells.get(1);
        }
        if (headerLine > file.size()) throw file.error(file.size(), "no header line starting \"Time\" with a Status column");
        List<String> header = TextFile.cells(file.line(headerLine), sep);
        int time = header.indexOf("Time"), subject = header.indexOf("Subject"), behavior = header.indexOf("Behavior"),
                modifiers = header.indexOf("Modifiers"), status = header.indexOf("Status");
        if (behavior < 0) throw file.error(headerLine, "no Behavior column");
        FaceNames faces = new FaceNames();
        Map<String, double[]> open = new HashMap<>();
        Map<String, Integer> openedAt = new HashMap<>();
        List<LabelEvent> events = new ArrayList<>();
        for (int n = headerLine + 1; n <= file.size(); n++) {
            if (file.line(n).replace(String.valueOf(sep), "").isBlank()) continue;
            List<String> cells = file.row(n, sep, header.size());
            double t = file.number(cells.get(time), n, "Time");
            if (Double.isNaN(t)) throw file.error(n, "empty Time");
            String who = subject < 0 ? "" : cells.get(subject), what = cells.get(behavior);
            String modifier = modifiers < 0 ? "" : cells.get(modifiers);
            String key = who + "\u0000" + what + "\u0000" + modifier;
            switch (cells.get(status).toUpperCase(Locale.ROOT)) {
                case "POINT" -> events.add(event(what, faces.face(who), modifier, t, t));
                case "START" -> {
                    if (open.putIfAbsent(key, new double[]{t}) != null)
                        throw file.error(n, "START of \"" + what + "\" while one since line " + openedAt.get(key) + " is still open");
                    openedAt.put(key, n);
                }
                case "STOP" -> {
                    double[] start = open.remove(key);
                    if (start == null) throw file.error(n, "STOP of \"" + what + "\" without a START");
                    events.add(event(what, faces.face(who), modifier, start[0], t));
                }
                default -> throw file.error(n, "Status \"" + cells.get(status) + "\": expected START, STOP or POINT");
            }
        }
        if (!open.isEmpty())
            throw file.error(file.size(), "START at line " + openedAt.values().iterator().next()
                    + " has no STOP (truncated?)");
        return new EventLabels(file.path(), new ToolFormat("BORIS", "events export (" + kind + ")"),
                Optional.ofNullable(media), events);
    }

    private static EventLabels aggregated(TextFile file, char sep, String kind) throws IOException {
        List<String> header = TextFile.cells(file.line(1), sep);
        int subject = header.indexOf("Subject"), behavior = header.indexOf("Behavior"), modifiers = header.indexOf("Modifiers"),
                start = header.indexOf("Start (s)"), stop = header.indexOf("Stop (s)"), media = header.indexOf("Media file");
        if (behavior < 0 || stop < 0) throw file.error(1, "no Behavior or Stop (s) column");
        FaceNames faces = new FaceNames();
        List<LabelEvent> events = new ArrayList<>();
        String mediaFile = null;
        for (int n = 2; n <= file.size(); n++) {
            if (file.line(n).replace(String.valueOf(sep), "").isBlank()) continue;
            List<String> cells = file.row(n, sep, header.size());
            double t0 = file.number(cells.get(start), n, "Start (s)"), t1 = file.number(cells.get(stop), n, "Stop (s)");
            if (Double.isNaN(t0) || Double.isNaN(t1) || t1 < t0)
                throw file.error(n, "Start (s) and Stop (s) must be times with Stop not before Start");
            if (mediaFile == null && media >= 0) mediaFile = cells.get(media);
            events.add(event(cells.get(behavior), faces.face(subject < 0 ? "" : cells.get(subject)),
                    modifiers < 0 ? "" : cells.get(modifiers), t0, t1));
        }
        return new EventLabels(file.path(), new ToolFormat("BORIS", "aggregated events export (" + kind + ")"),
                Optional.ofNullable(mediaFile), events);
    }

    private static LabelEvent event(String behavior, int face, String modifier, double onset, double offset) {
        Matcher m = AU.matcher(behavior.trim());
        ActionUnit au = null;
        if (m.matches()) {
            try {
                au = ActionUnit.of(Integer.parseInt(m.group(1)));
            } catch (NoSuchElementException e) {
                au = null;
            }
        }
        String letter = modifier.trim().toUpperCase(Locale.ROOT);
        IntensityScale intensity = au != null && letter.matches("[A-E]") ? IntensityScale.valueOf(letter) : null;
        String value = modifier.isBlank() ? behavior : modifier;
        return new LabelEvent(behavior, face, au, value, onset, offset, intensity);
    }

    /** Writes {@code labels} as a BORIS events export (TSV), atomically. */
    public static void write(Path file, EventLabels labels) throws IOException {
        String media = labels.media().map(m -> Path.of(m).getFileName().toString()).orElse("");
        List<String[]> rows = new ArrayList<>();
        for (LabelEvent e : labels.events()) {
            String behavior = e.au() != null ? e.au().code() : e.tier().replaceFirst("^face " + e.face() + " ", "");
            String modifier = e.au() != null ? (e.intensity() != null ? e.intensity().name() : "") : e.value();
            String category = e.au() != null ? "AU" : "label";
            boolean point = e.offset() == e.onset();
            rows.add(row(e.onset(), media, "face " + e.face(), behavior, category, modifier, point ? "POINT" : "START"));
            if (!point) rows.add(row(e.offset(), media, "face " + e.face(), behavior, category, modifier, "STOP"));
        }
        rows.sort((a, b) -> {
            int c = Double.compare(Double.parseDouble(a[0]), Double.parseDouble(b[0]));
            return c != 0 ? c : Boolean.compare(!a[9].equals("STOP"), !b[9].equals("STOP"));
        });
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String date = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String[][] meta = {{"Observation id", stem}, {"Media file(s)"}, {"Player #1", media}, {"Observation date", date},
                {"Description", "written by facsflow from " + labels.format()}, {"Time offset (s)", "0.0"}};
        AtomicFile.writeText(file, out -> {
            for (String[] m : meta) {
                out.write(padded(m));
                out.write(padded(new String[0]));
            }
            out.write(padded(HEADER));
            for (String[] r : rows) out.write(padded(r));
        });
    }

    private static String[] row(double time, String media, String subject, String behavior, String category,
                                String modifier, String status) {
        return new String[]{String.format(Locale.ROOT, "%.3f", time), media, "NA", "NA", subject, behavior, category,
                modifier, "", status};
    }

    /** One line padded with tabs to the table width, CRLF-terminated. */
    private static String padded(String[] cells) {
        String[] all = new String[HEADER.length];
        for (int i = 0; i < all.length; i++) all[i] = i < cells.length ? cells[i].replace('\t', ' ') : "";
        return String.join("\t", all) + "\r\n";
    }
}
