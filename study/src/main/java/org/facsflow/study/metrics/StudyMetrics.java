package org.facsflow.study.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-recording (participant x condition) metrics, from the participant's measured frames in the analysis window
 * (see {@link VideoSeries}); thresholds and gaps as in {@link MetricSettings}. An intensity of NaN (the AU could
 * not be measured in that frame) is left out of that AU's mean, peak and presence, counts as absent for
 * co-occurrence and episodes, and leaves the resampled curve empty where it would be interpolated from.
 * <ul>
 *   <li>per AU: {@code mean} over measured frames, {@code peak} = the largest single-frame intensity (one-frame spikes
 *       count), {@code time_to_peak} = seconds from stimulus onset to the first frame at the peak, {@code presence}
 *       = share of measured frames with the AU present; the same mean/peak/time to peak for valence and arousal
 *       when measured;</li>
 *   <li>the voice, where the recording has speech on the participant's frames: {@code voice_active mean}, the share
 *       of time speaking, and {@code mean_speaking} of level, F0 and syllable rate over the frames with at least
 *       {@link #SPEAKING} voice activity;</li>
 *   <li>{@code AU6+AU12 positive_seconds}: seconds with AU6 and AU12 both present. Each measured frame stands for the
 *       time to the next one, or the typical (median) frame interval where the next is more than the maximum gap
 *       away or for the last frame;</li>
 *   <li>{@code AU12 smile_episodes}: stretches of consecutive measured frames (neighbours at most the maximum gap
 *       apart) with AU12 present, whose time (as above) is at least the minimum smile length;</li>
 *   <li>co-occurrence: for each AU pair, the share of measured frames with both present;</li>
 *   <li>curves: each signal resampled to the grid by linear interpolation between neighbouring measured frames no
 *       more than the maximum gap apart; a grid point within one frame interval of the first or last frame takes
 *       that frame's value; other points are NaN.</li>
 * </ul>
 */
public final class StudyMetrics {
    /** The share of a frame with voice activity at which the participant counts as speaking in it. */
    public static final double SPEAKING = 0.5;
    private final MetricSettings settings;

    public StudyMetrics(MetricSettings settings) {
        this.settings = settings;
    }

    public MetricSettings settings() {
        return settings;
    }

    public VideoSummary summarize(VideoSeries series) {
        int n = series.size();
        double[] dt = frameDurations(series);
        Map<MetricKey, Double> metrics = new LinkedHashMap<>();
        double[][] co = new double[Signals.AU_COUNT][Signals.AU_COUNT];
        if (n > 0) {
            for (int s = 0; s < Signals.COUNT; s++) {
                if (Signals.voice(s)) {
                    voice(series, s, metrics);
                    continue;
                }
                double sum = 0, peak = Double.NEGATIVE_INFINITY, peakTime = Double.NaN;
                int count = 0, present = 0;
                for (int i = 0; i < n; i++) {
                    double v = series.value(i, s);
                    if (Double.isNaN(v)) continue;
                    sum += v;
                    count++;
                    if (v >= settings.presence()) present++;
                    if (v > peak) {
                        peak = v;
                        peakTime = series.time(i);
                    }
                }
                if (count == 0) continue; // never measurable in this recording: the metrics stay absent (NaN)
                metrics.put(MetricKey.of(s, MetricKey.MEAN), sum / count);
                metrics.put(MetricKey.of(s, MetricKey.PEAK), peak);
                metrics.put(MetricKey.of(s, MetricKey.TIME_TO_PEAK), peakTime);
                if (s < Signals.AU_COUNT) metrics.put(MetricKey.of(s, MetricKey.PRESENCE), (double) present / count);
            }
            metrics.put(new MetricKey(MetricKey.POSITIVE_PAIR, MetricKey.POSITIVE_SECONDS), positiveSeconds(series, dt));
            metrics.put(MetricKey.of(Signals.AU12, MetricKey.SMILE_EPISODES), (double) smileEpisodes(series, dt));
            coOccurrence(series, co);
        }
        double[][] curves = new double[Signals.COUNT][];
        for (int s = 0; s < Signals.COUNT; s++) curves[s] = resample(series, s);
        return new VideoSummary(series.recording(), metrics, curves, co, series.quality());
    }

    /**
     * The voice's metrics: the share of the participant's frames with voice activity, and level, pitch and rate
     * averaged over the frames in which the participant speaks (pauses would otherwise pull the level down with the
     * speaking share). Nothing where the recording gave no voice (no audio track, or not speech).
     */
    private static void voice(VideoSeries series, int s, Map<MetricKey, Double> metrics) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < series.size(); i++) {
            double v = series.value(i, s);
            if (Double.isNaN(v) || s != Signals.VOICE_ACTIVE && !(series.value(i, Signals.VOICE_ACTIVE) >= SPEAKING))
                continue;
            sum += v;
            count++;
        }
        if (count > 0) metrics.put(headline(s), sum / count);
    }

    /**
     * The metric a comparison tests for a signal beyond the AUs: the mean of valence, arousal and the speaking share,
     * the mean while speaking of the voice's other measures.
     */
    public static MetricKey headline(int signal) {
        boolean whileSpeaking = Signals.voice(signal) && signal != Signals.VOICE_ACTIVE;
        return MetricKey.of(signal, whileSpeaking ? MetricKey.WHILE_SPEAKING : MetricKey.MEAN);
    }

    /** The time each measured frame stands for (see class comment). */
    double[] frameDurations(VideoSeries series) {
        int n = series.size();
        double[] dt = new double[n];
        if (n == 0) return dt;
        double[] steps = durationsBetween(series);
        double typical = typicalInterval(steps);
        for (int i = 0; i < n; i++)
            dt[i] = i + 1 < n && steps[i] <= settings.maxGapSeconds() ? steps[i] : typical;
        return dt;
    }

    private double typicalInterval(double[] steps) {
        double[] joined = Arrays.stream(steps).filter(s -> s > 0 && s <= settings.maxGapSeconds()).sorted().toArray();
        return joined.length == 0 ? settings.gridStep() : joined[joined.length / 2];
    }

    private double positiveSeconds(VideoSeries series, double[] dt) {
        double seconds = 0;
        for (int i = 0; i < series.size(); i++)
            if (present(series, i, Signals.AU6) && present(series, i, Signals.AU12)) seconds += dt[i];
        return seconds;
    }

    int smileEpisodes(VideoSeries series, double[] dt) {
        int episodes = 0;
        double run = 0;
        for (int i = 0; i < series.size(); i++) {
            boolean joined = i > 0 && series.time(i) - series.time(i - 1) <= settings.maxGapSeconds();
            if (!joined) {
                if (run >= settings.minSmileSeconds()) episodes++;
                run = 0;
            }
            if (present(series, i, Signals.AU12)) {
                run += dt[i];
            } else {
                if (run >= settings.minSmileSeconds()) episodes++;
                run = 0;
            }
        }
        return run >= settings.minSmileSeconds() ? episodes + 1 : episodes;
    }

    private void coOccurrence(VideoSeries series, double[][] co) {
        int n = series.size();
        boolean[] on = new boolean[Signals.AU_COUNT];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < Signals.AU_COUNT; a++) on[a] = present(series, i, a);
            for (int a = 0; a < Signals.AU_COUNT; a++) {
                if (!on[a]) continue;
                for (int b = 0; b < Signals.AU_COUNT; b++) if (on[b]) co[a][b]++;
            }
        }
        for (double[] row : co) for (int b = 0; b < row.length; b++) row[b] /= n;
    }

    private boolean present(VideoSeries series, int i, int au) {
        return series.intensity(i, au) >= settings.presence();
    }

    /** Signal s on the grid 0, 1/gridHz, ... up to the window's end. */
    double[] resample(VideoSeries series, int s) {
        int points = (int) Math.floor(series.windowEnd() * settings.gridHz() + 1e-9) + 1;
        double[] curve = new double[points];
        Arrays.fill(curve, Double.NaN);
        int n = series.size();
        if (n == 0) return curve;
        double reach = typicalInterval(durationsBetween(series));
        int i = 0;
        for (int k = 0; k < points; k++) {
            double t = k * settings.gridStep();
            while (i + 1 < n && series.time(i + 1) <= t) i++;
            double ti = series.time(i);
            if (t < ti) {
                if (i == 0 && ti - t <= reach) curve[k] = series.value(0, s);
            } else if (i + 1 < n) {
                double tj = series.time(i + 1);
                if (tj - ti <= settings.maxGapSeconds()) {
                    double w = (t - ti) / (tj - ti);
                    curve[k] = (1 - w) * series.value(i, s) + w * series.value(i + 1, s);
                } else if (t == ti) {
                    curve[k] = series.value(i, s);
                }
            } else if (t - ti <= reach) {
                curve[k] = series.value(i, s);
            }
        }
        return curve;
    }

    private static double[] durationsBetween(VideoSeries series) {
        double[] steps = new double[Math.max(0, series.size() - 1)];
        for (int i = 0; i + 1 < series.size(); i++) steps[i] = series.time(i + 1) - series.time(i);
        return steps;
    }
}
