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

    /** Collects a track frame by frame (16 bytes a frame). */
    public static final class Builder {
        private final int faceId;
        private double[] times = new double[256];
        private float[] valence = new float[256], arousal = new float[256];
        private int size;

        public Builder(int faceId) {
            this.faceId = faceId;
        }

        public void add(double time, ValenceArousal va) {
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
