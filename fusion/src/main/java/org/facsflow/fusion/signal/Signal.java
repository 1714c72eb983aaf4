package org.facsflow.fusion.signal;

import java.nio.file.Path;

/**
 * One timestamped stream from a file: samples of a quantity (skin conductance, heart rate) or events (a fixation, a
 * key press), on the file's own clock until {@link ClockSync} puts it on the video's.
 *
 * @param name     a column-safe name, e.g. {@code eda}, {@code hr}, {@code keyboard_events}
 * @param times    seconds, increasing
 * @param values   the samples (for events: 1 each)
 * @param interval the nominal seconds between samples (the device's rate, else the median spacing; for a
 *                 single sample 0); for events NaN
 */
public record Signal(String name, Path file, SignalRole role, double[] times, double[] values, double interval) {
    public boolean events() {
        return role == SignalRole.EVENTS;
    }

    /** The same signal on another clock: {@code t' = offset + scale * t}. */
    public Signal retimed(double offset, double scale) {
        double[] t = new double[times.length];
        for (int i = 0; i < t.length; i++) t[i] = offset + scale * times[i];
        return new Signal(name, file, role, t, values, interval * scale);
    }

    public double start() {
        return times[0];
    }

    public double end() {
        return times[times.length - 1];
    }
}
