package org.facsflow.study.compare;

import org.facsflow.study.Design;
import org.facsflow.study.Recording;
import org.facsflow.study.StudyData;
import org.facsflow.study.metrics.GroupCurve;
import org.facsflow.study.metrics.MetricKey;
import org.facsflow.study.metrics.MetricSettings;
import org.facsflow.study.metrics.Signals;
import org.facsflow.study.metrics.StudyMetrics;
import org.facsflow.study.metrics.VideoSummary;
import org.facsflow.study.stats.BenjaminiHochberg;
import org.facsflow.study.stats.ConditionTest;
import org.facsflow.study.stats.StatsSettings;
import org.facsflow.study.stats.TestResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two conditions of a study.
 * <ul>
 *   <li>Recordings that failed, or in which the participant's face was never measured, are left out and listed.
 *       Within-subject, a participant counts only with usable recordings of both conditions (pairs); a metric a
 *       participant lacks (e.g. valence) drops that pair, or that value, from that metric's test only.</li>
 *   <li>Primary test: a permutation test of the mean difference (sign-flip for paired data, label shuffle for
 *       independent groups), with the interval of the difference that inverts it; t and rank tests are reported
 *       beside it (see {@link org.facsflow.study.stats.TestResult}). Its p-values are corrected
 *       (Benjamini-Hochberg) over the tested family: mean and peak of every AU, time with positive expression, smile
 *       episodes and, when measured, mean valence and arousal and the voice's four metrics (speaking share; level, pitch
 *       and rate while speaking). Time to peak and presence are descriptive only.</li>
 *   <li>Simulated recordings anywhere in the two conditions mark the whole result simulated ({@link Provenance}).</li>
 *   <li>Recordings coded by different sources (the pipeline, another tool's files) are not compared at all.</li>
 *   <li>Group curves of every AU, and of each other signal some recording measured, on the common grid, cut to the
 *       shortest analysed window.</li>
 * </ul>
 */
public final class StudyComparison {
    private final StudyMetrics metrics;
    private final StatsSettings settings;

    public StudyComparison(MetricSettings metricSettings, StatsSettings settings) {
        this.metrics = new StudyMetrics(metricSettings);
        this.settings = settings;
    }

    public ComparisonResult compare(StudyData study, String a, String b) throws IOException {
        List<String> conditions = study.conditions();
        for (String c : List.of(a, b))
            if (!conditions.contains(c)) throw new IllegalArgumentException("no condition '" + c + "' in the study; it has "
                    + String.join(", ", conditions));
        if (a.equals(b)) throw new IllegalArgumentException("compare two different conditions, not " + a + " with itself");

        List<String> leftOut = new ArrayList<>();
        List<Recording> stored = new ArrayList<>();
        boolean simulated = false;
        for (StudyData.StoredVideo v : study.videos()) {
            Recording r = v.recording();
            if (!r.condition().equals(a) && !r.condition().equals(b)) continue;
            simulated |= v.simulated();
            if (v.complete()) stored.add(r);
            else leftOut.add(r.participant() + " " + r.condition() + ": extraction failed (" + v.reason() + ")");
        }
        requireOneSource(study, a, b);
        List<VideoSummary> videos = study.summaries(stored, metrics);
        List<VideoSummary> usable = new ArrayList<>();
        for (VideoSummary v : videos) {
            if (v.measured()) usable.add(v);
            else leftOut.add(v.recording().participant() + " " + v.recording().condition() + ": face never measured");
        }
        Design design = study.design();
        List<VideoSummary> inA = of(usable, a), inB = of(usable, b);
        if (design == Design.WITHIN) {
            Set<String> both = participants(inA);
            both.retainAll(participants(inB));
            for (VideoSummary v : concat(inA, inB))
                if (!both.contains(v.recording().participant()))
                    leftOut.add(v.recording().participant() + ": no usable recording of "
                            + (v.recording().condition().equals(a) ? b : a) + ", so no pair");
            inA = inA.stream().filter(v -> both.contains(v.recording().participant())).toList();
            inB = inB.stream().filter(v -> both.contains(v.recording().participant())).toList();
        }
        Set<String> included = concat(inA, inB).stream().map(v -> v.recording().id()).collect(Collectors.toCollection(LinkedHashSet::new));

        List<MetricTest> tests = test(design, inA, inB, family(usable));
        int length = concat(inA, inB).stream().mapToInt(v -> v.curves()[0].length).min().orElse(0);
        boolean[] measured = new boolean[Signals.COUNT];
        for (int s = 0; s < Signals.COUNT; s++) {
            int signal = s;
            measured[s] = s < Signals.AU_COUNT || usable.stream().anyMatch(v -> v.measured(signal));
        }
        ComparisonResult result = new ComparisonResult(a, b, design, tests, curves(inA, length, measured),
                curves(inB, length, measured), meanCoOccurrence(inA), meanCoOccurrence(inB), videos, included, leftOut,
                metrics.settings(), settings, Provenance.now(simulated), List.of());
        return withSummary(result, PlainSummary.of(result));
    }

    /**
     * Refuses to compare recordings coded by different tools (the pipeline, OpenFace's file, FaceReader's...): their
     * AU scales differ, so a difference between the conditions could be the tools'. The source is the part of the
     * extractor's description before its first colon ("facsflow pipeline", "coded by OpenFace").
     */
    private static void requireOneSource(StudyData study, String a, String b) {
        Map<String, Long> sources = study.videos().stream()
                .filter(v -> v.complete() && v.extractor() != null
                        && (v.recording().condition().equals(a) || v.recording().condition().equals(b)))
                .collect(Collectors.groupingBy(v -> v.extractor().split(":", 2)[0], TreeMap::new, Collectors.counting()));
        if (sources.size() > 1)
            throw new IllegalArgumentException("the recordings of " + a + " and " + b + " were coded by different "
                    + "sources (" + sources.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", ")) + "), whose AU scales differ, so a difference could be the "
                    + "tools'; compare recordings of one source, or put the tools side by side with 'facsflow validate'");
    }

    /** The tested metrics (see class comment). */
    static List<MetricKey> family(List<VideoSummary> videos) {
        List<MetricKey> keys = new ArrayList<>();
        for (int au = 0; au < Signals.AU_COUNT; au++) {
            // An AU no recording measured (an experimental one the extractor leaves out) is no test of the family.
            MetricKey mean = MetricKey.of(au, MetricKey.MEAN);
            if (videos.stream().allMatch(v -> Double.isNaN(v.metric(mean)))) continue;
            keys.add(mean);
            keys.add(MetricKey.of(au, MetricKey.PEAK));
        }
        keys.add(new MetricKey(MetricKey.POSITIVE_PAIR, MetricKey.POSITIVE_SECONDS));
        keys.add(MetricKey.of(Signals.AU12, MetricKey.SMILE_EPISODES));
        for (int s = Signals.AU_COUNT; s < Signals.COUNT; s++) {
            MetricKey key = StudyMetrics.headline(s);
            if (videos.stream().anyMatch(v -> !Double.isNaN(v.metric(key)))) keys.add(key);
        }
        return keys;
    }

    private List<MetricTest> test(Design design, List<VideoSummary> inA, List<VideoSummary> inB, List<MetricKey> keys) {
        ConditionTest tester = new ConditionTest(settings);
        List<TestResult> results = new ArrayList<>();
        Map<String, VideoSummary> bByParticipant = inB.stream()
                .collect(Collectors.toMap(v -> v.recording().participant(), Function.identity()));
        for (MetricKey key : keys) {
            if (design == Design.WITHIN) {
                List<double[]> pairs = new ArrayList<>();
                for (VideoSummary va : inA) {
                    double x = va.metric(key), y = bByParticipant.get(va.recording().participant()).metric(key);
                    if (!Double.isNaN(x) && !Double.isNaN(y)) pairs.add(new double[]{x, y});
                }
                results.add(tester.paired(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                        pairs.stream().mapToDouble(p -> p[1]).toArray()));
            } else {
                results.add(tester.independent(values(inA, key), values(inB, key)));
            }
        }
        double[] q = BenjaminiHochberg.adjust(results.stream().mapToDouble(TestResult::pPermutation).toArray());
        List<MetricTest> tests = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) tests.add(new MetricTest(keys.get(i), results.get(i), q[i]));
        return tests;
    }

    private Map<String, GroupCurve> curves(List<VideoSummary> group, int length, boolean[] measured) {
        Map<String, GroupCurve> curves = new LinkedHashMap<>();
        for (int s = 0; s < Signals.COUNT; s++) {
            if (!measured[s]) continue;
            int signal = s;
            List<double[]> each = group.stream().map(v -> Arrays.copyOf(v.curves()[signal], length)).toList();
            curves.put(Signals.name(s), GroupCurve.of(each, metrics.settings().gridHz(), settings.bootstrapResamples(),
                    settings.confidence(), settings.seed()));
        }
        return curves;
    }

    private static double[][] meanCoOccurrence(List<VideoSummary> group) {
        double[][] mean = new double[Signals.AU_COUNT][Signals.AU_COUNT];
        for (VideoSummary v : group)
            for (int i = 0; i < mean.length; i++)
                for (int j = 0; j < mean.length; j++) mean[i][j] += v.coOccurrence()[i][j] / group.size();
        return mean;
    }

    private static double[] values(List<VideoSummary> group, MetricKey key) {
        return group.stream().mapToDouble(v -> v.metric(key)).filter(x -> !Double.isNaN(x)).toArray();
    }

    private static List<VideoSummary> of(List<VideoSummary> videos, String condition) {
        return videos.stream().filter(v -> v.recording().condition().equals(condition)).toList();
    }

    private static Set<String> participants(List<VideoSummary> videos) {
        return videos.stream().map(v -> v.recording().participant()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static List<VideoSummary> concat(List<VideoSummary> x, List<VideoSummary> y) {
        List<VideoSummary> all = new ArrayList<>(x);
        all.addAll(y);
        return all;
    }

    private static ComparisonResult withSummary(ComparisonResult r, List<String> summary) {
        return new ComparisonResult(r.a(), r.b(), r.design(), r.tests(), r.curvesA(), r.curvesB(), r.coOccurrenceA(),
                r.coOccurrenceB(), r.videos(), r.included(), r.leftOut(), r.metricSettings(), r.statsSettings(),
                r.provenance(), summary);
    }
}
