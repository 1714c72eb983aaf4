package org.facsflow.study;

import org.facsflow.study.metrics.FrameQuality;
import org.facsflow.study.metrics.GroupCurve;
import org.facsflow.study.metrics.MetricKey;
import org.facsflow.study.metrics.MetricSettings;
import org.facsflow.study.metrics.Signals;
import org.facsflow.study.metrics.StudyMetrics;
import org.facsflow.study.metrics.VideoSeries;
import org.facsflow.study.metrics.VideoSummary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Per-recording metrics on hand-built 10 fps recordings, where every expected value can be counted by hand. */
class MetricsTest {
    private static final Recording RECORDING = new Recording("p1_AdA", "p1", "AdA", Path.of("p1.mp4"), Double.NaN, 1.0, Double.NaN, Map.of());
    private final StudyMetrics metrics = new StudyMetrics(MetricSettings.DEFAULT);

    /** Frame f at f / 10 s, face 0, AU12 and AU6 as given per frame, everything else 0.2. */
    private static StudyFrame frame(int f, double au12, double au6) {
        float[] au = new float[Signals.AU_COUNT];
        Arrays.fill(au, 0.2f);
        au[Signals.AU12] = (float) au12;
        au[Signals.AU6] = (float) au6;
        return new StudyFrame(0, f, f / 10.0, au, true, null);
    }

    private static VideoSeries.Builder series(int from, int to, IntFunction<StudyFrame> frames) {
        VideoSeries.Builder b = VideoSeries.builder(RECORDING);
        for (int f = from; f <= to; f++) b.add(frames.apply(f));
        return b;
    }

    @Test
    void countsEpisodesPositiveTimePeaksAndQuality() {
        // onset 1.0 s: frames 10..30 are the window (21 frames). AU12 = 2 on frames 15..20 (0.6 s: an episode, with a
        // peak of 3 at frame 18) and 25..27 (0.3 s: too short); AU6 = 1.5 on frames 15..17 (0.3 s with both present).
        VideoSeries.Builder b = series(0, 30, f -> frame(f,
                f == 18 ? 3 : (f >= 15 && f <= 20) || (f >= 25 && f <= 27) ? 2 : 0.1,
                f >= 15 && f <= 17 ? 1.5 : 0.1));
        for (int f = 31; f <= 34; f++) b.add(StudyFrame.noFace(f, f / 10.0));
        float[] other = new float[Signals.AU_COUNT];
        for (int f = 20; f <= 24; f++) b.add(new StudyFrame(1, f, f / 10.0, other, true, null));
        VideoSummary s = metrics.summarize(b.build());

        assertThat(s.metric(MetricKey.of(Signals.AU12, MetricKey.SMILE_EPISODES))).isEqualTo(1);
        assertThat(s.metric(new MetricKey(MetricKey.POSITIVE_PAIR, MetricKey.POSITIVE_SECONDS))).isCloseTo(0.3, within(1e-9));
        assertThat(s.metric(MetricKey.of(Signals.AU12, MetricKey.PEAK))).isEqualTo(3);
        assertThat(s.metric(MetricKey.of(Signals.AU12, MetricKey.TIME_TO_PEAK))).isCloseTo(0.8, within(1e-9));
        assertThat(s.metric(MetricKey.of(Signals.AU12, MetricKey.MEAN)))
                .isCloseTo((5 * 2 + 3 + 3 * 2 + 12 * 0.1) / 21, within(1e-6));
        assertThat(s.metric(MetricKey.of(Signals.AU12, MetricKey.PRESENCE))).isCloseTo(9 / 21.0, within(1e-12));
        assertThat(s.metric(MetricKey.of(Signals.VALENCE, MetricKey.MEAN))).isNaN();     // not measured: absent
        assertThat(s.coOccurrence()[Signals.AU6][Signals.AU12]).isCloseTo(3 / 21.0, within(1e-12));
        assertThat(s.coOccurrence()[Signals.AU12][Signals.AU12]).isCloseTo(9 / 21.0, within(1e-12));
        assertThat(s.coOccurrence()[0][0]).isZero();                                       // 0.2: below presence

        // face 0 has 31 successful frames, face 1 five: face 0 is the participant
        assertThat(s.quality()).isEqualTo(new FrameQuality(25, 4, 21, 2, 0));
        assertThat(s.quality().framesLost()).isEqualTo(4);

        double[] au12 = s.curves()[Signals.AU12];
        assertThat(au12).hasSize(21);                                       // 0 .. 2.0 s at 10 Hz
        assertThat(au12[8]).isCloseTo(3, within(1e-6));
        assertThat(au12[0]).isCloseTo(0.1, within(1e-6));
        assertThat(s.curves()[Signals.VALENCE]).containsOnly(Double.NaN);
    }

