package org.facsflow.spark;

import org.facsflow.study.Recording;
import org.facsflow.study.metrics.FrameQuality;
import org.facsflow.study.metrics.MetricKey;
import org.facsflow.study.metrics.VideoSummary;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link VideoSummary} as it travels from an executor to the driver: the metrics in their order, the resampled
 * curves, co-occurrence and frame quality of one recording.
 */
public record VideoMetrics(String id, String[] signals, String[] statistics, double[] values, double[][] curves,
                    double[][] coOccurrence, long framesDecoded, long framesNoFace, long framesMeasured, int facesSeen,
                    int participantFace) implements Serializable {

    static VideoMetrics of(String id, VideoSummary s) {
        int n = s.metrics().size(), i = 0;
        String[] signals = new String[n], statistics = new String[n];
        double[] values = new double[n];
        for (Map.Entry<MetricKey, Double> e : s.metrics().entrySet()) {
            signals[i] = e.getKey().signal();
            statistics[i] = e.getKey().statistic();
            values[i++] = e.getValue();
        }
        FrameQuality q = s.quality();
        return new VideoMetrics(id, signals, statistics, values, s.curves(), s.coOccurrence(), q.framesDecoded(),
                q.framesNoFace(), q.framesMeasured(), q.facesSeen(), q.participantFace());
    }

    VideoSummary summary(Recording recording) {
        Map<MetricKey, Double> metrics = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) metrics.put(new MetricKey(signals[i], statistics[i]), values[i]);
        return new VideoSummary(recording, metrics, curves, coOccurrence,
                new FrameQuality(framesDecoded, framesNoFace, framesMeasured, facesSeen, participantFace));
    }
}
