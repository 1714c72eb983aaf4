package org.facsflow.apps;

import org.facsflow.affect.AffectTimeline;
import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.Emotion;
import org.facsflow.affect.events.AuEvent;
import org.facsflow.affect.circumplex.CircumplexTrack;
import org.facsflow.affect.plot.AuBarChart;
import org.facsflow.affect.plot.CircumplexPlot;
import org.facsflow.affect.plot.TimelinePlot;
import org.facsflow.affect.smile.SmileEpisode;
import org.facsflow.apps.output.FaceLine;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;
import org.facsflow.facs.TextTable;
import org.facsflow.facs.validation.OpenFaceCsv;
import org.facsflow.facs.validation.OpenFaceRow;
import org.facsflow.fusion.FusionSummary;
import org.facsflow.pipeline.table.ResultSchema;
import org.facsflow.pipeline.table.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * {@code facsflow summarize}: what an analysis CSV says about each face, in a few lines: mean and peak AU
 * intensities, dominant emotions over time, valence/arousal, smile episodes; and beside the CSV a plot per face (a
 * timeline of small multiples for a video, a bar chart for a still image) and the circumplex of all faces. Frames
 * whose AUs could not be measured (a face turned too far or covered) name no emotion and count in no emotion or
 * valence figure, as in {@code analyze}'s one line per face; a face never measurable says only that.
 */
@Command(name = "summarize", sortOptions = false,
        description = {"Summarize an analysis CSV in OpenFace's layout (AUxx_r columns; facsflow's emo_*, valence and "
                + "arousal columns when present), per face: mean and peak AU intensities and how often each AU is "
                + "present, dominant emotions over time, valence/arousal, smile episodes (AU12 with AU6 coupling, "
                + "frames of fast head motion skipped). Writes beside the CSV a PNG per face (a video: one small panel "
                + "per AU over time, then valence and arousal; a still image: a bar per AU) and the faces' circumplex.",
                "Exit status: 0 summarized; 1 the CSV could not be read or a plot not written; 3 no tracked face in it."})
final class SummarizeCommand implements Callable<Integer> {
    /** A dominant emotion must last this long (seconds) to be listed as a segment of its own. */
    private static final double MIN_SEGMENT_S = 0.5;
    private static final int MAX_SEGMENTS = 20;

    @Parameters(paramLabel = "CSV", description = "The analysis CSV (plain or .gz).")
    Path csvFile;

    @Option(names = "--no-plot", description = "Do not write the PNGs.")
    boolean noPlot;

    /** A timeline panel per AU: beyond this many it shows the ones with the highest mean intensity. */
    private static final int MAX_PLOTTED_AUS = 12;

    /**
     * One face's rows in file order, with their times: the successfully tracked ones ({@code rows}), whether each
     * has an AU measured ({@code measured}; every row when the file has no AU columns), and, for the episode
     * detection, every row including failed ones ({@code all}), which end an open episode.
     */
    private record Face(int id, List<OpenFaceRow> rows, double[] times, boolean[] measured, List<OpenFaceRow> all,
                        double[] allTimes) {
        int measuredCount() {
            int n = 0;
            for (boolean m : measured) if (m) n++;
            return n;
        }
    }

    @Override
    public Integer call() {
        return run(System.out, System.err);
    }

