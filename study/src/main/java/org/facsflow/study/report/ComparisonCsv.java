package org.facsflow.study.report;

import org.facsflow.study.Csv;
import org.facsflow.study.Design;
import org.facsflow.study.Recording;
import org.facsflow.study.compare.ComparisonResult;
import org.facsflow.study.compare.MetricTest;
import org.facsflow.study.metrics.FrameQuality;
import org.facsflow.study.metrics.GroupCurve;
import org.facsflow.study.metrics.MetricKey;
import org.facsflow.study.metrics.Signals;
import org.facsflow.study.metrics.VideoSummary;
import org.facsflow.study.stats.TestResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every number of a comparison as CSV text (full precision; empty cells for NaN). Text from the manifest is escaped
 * against formula injection ({@link Csv}). Simulated results start with a comment line saying so.
 * <pre>
 *   stats.csv         one row per tested metric: the permutation test with the interval of the difference, the t
 *                     test with g and its noncentral-t interval, the rank test, q, and where the methods disagree
 *   metrics.csv       one row per recording x metric (long format), with the manifest's covariates as columns
 *   curves.csv        group curves: condition, signal, seconds from onset, mean, band, participants at the point
 *   cooccurrence.csv  per condition and AU pair, the mean share of frames with both present
 *   quality.csv       per recording: frames in the window, without a face, measured, lost; faces; whether included
 * </pre>
 */
final class ComparisonCsv {
    private ComparisonCsv() {
    }

    static String stats(ComparisonResult r) {
        boolean paired = r.design() == Design.WITHIN;
        double alpha = 1 - r.statsSettings().confidence();
        StringBuilder out = start(r, "signal", "signal_name", "statistic", "design", "condition_a", "condition_b",
                "n_a", "n_b", "mean_a", "mean_b", "sd_a", "sd_b", "difference_a_minus_b", "difference_low",
                "difference_high", "permutation_test", "p_permutation", "smallest_possible_p", "q_bh", "significant",
                "t_test", "t", "df", "p_t", "effect", "d", "g", "g_low", "g_high", "rank_test", "rank_statistic",
                "p_rank", "rank_biserial_r", "higher_in_a", "higher_in_b", "methods_disagree", "note");
        for (MetricTest t : r.tests()) {
            TestResult x = t.result();
            int s = Signals.index(t.key().signal());
            line(out, t.key().signal(), s < 0 ? "" : Signals.title(s), t.key().statistic(), r.design().label(), r.a(),
                    r.b(), x.nA(), x.nB(), x.meanA(), x.meanB(), x.sdA(), x.sdB(), x.difference(),
                    x.differenceInterval().low(), x.differenceInterval().high(), paired ? "sign-flip" : "label shuffle",
                    x.pPermutation(), x.smallestP(), t.q(), t.significant(r.statsSettings().fdr()),
                    paired ? "paired t" : "Welch t", x.t(), x.df(), x.pT(), paired ? "d_z / Hedges g_z" : "Cohen d / Hedges g",
                    x.d(), x.g(), x.gInterval().low(), x.gInterval().high(),
                    paired ? "Wilcoxon signed-rank (W+)" : "Mann-Whitney U (U of a)", x.rankStatistic(), x.pRank(), x.r(),
                    paired && x.tested() ? x.higherInA() : null, paired && x.tested() ? x.higherInB() : null,
                    x.disagreement(alpha), x.note());
        }
        return out.toString();
    }

    static String metrics(ComparisonResult r) {
        Set<String> covariates = new LinkedHashSet<>();
        r.videos().forEach(v -> covariates.addAll(v.recording().covariates().keySet()));
        List<Object> header = new ArrayList<>(List.of("video_id", "participant", "condition", "included", "signal",
                "statistic", "value"));
        for (String c : covariates) header.add(header.contains(c) ? "covariate_" + c : c);
        StringBuilder out = start(r, header.toArray());
        for (VideoSummary v : r.videos()) {
            Recording rec = v.recording();
            for (Map.Entry<MetricKey, Double> m : v.metrics().entrySet()) {
                List<Object> row = new ArrayList<>(List.of(rec.id(), rec.participant(), rec.condition(),
                        r.included().contains(rec.id()), m.getKey().signal(), m.getKey().statistic(), m.getValue()));
                for (String c : covariates) row.add(rec.covariates().getOrDefault(c, ""));
                line(out, row.toArray());
            }
        }
        return out.toString();
    }

    static String curves(ComparisonResult r) {
        StringBuilder out = start(r, "condition", "signal", "seconds", "mean", "low", "high", "n");
        for (var group : List.of(Map.entry(r.a(), r.curvesA()), Map.entry(r.b(), r.curvesB())))
            for (Map.Entry<String, GroupCurve> e : group.getValue().entrySet()) {
                GroupCurve c = e.getValue();
                for (int k = 0; k < c.length(); k++)
                    line(out, group.getKey(), e.getKey(), c.seconds()[k], c.mean()[k], c.low()[k], c.high()[k], c.n()[k]);
            }
        return out.toString();
    }

    static String coOccurrence(ComparisonResult r) {
        StringBuilder out = start(r, "condition", "au_a", "au_b", "share");
        for (var group : List.of(Map.entry(r.a(), r.coOccurrenceA()), Map.entry(r.b(), r.coOccurrenceB())))
            for (int i = 0; i < Signals.AU_COUNT; i++)
                for (int j = 0; j < Signals.AU_COUNT; j++)
                    line(out, group.getKey(), Signals.name(i), Signals.name(j), group.getValue()[i][j]);
        return out.toString();
    }

    static String quality(ComparisonResult r) {
        StringBuilder out = start(r, "video_id", "participant", "condition", "included",
                "frames_decoded", "frames_no_face", "frames_measured", "frames_lost", "lost_share", "faces_seen");
        for (VideoSummary v : r.videos()) {
            FrameQuality q = v.quality();
            line(out, v.recording().id(), v.recording().participant(), v.recording().condition(),
                    r.included().contains(v.recording().id()), q.framesDecoded(), q.framesNoFace(), q.framesMeasured(),
                    q.framesLost(), q.lostShare(), q.facesSeen());
        }
        return out.toString();
    }

    /** The header line, after a comment line for simulated results ("# SIMULATED DATA: ..."). */
    private static StringBuilder start(ComparisonResult r, Object... header) {
        StringBuilder out = new StringBuilder();
        if (r.provenance().simulated()) out.append("# ").append(r.provenance().simulatedWarning()).append('\n');
        return line(out, header);
    }

    private static StringBuilder line(StringBuilder out, Object... cells) {
        return out.append(Csv.line(cells)).append('\n');
    }
}
