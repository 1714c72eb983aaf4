package org.facsflow.study.metrics;

import org.facsflow.study.StudyFrame;
import org.facsflow.study.Recording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The participant's measured frames in one recording's analysis window, in time order, with times counted from
 * stimulus onset. The participant is the face with the most successful frames (ties: the lower id); frames of other
 * faces and failed frames only count in {@link #quality()}.
 */
public final class VideoSeries {
    private final Recording recording;
    private final double[] times;
    private final float[][] intensities;
    private final float[][] measures;
    private final FrameQuality quality;

    private VideoSeries(Recording recording, double[] times, float[][] intensities, float[][] measures,
                        FrameQuality quality) {
        this.recording = recording;
        this.times = times;
        this.intensities = intensities;
        this.measures = measures;
        this.quality = quality;
    }

    public Recording recording() {
        return recording;
    }

    public int size() {
        return times.length;
    }

    /** Seconds since stimulus onset of measured frame i. */
    public double time(int i) {
        return times[i];
    }

    /** Intensity of AU index {@code au} (see {@link Signals}) in measured frame i. */
    public float intensity(int i, int au) {
        return intensities[i][au];
    }

    /** Signal {@code s} in frame i: an AU intensity or one of {@link Signals#MEASURES} (NaN when absent). */
    public double value(int i, int s) {
        return s < Signals.AU_COUNT ? intensities[i][s] : measures[i][s - Signals.AU_COUNT];
    }

    /** Whether signal {@code s} was measured in any frame. */
    public boolean has(int s) {
        for (int i = 0; i < times.length; i++) if (!Double.isNaN(value(i, s))) return true;
        return false;
    }

    /** The end of the analysis window in seconds since onset: the stimulus duration, else the last measured frame. */
    public double windowEnd() {
        if (!Double.isNaN(recording.durationSeconds())) return recording.durationSeconds();
        return times.length == 0 ? 0 : times[times.length - 1];
    }

    public FrameQuality quality() {
        return quality;
    }

    public static Builder builder(Recording recording) {
        return new Builder(recording);
    }

    /** Collects one recording's frames (any order) and picks the participant's face. */
    public static final class Builder {
        private final Recording recording;
        private final List<StudyFrame> frames = new ArrayList<>();

        private Builder(Recording recording) {
            this.recording = recording;
        }

        public Builder add(StudyFrame frame) {
            frames.add(frame);
            return this;
        }

        public VideoSeries build() {
            Map<Integer, Integer> successes = new HashMap<>();
            for (StudyFrame f : frames) {
                if (f.faceId() != StudyFrame.NO_FACE) successes.putIfAbsent(f.faceId(), 0);
                if (f.success()) successes.merge(f.faceId(), 1, Integer::sum);
            }
            int participant = successes.entrySet().stream()
                    .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse(-1);

            Map<Long, Boolean> frameHasFace = new HashMap<>();
            List<StudyFrame> measured = new ArrayList<>();
            for (StudyFrame f : frames) {
                if (!inWindow(f.timeSeconds())) continue;
                frameHasFace.merge(f.frame(), f.faceId() != StudyFrame.NO_FACE, Boolean::logicalOr);
                if (f.success() && f.faceId() == participant) measured.add(f);
            }
            measured.sort(Comparator.comparingDouble(StudyFrame::timeSeconds));
            int n = measured.size();
            double[] times = new double[n];
            float[][] intensities = new float[n][], measures = new float[n][];
            for (int i = 0; i < n; i++) {
                StudyFrame f = measured.get(i);
                times[i] = f.timeSeconds() - recording.onsetSeconds();
                intensities[i] = Arrays.copyOf(f.intensities(), Signals.AU_COUNT);
                measures[i] = new float[Signals.MEASURES.size()];
                for (int k = 0; k < measures[i].length; k++) measures[i][k] = f.measure(Signals.AU_COUNT + k);
            }
            long noFace = frameHasFace.values().stream().filter(has -> !has).count();
            FrameQuality quality = new FrameQuality(frameHasFace.size(), noFace, n, successes.size(), participant);
            return new VideoSeries(recording, times, intensities, measures, quality);
        }

        private boolean inWindow(double videoTime) {
            return videoTime >= recording.onsetSeconds() && videoTime <= recording.endSeconds();
        }
    }
}
