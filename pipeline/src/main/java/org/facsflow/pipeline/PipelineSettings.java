package org.facsflow.pipeline;

import org.facsflow.affect.AffectAnalyzer;
import org.facsflow.face.track.TrackerSettings;
import org.facsflow.face.track.TrackingPipeline;

/**
 * How a {@link Pipeline} runs. Build from {@link #DEFAULT} with the {@code with...} methods.
 *
 * @param tracker                   how faces are found and followed on video, and the occlusion check's schedule
 * @param classifierIntervalSeconds how often the expression models run per face on video (0: every frame)
 * @param measuringThreads          video: threads measuring faces besides the one that locates them (0: measure on the
 *                                  locating thread, for stills and synchronous streams)
 * @param baseline                  video files: each person's neutral face (streams are always running)
 * @param smoothed                  video: report the values smoothed over time (One Euro filter) rather than each
 *                                  frame's own
 * @param experimentalAus           also report the hand-set AUs that failed calibration's check
 *                                  ({@code AuModel.experimental()}); off, they read as not measured everywhere (and
 *                                  the EMFACS rules do not use them)
 */
public record PipelineSettings(TrackerSettings tracker, double classifierIntervalSeconds, int measuringThreads,
                               Baseline baseline, boolean smoothed, boolean experimentalAus) {
    /** The sampled schedule, one or two measuring threads by core count, running baseline, smoothed values. */
    public static final PipelineSettings DEFAULT = new PipelineSettings(TrackerSettings.DEFAULT,
            AffectAnalyzer.CLASSIFIER_INTERVAL_S, TrackingPipeline.defaultMeasuringThreads(), Baseline.RUNNING, true, false);

    public PipelineSettings {
        if (!(classifierIntervalSeconds >= 0)) throw new IllegalArgumentException("classifier interval " + classifierIntervalSeconds);
        if (measuringThreads < 0) throw new IllegalArgumentException("measuring threads " + measuringThreads);
    }

    /** The expression models and the occlusion check on every frame instead of 10 times a second per face. */
    public PipelineSettings everyFrame() {
        return new PipelineSettings(tracker.checkingEveryFrame(), 0, measuringThreads, baseline, smoothed, experimentalAus);
    }

    public PipelineSettings withMeasuringThreads(int threads) {
        return new PipelineSettings(tracker, classifierIntervalSeconds, threads, baseline, smoothed, experimentalAus);
    }

    public PipelineSettings withBaseline(Baseline baseline) {
        return new PipelineSettings(tracker, classifierIntervalSeconds, measuringThreads, baseline, smoothed, experimentalAus);
    }

    /** Each frame's own measurements instead of the values smoothed over time. */
    public PipelineSettings raw() {
        return new PipelineSettings(tracker, classifierIntervalSeconds, measuringThreads, baseline, false, experimentalAus);
    }

    /** The experimental hand-set AUs reported too (marked experimental in the docs and the model card). */
    public PipelineSettings withExperimentalAus() {
        return new PipelineSettings(tracker, classifierIntervalSeconds, measuringThreads, baseline, smoothed, true);
    }

    /** Whether the expression models and the occlusion check run on every frame. */
    public boolean isEveryFrame() {
        return classifierIntervalSeconds == 0 && tracker.occlusionCheckSeconds() == 0;
    }
}