    @Test
    void aFaceLossLongerThanTheMaximumGapEndsAnEpisodeAndBlanksTheCurve() {
        // AU12 present on frames 10..13 and 20..23 (0.4 s each) with frames 14..19 lost: 0.8 s in all, no episode
        VideoSeries series = series(10, 23, f -> frame(f, 2, 0)).build();
        VideoSeries.Builder b = VideoSeries.builder(RECORDING);
        for (int f = 10; f <= 23; f++) b.add(f >= 14 && f <= 19 ? StudyFrame.noFace(f, f / 10.0) : frame(f, 2, 0));
        VideoSummary gappy = metrics.summarize(b.build());
        assertThat(gappy.metric(MetricKey.of(Signals.AU12, MetricKey.SMILE_EPISODES))).isZero();
        double[] curve = gappy.curves()[Signals.AU12];
        assertThat(curve[1]).isCloseTo(2, within(1e-6));  // 0.1 s after onset = frame 11
        assertThat(curve[6]).isNaN();                       // 0.6 s: inside the 0.7 s hole
        assertThat(curve[11]).isCloseTo(2, within(1e-6));
        assertThat(metrics.summarize(series).metric(MetricKey.of(Signals.AU12, MetricKey.SMILE_EPISODES))).isEqualTo(1);
    }

    @Test
    void anUnmeasurableAuIsLeftOutNotCountedAsZero() {
        // frames 10..13: AU12 = 2, NaN, 4, NaN (the coder could not measure it in two frames)
        double[] au12 = {2, Double.NaN, 4, Double.NaN};
        VideoSummary s = metrics.summarize(series(10, 13, f -> frame(f, au12[f - 10], 0)).build());
        assertThat(s.metric(MetricKey.of(Signals.AU12, MetricKey.MEAN))).isCloseTo(3, within(1e-6));
        assertThat(s.metric(MetricKey.of(Signals.AU12, MetricKey.PEAK))).isEqualTo(4);
        assertThat(s.metric(MetricKey.of(Signals.AU12, MetricKey.PRESENCE))).isEqualTo(1);
        assertThat(s.curves()[Signals.AU12][1]).isNaN();
        VideoSummary never = metrics.summarize(series(10, 13, f -> frame(f, Double.NaN, 0)).build());
        assertThat(never.metric(MetricKey.of(Signals.AU12, MetricKey.PEAK))).isNaN();
        assertThat(never.metric(MetricKey.of(Signals.AU6, MetricKey.MEAN))).isZero();
    }

    @Test
    void groupCurveBandContainsTheMeanAndNarrowsWithAgreement() {
        List<double[]> curves = List.of(new double[]{1, 1, 1}, new double[]{2, 2, 2}, new double[]{3, 3, Double.NaN});
        GroupCurve c = GroupCurve.of(curves, 10, 2000, 0.95, 1);
        assertThat(c.seconds()).containsExactly(0, 0.1, 0.2);
        assertThat(c.mean()[0]).isCloseTo(2, within(1e-12));
        assertThat(c.mean()[2]).isCloseTo(1.5, within(1e-12));
        assertThat(c.n()).containsExactly(3, 3, 2);
        assertThat(c.low()[0]).isLessThan(2).isGreaterThanOrEqualTo(1);
        assertThat(c.high()[0]).isGreaterThan(2).isLessThanOrEqualTo(3);
        GroupCurve same = GroupCurve.of(List.of(new double[]{2}, new double[]{2}), 10, 100, 0.95, 1);
        assertThat(same.low()[0]).isEqualTo(2);
        assertThat(same.high()[0]).isEqualTo(2);
    }
}
