package org.facsflow.study;

import org.facsflow.study.compare.ComparisonResult;
import org.facsflow.study.compare.MetricTest;
import org.facsflow.study.compare.StudyComparison;
import org.facsflow.study.metrics.MetricKey;
import org.facsflow.study.metrics.MetricSettings;
import org.facsflow.study.metrics.Signals;
import org.facsflow.study.stats.StatsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Simulated studies end to end: run, store, metrics, tests, FDR, summary. A planted effect is found; none is invented. */
class StudyAnalysisTest {
    @TempDir
    Path dir;

    static ComparisonResult analyse(Path dir, int participants, Design design, double smileRatio, long seed) throws Exception {
        StudyManifest manifest = TestStudies.simulate(dir, participants, design, smileRatio, seed);
        TestStudies.run(manifest, dir.resolve("study"));
        return new StudyComparison(MetricSettings.DEFAULT, StatsSettings.DEFAULT)
                .compare(StudyData.open(dir.resolve("study")), "AdA", "AdB");
    }

    static MetricTest test(ComparisonResult r, MetricKey key) {
        return r.tests().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aPlantedWithinSubjectSmileEffectIsFound() throws Exception {
        ComparisonResult r = analyse(dir, 12, Design.WITHIN, 0.4, 11);
        MetricTest au12 = test(r, MetricKey.of(Signals.AU12, MetricKey.MEAN));
        assertThat(au12.q()).isLessThan(0.05);
        assertThat(au12.result().g()).isPositive();
        assertThat(au12.result().gLow()).isPositive();
        assertThat(au12.result().nA()).isEqualTo(12);
        assertThat(r.summary().get(0)).contains(" tested metrics differed between AdA and AdB after correction")
                .contains("Higher in AdA than in AdB: ")
                .contains("mean intensity of AU12 (Lip Corner Puller, smiling) (g_z = ");
        assertThat(r.summary().get(1)).startsWith("The sample is small: n = 12 participants");
        assertThat(r.tests()).hasSize(2 * 25 + 3);                       // mean and peak per AU, 2 summaries, valence
        // Benjamini-Hochberg bounds the expected share of false discoveries, not their number: of the discoveries,
        // those among the AUs the simulation treats alike in both conditions must be a small share.
        List<MetricTest> found = r.tests().stream().filter(t -> t.significant(0.05)).toList();
        long falseFound = found.stream().filter(t -> !t.key().signal().matches("AU(6|12|25)|valence|AU6\\+AU12")).count();
        assertThat(found).hasSizeGreaterThanOrEqualTo(5);
        assertThat((double) falseFound / found.size()).isLessThanOrEqualTo(0.2);
    }

    @Test
    void aNullStudyShowsNoDifference() throws Exception {
        ComparisonResult r = analyse(dir, 12, Design.WITHIN, 1.0, 12);
        assertThat(r.significantCount()).isZero();
        assertThat(r.summary().get(0)).startsWith("No difference between AdA and AdB survived correction");
        assertThat(r.summary().get(1)).startsWith("The smallest uncorrected p was for ").endsWith("a lead for a new study, not a finding.");
        assertThat(r.summary().get(2)).contains("only effects of about g_z = 0.81 or larger"); // 2.80 / sqrt(12)
    }

    @Test
    void aPlantedBetweenSubjectEffectIsFoundWithIndependentTests() throws Exception {
        ComparisonResult r = analyse(dir, 15, Design.BETWEEN, 0.3, 13);
        assertThat(r.design()).isEqualTo(Design.BETWEEN);
        MetricTest au12 = test(r, MetricKey.of(Signals.AU12, MetricKey.MEAN));
        assertThat(au12.result().nA()).isEqualTo(15);
        assertThat(au12.result().nB()).isEqualTo(15);
        assertThat(au12.q()).isLessThan(0.05);
        assertThat(au12.result().g()).isPositive();
        assertThat(r.summary().get(0)).contains("mean intensity of AU12 (Lip Corner Puller, smiling) (g = ");
    }
}
