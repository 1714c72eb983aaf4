package org.facsflow.study.report;

import org.facsflow.facs.TextTable;
import org.facsflow.pipeline.table.ResultSchema;
import org.facsflow.study.AtomicWrite;
import org.facsflow.study.Csv;
import org.facsflow.study.Design;
import org.facsflow.study.compare.ComparisonResult;
import org.facsflow.study.compare.MetricTest;
import org.facsflow.study.compare.PlainSummary;
import org.facsflow.study.metrics.FrameQuality;
import org.facsflow.study.metrics.MetricKey;
import org.facsflow.study.metrics.MetricSettings;
import org.facsflow.study.metrics.Signals;
import org.facsflow.study.metrics.VideoSummary;
import org.facsflow.study.stats.StatsSettings;
import org.facsflow.study.stats.TestResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes a comparison's outputs into a folder, each file atomically: {@code summary.txt}, the CSVs of
 * {@link ComparisonCsv} and, on request, {@code report.html}: one self-contained page (inline SVG charts, no
 * scripts, nothing fetched) that starts with the verdict and the key measures, then the caveats, group curves with
 * bootstrap bands for AU12, AU6, AU4 and valence, arousal and the voice beside the face (where measured), the
 * differences per AU, the full statistics table, co-occurrence
 * heatmaps, data quality per recording and the methods. Every output names the facsflow version and date, and
 * simulated results say SIMULATED on every file, at the top of the page and in every chart's title.
 */
public final class StudyReport {
    public static final String HTML = "report.html";
    private static final List<String> KEY_SIGNALS = List.of("AU12", "AU6", "AU4", "valence");

    private StudyReport() {
    }

    /** Writes the outputs; returns the files written. */
    public static List<Path> write(ComparisonResult r, Path dir, boolean html) throws IOException {
        List<Path> written = new ArrayList<>();
        write(dir.resolve("summary.txt"), summaryText(r), written);
        write(dir.resolve("stats.csv"), ComparisonCsv.stats(r), written);
        write(dir.resolve("metrics.csv"), ComparisonCsv.metrics(r), written);
        write(dir.resolve("curves.csv"), ComparisonCsv.curves(r), written);
        write(dir.resolve("cooccurrence.csv"), ComparisonCsv.coOccurrence(r), written);
        write(dir.resolve("quality.csv"), ComparisonCsv.quality(r), written);
        if (html) write(dir.resolve(HTML), html(r), written);
        return written;
    }

    /**
     * The summary as text (summary.txt, and what {@code study compare} prints): the simulated-data warning where it
     * applies, the verdict, the key measures, the other paragraphs, and the version and date.
     */
    public static String summaryText(ComparisonResult r) {
        List<String> parts = new ArrayList<>();
        if (r.provenance().simulated()) parts.add(r.provenance().simulatedWarning());
        parts.add(r.summary().get(0));
        parts.add("Key measures (" + r.a() + " vs " + r.b() + ", difference " + r.a() + " minus " + r.b() + " with its "
                + confidence(r) + "% interval):\n" + String.join("\n", PlainSummary.keyMeasureLines(r)));
        parts.addAll(r.summary().subList(1, r.summary().size()));
        parts.add("Made by " + r.provenance().line() + ".");
        return String.join("\n\n", parts) + "\n";
    }

    /**
     * The statistics as a terminal table: metric, n, means, the difference with its interval, primary p, q, and g;
     * '*' marks q &lt;= FDR. Simulated results carry a first line saying so.
     */
    public static String consoleTable(ComparisonResult r) {
        String g = r.design() == Design.WITHIN ? "g_z" : "g";
        TextTable table = new TextTable("metric", "n " + r.a(), "n " + r.b(), "mean " + r.a(), "mean " + r.b(),
                "difference [" + confidence(r) + "% CI]", "p perm", "q", g, "").alignRight(1, 2, 3, 4, 6, 7, 8);
        for (MetricTest t : r.tests()) {
            TestResult x = t.result();
            table.add(t.key().label(), String.valueOf(x.nA()), String.valueOf(x.nB()), fmt(x.meanA(), 3),
                    fmt(x.meanB(), 3), x.tested() ? PlainSummary.differenceWithInterval(x) : x.note(),
                    pv(x.pPermutation()), pv(t.q()), fmt(x.g(), 2), t.significant(r.statsSettings().fdr()) ? "*" : "");
        }
        return (r.provenance().simulated() ? r.provenance().simulatedWarning() + "\n" : "") + table.format();
    }

