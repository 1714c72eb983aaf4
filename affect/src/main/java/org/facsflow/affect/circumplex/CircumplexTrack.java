package org.facsflow.affect.circumplex;

import java.util.Arrays;

/** One face's valence and arousal over a video, for the circumplex plot. */
public record CircumplexTrack(int faceId, double[] times, float[] valence, float[] arousal) {
    public CircumplexTrack {
        if (valence.length != times.length || arousal.length != times.length)
            throw new IllegalArgumentException("times, valence and arousal differ in length");
    }

    public int size() {
        return times.length;
    }

    /**
     * Collects a track frame by frame, 16 bytes a frame up to {@link #MAX_POINTS} points; beyond that every other
     * point is dropped and then only every second (fourth, ...) frame kept, so a camera left running for hours keeps
     * a bounded track (a plot of the path needs no more points than that).
     */
    public static final class Builder {
        /** About 1 MB a face. */
        public static final int MAX_POINTS = 1 << 16;

        private final int faceId;
        private double[] times = new double[256];
        private float[] valence = new float[256], arousal = new float[256];
        private int size, stride = 1;
        private long offered;

        public Builder(int faceId) {
            this.faceId = faceId;
        }

        public void add(double time, ValenceArousal va) {
            if (offered++ % stride != 0) return;
            if (size == MAX_POINTS) {
                for (int i = 0; i < size / 2; i++) {
                    times[i] = times[2 * i];
                    valence[i] = valence[2 * i];
                    arousal[i] = arousal[2 * i];
                }
                size /= 2;
                stride *= 2;
                offered = 1;
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                valence = Arrays.copyOf(valence, size * 2);
                arousal = Arrays.copyOf(arousal, size * 2);
            }
            times[size] = time;
            valence[size] = va.valence();
            arousal[size] = va.arousal();
            size++;
        }

        public CircumplexTrack build() {
            return new CircumplexTrack(faceId, Arrays.copyOf(times, size), Arrays.copyOf(valence, size),
                    Arrays.copyOf(arousal, size));
        }
    }
}
