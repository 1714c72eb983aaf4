package org.facsflow.interop.convert;

import org.facsflow.affect.AffectTimeline;
import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.events.AuEvent;
import org.facsflow.affect.smile.SmileEpisode;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;
import org.facsflow.interop.AuColumn;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.EventLabels;
import org.facsflow.interop.LabelEvent;
import org.facsflow.interop.ToolFormat;
import org.facsflow.interop.elan.AnalysisAnnotations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Between frame-level tables and events.
 * <ul>
 *   <li>Table to events: AUs with an intensity go through affect's {@link AffectTimeline}, so a CSV becomes the same
 *       AU events (hysteresis on at B, off below A, at least 0.1 s) and smiles as {@code analyze} finds; AUs with only
 *       a presence become runs of present frames (onset: the first present frame; offset: the next frame's time,
 *       or the last present frame's where the series ends), without a letter.</li>
 *   <li>Events to a table: each frame is sampled at its time: presence 1 where an event of the AU covers it
 *       (onset &lt;= t &lt; offset), else 0; intensity the covering event's letter (1-5) where the AU has letters.</li>
 * </ul>
 * A row without a time (Py-Feat, an iMotions extract) is at (frame - 1) / frame rate.
 */
public final class Conversions {
    private Conversions() {
    }

    /** A row's time, or (frame - 1) / frameRate where the tool gave none. */
    public static double time(AuRow row, double frameRate) {
        return Double.isNaN(row.time()) ? (row.frame() - 1) / frameRate : row.time();
    }

    /** facsflow's annotations (events and smiles) of a table's intensity AUs, as {@code analyze} would find them. */
    public static AnalysisAnnotations annotations(AuTable table, double frameRate) {
        AffectTimeline timeline = new AffectTimeline();
        int[] columnOf = new int[ActionUnit.CODED.size()];
        for (int i = 0; i < columnOf.length; i++) {
            int c = table.indexOf(ActionUnit.CODED.get(i));
            columnOf[i] = c >= 0 && table.columns().get(c).intensity() ? c : -1;
        }
        for (AuRow row : table.rows()) {
            AuIntensities aus = null;
            if (row.success()) {
                float[] values = new float[columnOf.length];
                for (int i = 0; i < values.length; i++) values[i] = columnOf[i] < 0 ? Float.NaN : row.intensity()[columnOf[i]];
                aus = new AuIntensities(values);
            }
            timeline.add(row.face(), row.frame(), time(row, frameRate), aus, null, null);
        }
        AffectTimeline.Summary summary = timeline.finish();
        return new AnalysisAnnotations(summary.events(), summary.smiles(), List.of(), List.of());
    }

    /** Event labels of a table: see the class comment. */
    public static EventLabels events(AuTable table, double frameRate) {
        List<LabelEvent> events = new ArrayList<>();
        AnalysisAnnotations annotations = annotations(table, frameRate);
        for (AuEvent e : annotations.events()) {
            IntensityScale letter = IntensityScale.letter(e.episode().peak()).orElse(null);
            events.add(new LabelEvent(e.au().code(), e.faceId(), e.au(), letter == null ? "present" : letter.name(),
                    e.episode().onset(), e.episode().offset(), letter));
        }
        for (SmileEpisode s : annotations.smiles())
            events.add(new LabelEvent("smile", s.faceId(), null, s.duchenne() ? "Duchenne" : "non-Duchenne",
                    s.au12().onset(), s.au12().offset(), null));
        for (int c = 0; c < table.columns().size(); c++) {
            AuColumn column = table.columns().get(c);
            boolean viaTimeline = column.intensity() && ActionUnit.CODED.contains(column.au());
            if (!viaTimeline) events.addAll(runs(table, c, frameRate));
        }
        return new EventLabels(table.source(), table.format(), Optional.empty(), events);
    }

    private static List<LabelEvent> runs(AuTable table, int column, double frameRate) {
        List<LabelEvent> out = new ArrayList<>();
        ActionUnit au = table.columns().get(column).au();
        for (int face : table.faces()) {
            double onset = Double.NaN, last = Double.NaN;
            for (AuRow row : table.rows()) {
                if (row.face() != face) continue;
                double t = time(row, frameRate);
                boolean present = Boolean.TRUE.equals(table.present(row, column));
                if (present && Double.isNaN(onset)) onset = t;
                if (!present && !Double.isNaN(onset)) {
                    out.add(new LabelEvent(au.code(), face, au, "present", onset, t, null));
                    onset = Double.NaN;
                }
                last = t;
            }
            if (!Double.isNaN(onset)) out.add(new LabelEvent(au.code(), face, au, "present", onset, last, null));
        }
        return out;
    }

    /** The labels' AU events as a table of frames at {@code frameRate} from 0 to the last offset. */
    public static AuTable frames(EventLabels labels, double frameRate, Path source) {
        List<double[]> grid = new ArrayList<>();
        List<Integer> faces = labels.auEvents().stream().map(LabelEvent::face).distinct().sorted().toList();
        int frames = (int) Math.ceil(labels.end() * frameRate);
        for (int face : faces.isEmpty() ? List.of(0) : faces)
            for (int f = 1; f <= frames; f++) grid.add(new double[]{f, face, (f - 1) / frameRate});
        return sample(labels, grid, source, labels.format());
    }

    /**
     * The labels' AU events sampled at the rows of {@code grid} (another tool's table of the same video): a grid
     * row of face F takes the labels of face F, or of the only face the labels have.
     */
    public static AuTable framesAt(EventLabels labels, AuTable grid, double frameRate) {
        List<double[]> keys = new ArrayList<>();
        for (AuRow row : grid.rows()) keys.add(new double[]{row.frame(), row.face(), time(row, frameRate)});
        return sample(labels, keys, labels.source(), labels.format());
    }

    private static AuTable sample(EventLabels labels, List<double[]> keys, Path source, ToolFormat format) {
        List<ActionUnit> aus = labels.aus();
        List<LabelEvent> events = labels.auEvents();
        List<Integer> faces = events.stream().map(LabelEvent::face).distinct().toList();
        List<AuColumn> columns = new ArrayList<>();
        for (ActionUnit au : aus) {
            boolean letters = events.stream().anyMatch(e -> e.au().equals(au) && e.intensity() != null);
            columns.add(new AuColumn(au, letters, true));
        }
        AuTable.Builder table = new AuTable.Builder(source, format, columns);
        for (double[] k : keys) {
            int face = faces.size() == 1 ? faces.get(0) : (int) k[1];
            AuRow row = table.add((int) k[0], (int) k[1], k[2], true);
            Arrays.fill(row.presence(), 0);
            for (int i = 0; i < columns.size(); i++) if (columns.get(i).intensity()) row.intensity()[i] = 0;
            for (LabelEvent e : events) {
                if (e.face() != face || !e.covers(k[2])) continue;
                int i = aus.indexOf(e.au());
                row.presence()[i] = 1;
                if (columns.get(i).intensity())
                    row.intensity()[i] = e.intensity() == null ? Float.NaN : e.intensity().ordinal() + 1;
            }
        }
        return table.build();
    }
}
