package org.facsflow.study.metrics;

import org.facsflow.study.Recording;

import java.util.Map;

/**
 * Everything a comparison needs from one recording, small enough to keep for a whole study while the frames are
 * let go.
 *
 * @param recording     the manifest row
 * @param metrics       per-recording metrics, in a fixed order (see {@link StudyMetrics})
 * @param curves        per signal ({@link Signals} index), the value on the grid {@code k / gridHz} s from onset
 *                      (NaN where nothing was measured within reach); a signal not measured (valence, the voice) is all NaN
 * @param coOccurrence  share of measured frames with AU i and AU j both present; the diagonal is AU i's presence
 * @param quality       frames lost, faces
 */
public record VideoSummary(Recording recording, Map<MetricKey, Double> metrics, double[][] curves,
                           double[][] coOccurrence, FrameQuality quality) {

    /** The metric's value, NaN when the recording has none (e.g. no valence, nothing measured). */
    public double metric(MetricKey key) {
        return metrics.getOrDefault(key, Double.NaN);
    }

    /** Whether signal {@code s} ({@link Signals} index) has a value anywhere on the grid. */
    public boolean measured(int s) {
        for (double v : curves[s]) if (!Double.isNaN(v)) return true;
        return false;
    }

    /** Whether anything of the participant was measured in the window. */
    public boolean measured() {
        return quality.framesMeasured() > 0;
    }
}
