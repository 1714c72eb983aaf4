package org.facsflow.study;

import org.facsflow.study.compare.ComparisonResult;
import org.facsflow.study.compare.MetricTest;
import org.facsflow.study.compare.PlainSummary;
import org.facsflow.study.compare.StudyComparison;
import org.facsflow.study.metrics.MetricKey;
import org.facsflow.study.metrics.MetricSettings;
import org.facsflow.study.metrics.Signals;
import org.facsflow.study.report.StudyReport;
import org.facsflow.study.stats.StatsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
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
        assertThat(au12.result().gInterval().low()).isPositive();
        assertThat(au12.result().nA()).isEqualTo(12);
        // the verdict first: which ad drew more of what, then sizes with intervals and how many people it held for
        assertThat(PlainSummary.headline(r.summary().get(0))).startsWith("AdA drew more ").contains("smiling (AU12 Lip Corner Puller)");
        assertThat(r.summary().get(0)).contains("intensity of AU12 (Lip Corner Puller, smiling): ", " points on the 0-5 intensity scale more with AdA (95% interval ",
                        " participants showed more with AdA", "difference (g_z = ")
                .containsPattern("None of the other \\d+ measures differed after correction for testing 53\\.$");
        assertThat(r.summary().get(1)).startsWith("The sample is small: n = 12 participants");
        assertThat(au12.result().differenceInterval().low()).isPositive();
        assertThat(r.keyMeasures()).extracting(t -> t.key().label()).containsExactly("AU12 Lip Corner Puller, mean",
                "AU6+AU12 positive expression, seconds", "AU4 Brow Lowerer, mean", "valence, mean");
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
        assertThat(r.summary().get(0)).startsWith("No clear difference: neither AdA nor AdB drew measurably more");
        assertThat(r.summary().get(1)).startsWith("The smallest uncorrected p was for ").endsWith("a lead for a new study, not a finding.");
        // 80% power at 12 pairs from the noncentral t (scipy: 0.8887); the normal approximation said 2.80 / sqrt(12) = 0.81
        assertThat(r.summary().get(2)).contains("only effects of about g_z = 0.89 or larger");
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
        assertThat(PlainSummary.headline(r.summary().get(0))).startsWith("AdA drew more ").contains("smiling (AU12 Lip Corner Puller)");
        assertThat(r.summary().get(0)).contains("a random AdA viewer showed more than a random AdB viewer in ", "difference (g = ");
    }

    @Test
    void threePairsGetNoVerdictAndNoNonsenseNumbers() throws Exception {
        // At 3 pairs the report printed effect-size intervals like [-3.3e15, 0.38] and an exact p of 1.030
        ComparisonResult r = analyse(dir, 3, Design.WITHIN, 0.5, 4);
        assertThat(r.summary().get(0)).startsWith("No verdict possible: with 3 participants")
                .contains("the smallest p the permutation test can give here is 0.250");
        assertThat(String.join(" ", r.summary())).contains("With fewer than 6 pairs the permutation test cannot give p < 0.05");
        for (MetricTest t : r.tests()) {
            var x = t.result();
            assertThat(x.differenceInterval().bounded()).as(t.key().label()).isFalse();
            assertThat(x.gInterval().bounded()).as(t.key().label()).isTrue();
            assertThat(Math.abs(x.gInterval().low()) + Math.abs(x.gInterval().high())).as(t.key().label()).isLessThan(100);
            assertThat(List.of(x.pPermutation(), x.pT(), x.pRank(), t.q())).allMatch(p -> p >= 0 && p <= 1);
        }
        String table = StudyReport.consoleTable(r);
        assertThat(table).contains("[no interval: too few participants]").doesNotContainPattern("\\d[eE][+-]?\\d");
    }

    @Test
    void manifestTextCannotBecomeASpreadsheetFormula() throws Exception {
        // a covariate and a participant id that a spreadsheet would run as formulas; negative numbers stay numbers
        StudyManifest simulated = TestStudies.simulate(dir, 3, Design.BETWEEN, 0.5, 9);
        Path manifest = simulated.source();
        Files.writeString(manifest, Files.readString(manifest).replace("18-34", "=cmd|' /C calc'!A0")
                .replace("35-54", "-2").replace("p01,", "@p01,"));
        TestStudies.run(StudyManifest.read(manifest), dir.resolve("study"));
        ComparisonResult r = new StudyComparison(MetricSettings.DEFAULT, StatsSettings.DEFAULT)
                .compare(StudyData.open(dir.resolve("study")), "AdA", "AdB");
        Path out = dir.resolve("compare");
        StudyReport.write(r, out, false);
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertThat(metrics).anyMatch(l -> l.endsWith(",\"'=cmd|' /C calc'!A0\""))
                .anyMatch(l -> l.endsWith(",-2"))
                .anyMatch(l -> l.startsWith("\"'-p01_AdA\",\"'@p01\",AdA,true,"))   // ids keep [A-Za-z0-9.-]
                .noneMatch(l -> l.contains(",=") || l.startsWith("@"));
        assertThat(Files.readString(out.resolve("quality.csv"))).contains("\"'-p01_AdA\",\"'@p01\",AdA,");
        // numbers, negative ones included, are written as numbers
        assertThat(Files.readAllLines(out.resolve("stats.csv"))).anyMatch(l -> l.matches(".*,-\\d+\\.\\d+.*"));
    }
}
