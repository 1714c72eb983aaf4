package org.facsflow.study.compare;

import org.facsflow.study.Design;
import org.facsflow.study.metrics.GroupCurve;
import org.facsflow.study.metrics.MetricKey;
import org.facsflow.study.metrics.MetricSettings;
import org.facsflow.study.metrics.Signals;
import org.facsflow.study.metrics.VideoSummary;
import org.facsflow.study.stats.StatsSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything {@code facsflow study compare} found, for the summary, the CSVs and the report.
 *
 * @param a             the first condition (differences are a minus b)
 * @param b             the second condition
 * @param design        within- (paired tests) or between-subject (independent groups)
 * @param tests         the tested family, in a fixed order: per AU mean and peak, positive-expression time, smile
 *                      episodes, then mean valence, arousal and the voice's metrics where measured
 * @param curvesA       group curves of a, by signal name ("AU12", "valence")
 * @param curvesB       group curves of b
 * @param coOccurrenceA mean over a's participants of the share of frames with both AUs present
 * @param coOccurrenceB the same for b
 * @param videos        every recording of the two conditions that had frames, whether or not it was included
 * @param included      the video ids the tests used
 * @param leftOut       a line per recording or participant left out, with the reason
 * @param metricSettings thresholds behind the metrics
 * @param statsSettings  resampling settings
 * @param provenance    version, date, and whether the data were simulated
 * @param summary       the plain-language summary, one paragraph per entry, the verdict first
 */
public record ComparisonResult(String a, String b, Design design, List<MetricTest> tests,
                               Map<String, GroupCurve> curvesA, Map<String, GroupCurve> curvesB,
                               double[][] coOccurrenceA, double[][] coOccurrenceB, List<VideoSummary> videos,
                               Set<String> included, List<String> leftOut, MetricSettings metricSettings,
                               StatsSettings statsSettings, Provenance provenance, List<String> summary) {
    /**
     * The measures shown right after the verdict: smiling (AU12 mean), time with positive expression (AU6 and AU12
     * together), frowning (AU4 mean), and mean valence where measured, else the number of smiles.
     */
    static final List<MetricKey> KEY_MEASURES = List.of(MetricKey.of(Signals.AU12, MetricKey.MEAN),
            new MetricKey(MetricKey.POSITIVE_PAIR, MetricKey.POSITIVE_SECONDS), MetricKey.of(Signals.AU4, MetricKey.MEAN),
            MetricKey.of(Signals.VALENCE, MetricKey.MEAN), MetricKey.of(Signals.AU12, MetricKey.SMILE_EPISODES));

    /** Participants in a and in b that the tests used (for paired designs, the pairs). */
    public int participants(String condition) {
        return (int) videos.stream().filter(v -> included.contains(v.recording().id())
                && v.recording().condition().equals(condition)).count();
    }

    public long significantCount() {
        return tests.stream().filter(t -> t.significant(statsSettings.fdr())).count();
    }

    /** The 3-4 key measures, in the order of {@link #KEY_MEASURES}: four of them, valence or else smiles last. */
    public List<MetricTest> keyMeasures() {
        List<MetricTest> out = new ArrayList<>();
        for (MetricKey key : KEY_MEASURES)
            tests.stream().filter(t -> t.key().equals(key)).findFirst().ifPresent(out::add);
        return out.subList(0, Math.min(4, out.size()));
    }
}