    private static void write(Path file, String text, List<Path> written) throws IOException {
        AtomicWrite.writeString(file, text);
        written.add(file);
    }

    static String html(ComparisonResult r) {
        boolean paired = r.design() == Design.WITHIN;
        String prefix = r.provenance().titlePrefix();
        int confidence = confidence(r);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(esc(prefix + "facsflow study: " + r.a() + " vs " + r.b())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:1200px;margin:2em auto;color:#222;line-height:1.45}")
                .append("h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}")
                .append("table{border-collapse:collapse;font-size:.82em}td,th{border:1px solid #ddd;padding:.25em .5em;text-align:right}")
                .append("td{white-space:nowrap}td.note{white-space:normal;text-align:left;min-width:16em}")
                .append("th{background:#f3f3f3}td.l,th.l{text-align:left}tr.sig td{background:#fdecea}")
                .append(".verdict{font-size:1.15em;background:#e8f1fb;border-left:8px solid #1f4e8c;padding:.6em 1em}")
                .append(".simulated{background:#ffb300;color:#000;font-weight:bold;font-size:1.1em;padding:.6em 1em;"
                        + "border:3px solid #000;text-align:center}")
                .append(".summary p{font-size:1.05em}.charts{display:flex;flex-wrap:wrap;gap:12px}.note{color:#555;font-size:.9em}")
                .append("</style></head><body>\n");
        simulatedBanner(h, r);
        h.append("<h1>").append(esc(prefix + r.a() + " vs " + r.b())).append(": facial expression study</h1>\n<p class=\"note\">")
                .append(esc(r.design().label() + " design; " + r.participants(r.a()) + " (" + r.a() + ") and "
                        + r.participants(r.b()) + " (" + r.b() + ") participants analysed; made by "
                        + r.provenance().line()))
                .append("</p>\n");

        String verdict = r.summary().get(0), headline = PlainSummary.headline(verdict);
        h.append("<h2>Verdict</h2>\n<p class=\"verdict\"><strong>").append(esc(headline)).append("</strong>")
                .append(esc(verdict.substring(headline.length()))).append("</p>\n");
        keyMeasures(h, r);
        h.append("<h2>What the numbers can and cannot say</h2>\n<div class=\"summary\">");
        for (String p : r.summary().subList(1, r.summary().size())) h.append("<p>").append(esc(p)).append("</p>\n");
        h.append("</div>\n");

        h.append("<h2>Time course</h2>\n<p class=\"note\">Mean over participants from stimulus onset, resampled to ")
                .append(fmt(r.metricSettings().gridHz(), 0)).append(" Hz; shaded: pointwise ").append(confidence)
                .append("% percentile-bootstrap band over participants (").append(String.format(Locale.ROOT, "%,d",
                        r.statsSettings().bootstrapResamples())).append(" resamples).</p>\n<div class=\"charts\">");
        int chart = 0;
        for (String signal : KEY_SIGNALS) {
            if (!r.curvesA().containsKey(signal)) continue;
            h.append(Charts.svg(Charts.curves(prefix, signal, r.a(), r.curvesA().get(signal), r.b(),
                    r.curvesB().get(signal), confidence), 580, 320, "curve" + chart++)).append('\n');
        }
        h.append("</div>\n");

        beyondFace(h, r, prefix, confidence);
        forest(h, r);
        table(h, r, paired);

        double upper = Math.max(0.05, Math.max(max(r.coOccurrenceA()), max(r.coOccurrenceB())));
        h.append("<h2>AU co-occurrence</h2>\n<p class=\"note\">Cell (row, column): the share of measured frames in which "
                + "both AUs are present (intensity &ge; ").append(fmt(r.metricSettings().presence(), 1))
                .append("), averaged over participants; the diagonal is each AU's own share. One colour scale for both, "
                        + "from 0 to the largest share.</p>\n<div class=\"charts\">")
                .append(Charts.svg(Charts.coOccurrence(prefix, r.a(), r.coOccurrenceA(), upper), 580, 560, "co-a")).append('\n')
                .append(Charts.svg(Charts.coOccurrence(prefix, r.b(), r.coOccurrenceB(), upper), 580, 560, "co-b"))
                .append("</div>\n");

        quality(h, r);
        methods(h, r.metricSettings(), r.statsSettings(), paired);
        h.append("<h2>Files</h2>\n<p>Every number above: <a href=\"stats.csv\">stats.csv</a>, <a href=\"metrics.csv\">"
                + "metrics.csv</a>, <a href=\"curves.csv\">curves.csv</a>, <a href=\"cooccurrence.csv\">cooccurrence.csv</a>, "
                + "<a href=\"quality.csv\">quality.csv</a>; the summary alone: <a href=\"summary.txt\">summary.txt</a>.</p>\n");
        h.append("<p class=\"note\">").append(esc("Made by " + r.provenance().line() + ".")).append("</p>\n");
        simulatedBanner(h, r);
        return h.append("</body></html>\n").toString();
    }

    private static void simulatedBanner(StringBuilder h, ComparisonResult r) {
        if (r.provenance().simulated())
            h.append("<div class=\"simulated\">").append(esc(r.provenance().simulatedWarning())).append("</div>\n");
    }

    /** The 3-4 key measures, right after the verdict. */
    private static void keyMeasures(StringBuilder h, ComparisonResult r) {
        h.append("<h2>Key measures</h2>\n");
        measures(h, r, r.keyMeasures());
    }

    /** A table of measures: both means, the difference with its interval, q, a reading. */
    private static void measures(StringBuilder h, ComparisonResult r, List<MetricTest> rows) {
        h.append("<table><tr><th class=\"l\">measure</th><th>").append(esc(r.a()))
                .append("</th><th>").append(esc(r.b())).append("</th><th>").append(esc("difference " + r.a() + " - "
                        + r.b() + " [" + confidence(r) + "% interval]")).append("</th><th>q</th><th class=\"l\">reading</th></tr>\n");
        for (MetricTest t : rows) {
            TestResult x = t.result();
            h.append(t.significant(r.statsSettings().fdr()) ? "<tr class=\"sig\">" : "<tr>")
                    .append("<td class=\"l\">").append(esc(t.key().label())).append("</td><td>").append(fmt(x.meanA(), 2))
                    .append("</td><td>").append(fmt(x.meanB(), 2)).append("</td><td>")
                    .append(esc(PlainSummary.differenceWithInterval(x) + t.key().unit())).append("</td><td>")
                    .append(pv(t.q())).append("</td><td class=\"l\">").append(esc(PlainSummary.reading(r, t)))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /**
     * Arousal and the recording's voice beside the face, where the recordings gave them: the tests of their metrics
     * and the speaking share over time. Fused values ({@code facsflow fuse}) are not compared: each source is
     * standardised per recording there, so a recording's mean is 0 by construction.
     */
    private static void beyondFace(StringBuilder h, ComparisonResult r, String prefix, int confidence) {
        List<MetricTest> rows = r.tests().stream().filter(t -> Signals.index(t.key().signal()) > Signals.VALENCE).toList();
        if (rows.isEmpty()) return;
        boolean voice = rows.stream().anyMatch(t -> Signals.voice(Signals.index(t.key().signal())));
        h.append("<h2>Arousal").append(voice ? " and the voice" : "").append("</h2>\n<p class=\"note\">").append(esc(
                "Arousal is the face's (calm -1 to excited 1, as in analyze's CSV). " + (voice ? "The voice is the "
                        + "recording's own sound on the participant's frames (analyze's voice_* columns): the share of "
                        + "time speaking, and level (dBFS), pitch (F0, Hz) and syllable rate averaged over the frames in "
                        + "which the participant speaks. Level depends on the microphone and its distance, pitch on the "
                        + "speaker: compare them within a participant (a within-subject design) or with one set-up for "
                        + "all. " : "No recording gave speech (no audio track, silence or music), so the voice is absent. ")
                        + "Tested in the same family as the AUs (q over all " + r.tests().size() + " metrics).")).append("</p>\n");
        measures(h, r, rows);
        h.append("<div class=\"charts\">");
        int chart = 0;
        for (String signal : List.of(ResultSchema.AROUSAL, ResultSchema.VOICE_ACTIVE)) {
            if (!r.curvesA().containsKey(signal)) continue;
            h.append(Charts.svg(Charts.curves(prefix, signal, r.a(), r.curvesA().get(signal), r.b(),
                    r.curvesB().get(signal), confidence), 580, 320, "beyond" + chart++)).append('\n');
        }
        h.append("</div>\n");
    }

    /** The difference in each AU's mean intensity with the permutation test's interval: the primary method, one scale. */
    private static void forest(StringBuilder h, ComparisonResult r) {
        List<MetricTest> rows = r.tests().stream().filter(t -> t.key().statistic().equals(MetricKey.MEAN)
                && Signals.index(t.key().signal()) < Signals.AU_COUNT).toList();
        List<String> labels = rows.stream().map(t -> Signals.title(Signals.index(t.key().signal()))).toList();
        double[] diff = new double[rows.size()], lo = new double[rows.size()], hi = new double[rows.size()];
        boolean[] sig = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            TestResult x = rows.get(i).result();
            diff[i] = x.tested() ? x.difference() : Double.NaN;
            lo[i] = x.differenceInterval().low();
            hi[i] = x.differenceInterval().high();
            sig[i] = rows.get(i).significant(r.statsSettings().fdr());
        }
        h.append("<h2>Differences per AU</h2>\n<p class=\"note\">").append(esc("Mean intensity (0-5) of each AU, "
                        + r.a() + " minus " + r.b() + " (right: more with " + r.a() + "), with the " + confidence(r)
                        + "% interval of the permutation test, which leaves out 0 exactly when that test's p < "
                        + fmt(1 - r.statsSettings().confidence(), 2) + ". Red: survives the FDR correction over all "
                        + r.tests().size() + " metrics; a grey interval that leaves out 0 did not survive it. A point "
                        + "without an interval: too few participants to bound one. Peaks and the summary metrics are in "
                        + "the table.")).append("</p>\n")
                .append(Charts.svg(Charts.forest(labels, diff, lo, hi, sig, "difference in mean intensity ("
                                + r.a() + " minus " + r.b() + ")", r.provenance().titlePrefix() + "Differences in mean AU intensity"),
                        760, 120 + 18 * rows.size(), "forest")).append('\n');
    }

    private static void table(StringBuilder h, ComparisonResult r, boolean paired) {
        double alpha = 1 - r.statsSettings().confidence();
        int confidence = confidence(r);
        h.append("<h2>Statistics</h2>\n<p class=\"note\">").append(esc("Three methods, each beside the interval that "
                        + "belongs to it, so that within a block the p-value and the interval cannot disagree. Primary: the "
                        + (paired ? "sign-flip" : "label-shuffle") + " permutation test and the " + confidence
                        + "% interval of the difference from inverting it; q is its p adjusted (Benjamini-Hochberg) over the "
                        + r.tests().size() + " metrics. Then the " + (paired ? "paired" : "Welch") + " t test with "
                        + (paired ? "g_z" : "g") + " and its noncentral-t interval, and the "
                        + (paired ? "Wilcoxon signed-rank test (W+)" : "Mann-Whitney U test (U of " + r.a() + ")")
                        + " with the rank-biserial r. Intervals are per metric; the note says where the methods disagree."))
                .append(" Highlighted: q &le; ").append(r.statsSettings().fdr()).append(".</p>\n<table><tr>")
                .append("<th class=\"l\" rowspan=\"2\">metric</th><th rowspan=\"2\">n ").append(esc(r.a()))
                .append("</th><th rowspan=\"2\">n ").append(esc(r.b())).append("</th><th rowspan=\"2\">mean ")
                .append(esc(r.a())).append("</th><th rowspan=\"2\">mean ").append(esc(r.b()))
                .append("</th><th colspan=\"3\">permutation test (primary)</th><th colspan=\"3\">t test</th>")
                .append("<th colspan=\"3\">rank test</th><th class=\"l\" rowspan=\"2\">note</th></tr>\n<tr>");
        for (String c : List.of("difference [" + confidence + "% CI]", "p", "q", "t", "p", (paired ? "g_z" : "g") + " ["
                + confidence + "% CI]", paired ? "W+" : "U", "p", "r"))
            h.append("<th>").append(esc(c)).append("</th>");
        h.append("</tr>\n");
        for (MetricTest t : r.tests()) {
            TestResult x = t.result();
            h.append(t.significant(r.statsSettings().fdr()) ? "<tr class=\"sig\">" : "<tr>")
                    .append("<td class=\"l\">").append(esc(t.key().label())).append("</td>");
            String g = fmt(x.g(), 2) + (x.gInterval().bounded() ? " [" + fmt(x.gInterval().low(), 2) + ", "
                    + fmt(x.gInterval().high(), 2) + "]" : "");
            for (String cell : List.of(String.valueOf(x.nA()), String.valueOf(x.nB()), fmt(x.meanA(), 3), fmt(x.meanB(), 3),
                    x.tested() ? PlainSummary.differenceWithInterval(x) : "", pv(x.pPermutation()), pv(t.q()),
                    fmt(x.t(), 2), pv(x.pT()), g, fmt(x.rankStatistic(), 1), pv(x.pRank()), fmt(x.r(), 2)))
                h.append("<td>").append(esc(cell)).append("</td>");
            String note = x.tested() ? x.disagreement(alpha) : x.note();
            h.append("<td class=\"note\">").append(esc(note)).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void quality(StringBuilder h, ComparisonResult r) {
        h.append("<h2>Data quality</h2>\n<p class=\"note\">Per recording, within the analysis window (stimulus onset to "
                + "its end): frames decoded, frames without any face, frames with a usable measurement of the participant "
                + "(the face measured most often), and the rest, lost. More than one face seen means someone else was in "
                + "view; only the participant's face is analysed.</p>\n<table><tr><th class=\"l\">participant</th>"
                + "<th class=\"l\">condition</th><th>frames</th><th>no face</th><th>measured</th><th>lost</th>"
                + "<th>lost %</th><th>faces seen</th><th class=\"l\">in tests</th></tr>\n");
        for (VideoSummary v : r.videos()) {
            FrameQuality q = v.quality();
            h.append("<tr><td class=\"l\">").append(esc(v.recording().participant())).append("</td><td class=\"l\">")
                    .append(esc(v.recording().condition())).append("</td><td>").append(q.framesDecoded())
                    .append("</td><td>").append(q.framesNoFace()).append("</td><td>").append(q.framesMeasured())
                    .append("</td><td>").append(q.framesLost()).append("</td><td>").append(fmt(100 * q.lostShare(), 1))
                    .append("</td><td>").append(q.facesSeen()).append("</td><td class=\"l\">")
                    .append(r.included().contains(v.recording().id()) ? "yes" : "no").append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!r.leftOut().isEmpty()) {
            h.append("<p>Left out of the tests:</p><ul>");
            for (String line : r.leftOut()) h.append("<li>").append(esc(line)).append("</li>");
            h.append("</ul>\n");
        }
    }

    private static void methods(StringBuilder h, MetricSettings m, StatsSettings s, boolean paired) {
        String presence = fmt(m.presence(), 1);
        h.append("<h2>Methods</h2>\n<ul>")
                .append(li("Times are counted from stimulus onset (manifest column onset); frames before it, and after "
                        + "onset + duration where given, are not analysed."))
                .append(li("Per recording: mean and peak (largest single frame) intensity of each AU, time to peak, "
                        + "share of frames present (intensity >= " + presence + ", FACS letter A); time with positive "
                        + "expression = seconds with AU6 and AU12 both >= " + presence + "; smile episodes = stretches "
                        + "of AU12 >= " + presence + " lasting at least " + fmt(m.minSmileSeconds(), 1) + " s; measured frames more "
                        + "than " + fmt(m.maxGapSeconds(), 1) + " s apart are not joined."))
                .append(li(paired
                        ? "Within-subject: a sign-flip permutation test of the mean difference (primary), a paired t test "
                        + "and a Wilcoxon signed-rank test (exact p up to 30 pairs)."
                        : "Between-subject: a label-shuffle permutation test of the difference of means (primary), Welch's "
                        + "t test and a Mann-Whitney U test (Hipparchus reports min(U1, U2); the table shows U of the "
                        + "first condition)."))
                .append(li(String.format(Locale.ROOT, "Permutation p = count / all when there are at most %,d "
                        + "rearrangements (exact), else (1 + count) / (1 + %,d) over random ones with a fixed seed (%d); "
                        + "q = Benjamini-Hochberg adjusted over every tested metric. With few participants there are few "
                        + "rearrangements and p cannot fall below 2 / 2^n (paired): fewer than 6 pairs can never give "
                        + "p < 0.05, and the interval is then left out rather than printed unbounded.",
                        s.permutations(), s.permutations(), s.seed())))
                .append(li(String.format(Locale.ROOT, "Interval of the difference: the shifts of the difference that "
                        + "the same permutation test, with the same rearrangements, does not reject at %d%% (test "
                        + "inversion), so it leaves out 0 exactly when p < %.2f.", Math.round(100 * s.confidence()),
                        1 - s.confidence())))
                .append(li(paired
                        ? "Effect size d_z = mean difference / SD of the differences, g_z = J(n-1) d_z (Hedges' exact "
                        + "correction), with the noncentral-t interval of the paired t (Steiger & Fouladi 1997; exact "
                        + "for normal differences); rank-biserial r = (W+ - W-) / (W+ + W-) (Kerby 2014), no interval."
                        : "Effect size Cohen's d with pooled SD, g = J(n1+n2-2) d (Hedges' exact correction), with the "
                        + "noncentral-t interval of Student's pooled t (exact for normal data with equal variances); "
                        + "rank-biserial r = 2 U / (n1 n2) - 1, no interval."))
                .append(li("Power: the smallest standardised effect a t test at p < 0.05 detects with 80% probability, "
                        + "from the noncentral t distribution (Cohen 1988)."))
                .append(li(String.format(Locale.ROOT, "Curve bands: %d%% percentile bootstrap over participants (%,d "
                                + "resamples, seed %d); approximate with small samples.",
                        Math.round(100 * s.confidence()), s.bootstrapResamples(), s.seed())))
                .append("</ul>\n");
    }

    private static double max(double[][] matrix) {
        return Arrays.stream(matrix).flatMapToDouble(Arrays::stream).max().orElse(0);
    }

    private static String li(String text) {
        return "<li>" + esc(text) + "</li>";
    }

    private static int confidence(ComparisonResult r) {
        return (int) Math.round(100 * r.statsSettings().confidence());
    }

    private static String fmt(double v, int digits) {
        return Csv.fixed(v, digits);
    }

    private static String pv(double p) {
        return Double.isNaN(p) ? "NA" : p < 0.001 ? "<0.001" : Csv.fixed(p, 3);
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