    int run(PrintStream out, PrintStream err) {
        OpenFaceCsv csv;
        try {
            csv = ResultTable.read(csvFile);
        } catch (IOException e) {
            err.println("facsflow summarize: " + e.getMessage());
            return 1;
        }
        List<ActionUnit> aus = ActionUnit.CODED.stream().filter(au -> csv.hasColumn(ResultSchema.intensity(au))).toList();
        List<Face> faces = faces(csv, aus);
        if (faces.isEmpty()) {
            err.println("facsflow summarize: " + csvFile + ": no successfully tracked face (every row has success 0)");
            return 3;
        }
        boolean emotions = Emotion.CLASSIFIED.stream().allMatch(e -> csv.hasColumn(ResultSchema.emotion(e)));
        boolean timed = csv.hasColumn(ResultSchema.TIMESTAMP);
        boolean still = csv.rows().stream().map(r -> r.key().frame()).distinct().count() == 1;
        out.printf("%s: %d face(s)%s%s%n", csvFile, faces.size(), still ? " in a still image" : "",
                aus.isEmpty() ? ", no AU columns (AUxx_r)" : "");
        for (Face face : faces) {
            int measured = face.measuredCount();
            out.printf("%nface %d: %d frame(s)%s%s%n", face.id(), face.rows().size(), timed && face.rows().size() > 1
                    ? String.format(Locale.ROOT, ", %.2f-%.2f s", face.times()[0], face.times()[face.times().length - 1]) : "",
                    measured < face.rows().size() && measured > 0 ? ", AUs measurable in " + measured
                            + " (emotions and valence/arousal from those only)" : "");
            if (measured == 0) {
                out.println("  " + FaceLine.NOT_MEASURABLE + (face.rows().size() > 1 ? " in every frame" : ""));
                continue;
            }
            if (!aus.isEmpty()) out.print(auTable(face, aus));
            if (emotions) printEmotions(face, out);
            printCircumplex(face, csv, out);
            try {
                for (String line : FusionSummary.voice(face.all())) out.println("  " + line);
                for (String line : FusionSummary.fused(csvFile, face.id())) out.println("  " + line);
            } catch (IOException e) {
                err.println("facsflow summarize: cannot read the fusion table beside " + csvFile + ": " + e.getMessage());
            }
            if (!aus.isEmpty() && !still) printEpisodes(face, csv, out);
            if (!noPlot) {
                try {
                    out.println(still ? "  AU chart: " + barChart(face, aus) : "  timeline: " + timeline(face, aus, csv));
                } catch (IOException e) {
                    err.println("facsflow summarize: cannot write the plot of face " + face.id() + ": " + e.getMessage());
                    return 1;
                }
            }
        }
        if (!noPlot && csv.hasColumn(ResultSchema.VALENCE) && csv.hasColumn(ResultSchema.AROUSAL)) {
            try {
                out.println();
                out.println("circumplex: " + circumplex(faces));
            } catch (IOException e) {
                err.println("facsflow summarize: cannot write the circumplex: " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    /** Faces with at least one successfully tracked row, by id. */
    private static List<Face> faces(OpenFaceCsv csv, List<ActionUnit> aus) {
        Map<Integer, List<OpenFaceRow>> byFace = new TreeMap<>();
        for (OpenFaceRow row : csv.rows()) byFace.computeIfAbsent(row.key().face(), f -> new ArrayList<>()).add(row);
        List<Face> faces = new ArrayList<>();
        for (Map.Entry<Integer, List<OpenFaceRow>> e : byFace.entrySet()) {
            List<OpenFaceRow> tracked = e.getValue().stream().filter(OpenFaceRow::success).toList();
            if (tracked.isEmpty()) continue;
            boolean[] measured = new boolean[tracked.size()];
            for (int i = 0; i < measured.length; i++) {
                OpenFaceRow row = tracked.get(i);
                measured[i] = aus.isEmpty() || aus.stream().anyMatch(au -> !Double.isNaN(row.value(ResultSchema.intensity(au))));
            }
            faces.add(new Face(e.getKey(), tracked, times(tracked), measured, e.getValue(), times(e.getValue())));
        }
        return faces;
    }

    /** The timestamp column, or the frame number where the file has none (still images). */
    private static double[] times(List<OpenFaceRow> rows) {
        double[] times = new double[rows.size()];
        for (int i = 0; i < times.length; i++) {
            double t = rows.get(i).value("timestamp");
            times[i] = Double.isNaN(t) ? rows.get(i).key().frame() : t;
        }
        return times;
    }

    /** Per AU its mean, peak and share of frames present; for a face seen once (a still) its intensity and letter. */
    private static String auTable(Face face, List<ActionUnit> aus) {
        boolean once = face.rows().size() == 1;
        TextTable table = once ? new TextTable("AU", "name", "intensity", "letter").alignRight(2)
                : new TextTable("AU", "name", "mean", "peak", "present").alignRight(2, 3, 4);
        for (ActionUnit au : aus) {
            double sum = 0, peak = Double.NaN;
            int n = 0, present = 0;
            for (OpenFaceRow row : face.rows()) {
                double v = row.value(ResultSchema.intensity(au));
                if (Double.isNaN(v)) continue;
                sum += v;
                n++;
                if (IntensityScale.isPresent(v)) present++;
                if (!(v <= peak)) peak = v;
            }
            if (once) table.add(au.code(), au.name(), fixed(peak, 2),
                    IntensityScale.letter((float) peak).map(Enum::name).orElse(""));
            else table.add(au.code(), au.name(), fixed(n == 0 ? Double.NaN : sum / n, 2), fixed(peak, 2),
                    n == 0 ? "" : String.format(Locale.ROOT, "%.0f%%", 100.0 * present / n));
        }
        return indent(table.format());
    }

    /**
     * Share of the measured frames each label tops the fused probabilities, and the segments of the dominant label
     * over time (frames whose AUs could not be measured are "unmeasured").
     */
    private static void printEmotions(Face face, PrintStream out) {
        int n = face.rows().size(), measured = face.measuredCount();
        Emotion[] top = new Emotion[n];
        Map<Emotion, double[]> stats = new LinkedHashMap<>(); // top count, probability sum
        for (Emotion e : Emotion.CLASSIFIED) stats.put(e, new double[2]);
        for (int i = 0; i < n; i++) {
            if (!face.measured()[i]) continue;
            double best = -1;
            for (Emotion e : Emotion.CLASSIFIED) {
                double p = face.rows().get(i).value(ResultSchema.emotion(e));
                if (Double.isNaN(p)) continue;
                stats.get(e)[1] += p;
                if (p > best) {
                    best = p;
                    top[i] = e;
                }
            }
            if (top[i] != null) stats.get(top[i])[0]++;
        }
        // Seen once, a face has probabilities, not shares of frames.
        TextTable table = n == 1 ? new TextTable("emotion", "p").alignRight(1)
                : new TextTable("emotion", "dominant", "mean p").alignRight(1, 2);
        stats.entrySet().stream().sorted((a, b) -> n == 1 ? Double.compare(b.getValue()[1], a.getValue()[1])
                        : Double.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> {
                    if (n == 1) table.add(e.getKey().label(), fixed(e.getValue()[1], 3));
                    else table.add(e.getKey().label(), String.format(Locale.ROOT, "%.0f%%", 100 * e.getValue()[0] / measured),
                            fixed(e.getValue()[1] / measured, 3));
                });
        out.print(indent(table.format()));
        if (n > 1) out.println("  dominant over time: " + segments(face.times(), top));
    }

    /**
     * Runs of the same dominant label. Runs shorter than {@link #MIN_SEGMENT_S} are absorbed, shortest first, by
     * their longer neighbour, so a blip inside an expression does not split it and brief flickers do not each get a
     * segment of their own.
     */
    private static String segments(double[] times, Emotion[] top) {
        record Run(Emotion label, int start, int end) {
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < top.length; i++) {
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.label() == top[i]) runs.set(runs.size() - 1, new Run(last.label(), last.start(), i + 1));
            else runs.add(new Run(top[i], i, i + 1));
        }
        ToDoubleFunction<Run> duration = r -> times[Math.min(r.end(), times.length - 1)] - times[r.start()];
        while (runs.size() > 1) {
            int k = 0;
            for (int i = 1; i < runs.size(); i++) if (duration.applyAsDouble(runs.get(i)) < duration.applyAsDouble(runs.get(k))) k = i;
            if (duration.applyAsDouble(runs.get(k)) >= MIN_SEGMENT_S) break;
            boolean intoPrevious = k == runs.size() - 1 || (k > 0
                    && duration.applyAsDouble(runs.get(k - 1)) >= duration.applyAsDouble(runs.get(k + 1)));
            int keep = intoPrevious ? k - 1 : k + 1;
            Run into = runs.get(keep), gone = runs.get(k);
            runs.set(keep, new Run(into.label(), Math.min(into.start(), gone.start()), Math.max(into.end(), gone.end())));
            runs.remove(k);
            // The absorbing run may now touch a run of its own label: join them.
            for (int i = runs.size() - 1; i > 0; i--) {
                Run a = runs.get(i - 1), b = runs.get(i);
                if (a.label() == b.label()) {
                    runs.set(i - 1, new Run(a.label(), a.start(), b.end()));
                    runs.remove(i);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (Run r : runs.subList(0, Math.min(runs.size(), MAX_SEGMENTS)))
            parts.add(String.format(Locale.ROOT, "%.1f-%.1f s %s", times[r.start()],
                    times[Math.min(r.end(), times.length - 1)], r.label() == null ? "unmeasured" : r.label().label()));
        if (runs.size() > MAX_SEGMENTS) parts.add("... " + (runs.size() - MAX_SEGMENTS) + " more");
        return String.join(", ", parts);
    }

    private static void printCircumplex(Face face, OpenFaceCsv csv, PrintStream out) {
        for (String column : List.of(ResultSchema.VALENCE, ResultSchema.AROUSAL)) {
            if (!csv.hasColumn(column)) continue;
            double[] v = Arrays.stream(column(face, column)).filter(x -> !Double.isNaN(x)).toArray();
            if (v.length == 1) out.printf(Locale.ROOT, "  %s: %.2f%n", column, v[0]);
            else if (v.length > 1) out.printf(Locale.ROOT, "  %s: mean %.2f, min %.2f, max %.2f%n", column,
                    Arrays.stream(v).average().orElseThrow(), Arrays.stream(v).min().orElseThrow(),
                    Arrays.stream(v).max().orElseThrow());
        }
    }

    /** Smiles and AU events of the face (frames of fast head motion skipped when the CSV has the pose). */
    private static void printEpisodes(Face face, OpenFaceCsv csv, PrintStream out) {
        AffectTimeline timeline = new AffectTimeline();
        for (int i = 0; i < face.all().size(); i++) {
            OpenFaceRow row = face.all().get(i);
            timeline.add(face.id(), row.key().frame(), face.allTimes()[i], row.success() ? intensities(row) : null,
                    row.value("pose_Rx"), row.value("pose_Ry"), row.value("pose_Rz"), null);
        }
        AffectTimeline.Summary summary = timeline.finish();
        if (csv.hasColumn(ResultSchema.intensity(ActionUnit.AU12))) {
            List<SmileEpisode> smiles = summary.smiles();
            out.printf("  smiles: %d%s%n", smiles.size(), smiles.isEmpty() ? "" : ", "
                    + smiles.stream().filter(SmileEpisode::duchenne).count() + " Duchenne (AU6 coupled with AU12)");
            if (!smiles.isEmpty()) {
                TextTable table = new TextTable("onset", "apex", "offset", "duration", "peak AU12", "symmetry",
                        "AU6 present", "AU6 r", "AU6 lag", "Duchenne").alignRight(0, 1, 2, 3, 4, 5, 6, 7, 8);
                for (SmileEpisode s : smiles)
                    table.add(fixed(s.au12().onset(), 2), fixed(s.au12().apex(), 2), fixed(s.au12().offset(), 2),
                            fixed(s.au12().duration(), 2), fixed(s.au12().peak(), 2), fixed(s.symmetry(), 2),
                            String.format(Locale.ROOT, "%.0f%%", 100 * s.au6Fraction()), fixed(s.correlation(), 2),
                            fixed(s.au6OnsetLag(), 2), s.duchenne() ? "yes" : "no");
                out.print(indent(table.format()));
            }
        }
        Map<String, Integer> events = new LinkedHashMap<>();
        for (ActionUnit au : ActionUnit.CODED)
            for (AuEvent e : summary.events()) if (e.au().equals(au)) events.merge(au.code(), 1, Integer::sum);
        if (!events.isEmpty()) out.println("  AU events: " + events.toString().replaceAll("[{}]", ""));
    }

    /**
     * The row's intensities in the order of ActionUnit.CODED, with the subject's left and right of the one-sided AUs
     * (which the smiles' symmetry needs); AUs or sides without a column are NaN (unmeasured).
     */
    private static AuIntensities intensities(OpenFaceRow row) {
        int n = ActionUnit.CODED.size();
        float[] both = new float[n], left = new float[n], right = new float[n];
        for (int i = 0; i < n; i++) {
            ActionUnit au = ActionUnit.CODED.get(i);
            both[i] = (float) row.value(ResultSchema.intensity(au));
            left[i] = au.unilateral() ? (float) row.value(ResultSchema.left(au)) : Float.NaN;
            right[i] = au.unilateral() ? (float) row.value(ResultSchema.right(au)) : Float.NaN;
        }
        return new AuIntensities(both, left, right);
    }

    /**
     * {@code <csv name>_timeline_face<N>.png} beside the CSV: a panel for each AU present at least once (at most
     * {@link #MAX_PLOTTED_AUS}, those of highest mean intensity), in FACS order, and valence/arousal.
     */
    private String timeline(Face face, List<ActionUnit> aus, OpenFaceCsv csv) throws IOException {
        Map<ActionUnit, Double> means = new LinkedHashMap<>();
        for (ActionUnit au : aus) {
            double[] v = timelineColumn(face, ResultSchema.intensity(au));
            if (Arrays.stream(v).anyMatch(IntensityScale::isPresent))
                means.put(au, Arrays.stream(v).filter(x -> !Double.isNaN(x)).average().orElse(0));
        }
        List<ActionUnit> shown = means.keySet().stream().sorted((a, b) -> Double.compare(means.get(b), means.get(a)))
                .limit(MAX_PLOTTED_AUS).toList();
        Map<ActionUnit, float[]> panels = new LinkedHashMap<>();
        for (ActionUnit au : aus)
            if (shown.contains(au)) panels.put(au, floats(timelineColumn(face, ResultSchema.intensity(au))));
        Map<String, float[]> affects = new LinkedHashMap<>();
        for (String column : List.of(ResultSchema.VALENCE, ResultSchema.AROUSAL))
            if (csv.hasColumn(column)) affects.put(column, floats(timelineColumn(face, column)));
        Path png = sibling("_timeline_face" + face.id() + ".png");
        TimelinePlot.write(png, name() + ", face " + face.id(), face.allTimes(), panels, affects);
        String left = means.size() > shown.size() ? "; " + (means.size() - shown.size()) + " more present, not drawn" : "";
        return png + (panels.isEmpty() ? " (no AU present)" : " (AUs present at least once: "
                + panels.keySet().stream().map(ActionUnit::code).collect(Collectors.joining(", ")) + left + ")");
    }

    /** {@code <csv name>_aus_face<N>.png} beside the CSV: a still's face, a bar per AU. */
    private Path barChart(Face face, List<ActionUnit> aus) throws IOException {
        Map<ActionUnit, Float> values = new LinkedHashMap<>();
        for (ActionUnit au : aus) values.put(au, (float) face.rows().get(0).value(ResultSchema.intensity(au)));
        Path png = sibling("_aus_face" + face.id() + ".png");
        AuBarChart.write(png, name() + ", face " + face.id(), values);
        return png;
    }

    /** {@code <csv name>_circumplex.png} beside the CSV: every face's valence and arousal where its AUs were measured. */
    private Path circumplex(List<Face> faces) throws IOException {
        List<CircumplexTrack> tracks = new ArrayList<>();
        for (Face face : faces)
            tracks.add(new CircumplexTrack(face.id(), face.times(), floats(column(face, ResultSchema.VALENCE)),
                    floats(column(face, ResultSchema.AROUSAL))));
        Path png = sibling("_circumplex.png");
        CircumplexPlot.write(png, name(), tracks);
        return png;
    }

    /** The CSV's name without .csv or .gz. */
    private String name() {
        return csvFile.getFileName().toString().replaceFirst("(\\.csv)?(\\.gz)?$", "");
    }

    private Path sibling(String suffix) {
        return csvFile.toAbsolutePath().resolveSibling(name() + suffix);
    }

    /** A column over the face's tracked rows; NaN where the row's AUs could not be measured. */
    private static double[] column(Face face, String column) {
        double[] v = new double[face.rows().size()];
        for (int i = 0; i < v.length; i++) v[i] = face.measured()[i] ? face.rows().get(i).value(column) : Double.NaN;
        return v;
    }

    /**
     * A column over every row of the face, those where it was not found included, so that a timeline breaks where the
     * face was lost instead of drawing a line across: NaN where not found or its AUs not measurable.
     */
    private static double[] timelineColumn(Face face, String column) {
        double[] v = new double[face.all().size()];
        for (int i = 0, tracked = 0; i < v.length; i++) {
            OpenFaceRow row = face.all().get(i);
            v[i] = row.success() && face.measured()[tracked++] ? row.value(column) : Double.NaN;
        }
        return v;
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String indent(String text) {
        return text.replaceAll("(?m)^", "  ");
    }
}
