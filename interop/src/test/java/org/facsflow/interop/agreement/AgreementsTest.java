package org.facsflow.interop.agreement;

import org.facsflow.facs.ActionUnit;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.EventLabels;
import org.facsflow.interop.convert.Conversions;
import org.facsflow.interop.read.CodingFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each measure against values worked out by hand (shown in the comments). F1 and kappa were also checked with
 * scikit-learn 1.2.1 (Debian's python3-sklearn): {@code f1_score} and {@code cohen_kappa_score} on the same series
 * give the values asserted here to the last digit shown.
 */
class AgreementsTest {
    @TempDir
    Path dir;

    @Test
    void kappaOfTheTextbookExample() {
        // Cohen's kappa, the worked "simple example" of the Wikipedia article: 50 items, both yes 20, A yes B no 5,
        // A no B yes 10, both no 15. p_o = 35/50 = 0.7; P(A yes) = 0.5, P(B yes) = 0.6;
        // p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4 (sklearn: 0.4)
        assertThat(CohenKappa.of(20, 5, 10, 15)).isCloseTo(0.4, within(1e-12));
        assertThat(CohenKappa.of(0, 0, 0, 10)).as("both constant and equal: undefined").isNaN();
    }

    /**
     * 20 frames at 10 fps (frame f at (f - 1) / 10 s). AU12 presence: reference frames 3-8 and 14-16, prediction
     * 4-9 and 20. AU06 intensity on frames 1-10: reference 0 0 1 2 3 3 2 1 0 0, prediction 0 1 1 2 2 3 3 1 0 0,
     * 0 on frames 11-20 for both.
     */
    private AuTable[] pair() throws IOException {
        StringBuilder ref = new StringBuilder("frame,timestamp,AU12,AU06_r\n"), pred = new StringBuilder(ref);
        int[] x6 = {0, 0, 1, 2, 3, 3, 2, 1, 0, 0}, y6 = {0, 1, 1, 2, 2, 3, 3, 1, 0, 0};
        for (int f = 1; f <= 20; f++) {
            boolean r = (f >= 3 && f <= 8) || (f >= 14 && f <= 16), p = (f >= 4 && f <= 9) || f == 20;
            ref.append(f).append(',').append((f - 1) / 10.0).append(',').append(r ? 1 : 0).append(',').append(f <= 10 ? x6[f - 1] : 0).append('\n');
            pred.append(f).append(',').append((f - 1) / 10.0).append(',').append(p ? 1 : 0).append(',').append(f <= 10 ? y6[f - 1] : 0).append('\n');
        }
        Files.writeString(dir.resolve("ref.csv"), ref);
        Files.writeString(dir.resolve("pred.csv"), pred);
        return new AuTable[]{CodingFiles.readTable(dir.resolve("ref.csv")), CodingFiles.readTable(dir.resolve("pred.csv"))};
    }

    @Test
    void frameAndEventMeasuresAgainstHandCounts() throws IOException {
        AuTable[] t = pair();
        List<CodeAgreement> rows = Agreements.compare(t[0], t[1], 10, 0.5, Bootstrap.DEFAULT);
        assertThat(rows).extracting(CodeAgreement::au).containsExactly(ActionUnit.AU6, ActionUnit.AU12);

        // AU12: TP frames 4-8 = 5, FN 3, 14, 15, 16 = 4, FP 9, 20 = 2, TN 9.
        // F1 = 2*5 / (2*5 + 2 + 4) = 0.625. kappa: p_o = 14/20 = 0.7, P(ref) = 9/20, P(pred) = 7/20,
        // p_e = 0.45*0.35 + 0.55*0.65 = 0.515, kappa = (0.7 - 0.515) / 0.485 = 0.381443...
        // Events: reference 0.2-0.7 s and 1.3-1.5 s; prediction 0.3-0.8 s (both ends 0.1 s off: matched) and
        // 1.9-1.9 s (onset 0.6 s off: not within 0.5 s). Event F1 = 2*1 / (2 + 2) = 0.5.
        // sklearn: f1_score 0.6250000000000001, cohen_kappa_score 0.38144329896907214.
        CodeAgreement au12 = rows.get(1);
        assertThat(au12.frames()).isEqualTo(20);
        assertThat(au12.referencePresent()).isEqualTo(9);
        assertThat(au12.predictedPresent()).isEqualTo(7);
        assertThat(au12.f1()).isCloseTo(0.625, within(1e-12));
        assertThat(au12.kappa()).isCloseTo(0.185 / 0.485, within(1e-12));
        assertThat(au12.icc()).as("presence only").isNaN();
        assertThat(List.of(au12.referenceEvents(), au12.predictedEvents(), au12.matchedEvents())).containsExactly(2, 2, 1);
        assertThat(au12.eventF1()).isCloseTo(0.5, within(1e-12));
        assertThat(au12.units()).as("events less than twice the tolerance apart form one cluster").isEqualTo(1);
        assertThat(au12.f1Interval().low()).as("no interval from one stretch").isNaN();

        // AU06: for two raters ICC(3,1) = 2 S_xy / (S_xx + S_yy) (the two-way ANOVA form reduces to it). Over the 20
        // frames: sum x = 12, sum y = 13, sum x^2 = 28, sum y^2 = 29, sum xy = 27, so S_xx = 28 - 12^2/20 = 20.8,
        // S_yy = 29 - 13^2/20 = 20.55, S_xy = 27 - 12*13/20 = 19.2, ICC = 38.4 / 41.35 = 0.928658.
        // Presence from intensity >= 1: reference 6 frames, prediction 7, TP 6, FP 1, TN 13 -> F1 = 12/13;
        // kappa: p_o = 19/20, p_e = 0.3*0.35 + 0.7*0.65 = 0.56, (0.95 - 0.56) / 0.44 = 0.886364 (sklearn:
        // 0.8863636363636364).
        CodeAgreement au6 = rows.get(0);
        assertThat(au6.intensityFrames()).isEqualTo(20);
        assertThat(au6.icc()).isCloseTo(38.4 / 41.35, within(1e-12));
        assertThat(au6.f1()).isCloseTo(12.0 / 13, within(1e-12));
        assertThat(au6.kappa()).isCloseTo(0.39 / 0.44, within(1e-12));
        assertThat(List.of(au6.referenceEvents(), au6.predictedEvents(), au6.matchedEvents())).containsExactly(1, 1, 1);
    }

    @Test
    void eventResampledIntervalsAreReproducibleAndBracketTheEstimate() throws IOException {
        // 12 expressions of AU12 over 60 s at 10 fps; the prediction is late by 0.1-0.4 s and misses every fourth
        StringBuilder ref = new StringBuilder("frame,AU12\n"), pred = new StringBuilder(ref);
        for (int f = 1; f <= 600; f++) {
            int second = (f - 1) / 10;
            int within = (f - 1) % 50;
            int event = (f - 1) / 50;
            boolean r = within >= 10 && within < 30;
            int lag = 1 + event % 4;
            boolean p = event % 4 != 3 && within >= 10 + lag && within < 30 + lag;
            ref.append(f).append(',').append(r ? 1 : 0).append('\n');
            pred.append(f).append(',').append(p ? 1 : 0).append('\n');
            assertThat(second).isLessThan(60);
        }
        Files.writeString(dir.resolve("r.csv"), ref);
        Files.writeString(dir.resolve("p.csv"), pred);
        AuTable a = CodingFiles.readTable(dir.resolve("r.csv")), b = CodingFiles.readTable(dir.resolve("p.csv"));
        CodeAgreement first = Agreements.compare(a, b, 10, 0.5, Bootstrap.DEFAULT).get(0);
        CodeAgreement again = Agreements.compare(a, b, 10, 0.5, Bootstrap.DEFAULT).get(0);
        assertThat(first).isEqualTo(again);
        assertThat(first.units()).isEqualTo(12);
        assertThat(List.of(first.referenceEvents(), first.predictedEvents(), first.matchedEvents())).containsExactly(12, 9, 9);
        assertThat(first.eventF1()).isCloseTo(18.0 / 21, within(1e-12));
        for (double[] v : new double[][]{{first.f1(), first.f1Interval().low(), first.f1Interval().high()},
                {first.kappa(), first.kappaInterval().low(), first.kappaInterval().high()},
                {first.eventF1(), first.eventF1Interval().low(), first.eventF1Interval().high()}}) {
            assertThat(v[1]).isLessThan(v[0]);
            assertThat(v[2]).isGreaterThan(v[0]).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void interCoderAgreementOfTwoEafFiles() throws IOException {
        // Coder 1: AU12 1.0-2.0 s (C) and 4.0-5.0 s (B); coder 2: AU12 1.2-2.1 s (C) and 7.0-7.5 s (A).
        Path c1 = eaf("c1.eaf", new long[][]{{1000, 2000}, {4000, 5000}}, new String[]{"C", "B"});
        Path c2 = eaf("c2.eaf", new long[][]{{1200, 2100}, {7000, 7500}}, new String[]{"C", "A"});
        EventLabels l1 = CodingFiles.readEvents(c1), l2 = CodingFiles.readEvents(c2);
        AuTable grid = Conversions.frames(l2.end() > l1.end() ? l2 : l1, 10, c1);
        CodeAgreement au12 = Agreements.compare(Conversions.framesAt(l1, grid, 10), Conversions.framesAt(l2, grid, 10),
                10, 0.5, Bootstrap.DEFAULT).get(0);
        // 75 frames at 10 fps (0.0-7.4 s). Coder 1 present on 1.0-1.9 and 4.0-4.9 (20 frames); coder 2 on 1.2-2.0
        // and 7.0-7.4 (14 frames). Both: 1.2-1.9 = 8 frames. F1 = 16 / (20 + 14) = 0.470588.
        // kappa: p_o = (8 + 49) / 75 = 0.76, p_e = (20*14 + 55*61) / 75^2 = 0.6462222, kappa = 0.321608 (sklearn:
        // f1_score 0.47058823529411764, cohen_kappa_score 0.321608040201005).
        // Intensities (C = 3, B = 2, A = 1, 0 elsewhere) over all 75 frames; events: (1.0-1.9) matches (1.2-2.0).
        assertThat(au12.frames()).isEqualTo(75);
        assertThat(au12.referencePresent()).isEqualTo(20);
        assertThat(au12.predictedPresent()).isEqualTo(14);
        assertThat(au12.f1()).isCloseTo(16.0 / 34, within(1e-12));
        assertThat(au12.kappa()).isCloseTo(0.321608040201005, within(1e-12));
        assertThat(au12.intensityFrames()).isEqualTo(75);
        assertThat(au12.matchedEvents()).isEqualTo(1);
        assertThat(au12.eventF1()).isCloseTo(0.5, within(1e-12));
    }

    private Path eaf(String name, long[][] times, String[] letters) throws IOException {
        StringBuilder slots = new StringBuilder(), annotations = new StringBuilder();
        for (int i = 0; i < times.length; i++) {
            slots.append("<TIME_SLOT TIME_SLOT_ID=\"ts").append(2 * i + 1).append("\" TIME_VALUE=\"").append(times[i][0]).append("\"/>")
                    .append("<TIME_SLOT TIME_SLOT_ID=\"ts").append(2 * i + 2).append("\" TIME_VALUE=\"").append(times[i][1]).append("\"/>");
            annotations.append("<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a").append(i + 1)
                    .append("\" TIME_SLOT_REF1=\"ts").append(2 * i + 1).append("\" TIME_SLOT_REF2=\"ts").append(2 * i + 2)
                    .append("\"><ANNOTATION_VALUE>").append(letters[i]).append("</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>");
        }
        Path file = dir.resolve(name);
        Files.writeString(file, "<ANNOTATION_DOCUMENT AUTHOR=\"\" DATE=\"2026-01-01T00:00:00Z\" FORMAT=\"3.0\" VERSION=\"3.0\">"
                + "<HEADER TIME_UNITS=\"milliseconds\"/><TIME_ORDER>" + slots + "</TIME_ORDER>"
                + "<TIER TIER_ID=\"AU12\" LINGUISTIC_TYPE_REF=\"lt\">" + annotations + "</TIER>"
                + "<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID=\"lt\" TIME_ALIGNABLE=\"true\"/></ANNOTATION_DOCUMENT>");
        return file;
    }
}
