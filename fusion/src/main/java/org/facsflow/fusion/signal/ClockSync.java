package org.facsflow.fusion.signal;

import org.hipparchus.stat.regression.SimpleRegression;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a signal file's clock maps onto the video's: {@code t_video = offset + scale * t_signal}. Declared either as a
 * fixed offset (the signal's clock reading at the video's time 0; scale 1) or by sync markers seen in both streams (a
 * clap, a button press, a light): matched in order, fitted by least squares, so a clock that runs slightly fast or
 * slow (drift) is corrected linearly. A clock that cannot be aligned is refused, naming the file and why: marker
 * counts that differ, markers that do not lie on one line (any residual over {@value #MAX_RESIDUAL_S} s), a drift
 * over {@value #MAX_DRIFT} (0.1%, 3.6 s an hour: crystal clocks drift by tens of parts per million, so more means
 * the markers are mismatched or in other units), or a signal that shares no time with the video once aligned.
 */
public record ClockSync(double offset, double scale, String description) {
    static final double MAX_RESIDUAL_S = 0.1, MAX_DRIFT = 0.001;

    /** The signal's clock reads {@code signalAtVideoZero} seconds when the video's reads 0. */
    public static ClockSync offset(double signalAtVideoZero) {
        return new ClockSync(-signalAtVideoZero, 1, String.format(Locale.ROOT, "offset: signal clock %.3f s = video 0 s",
                signalAtVideoZero));
    }

    /**
     * Markers at {@code signalTimes} on the signal's clock and {@code videoTimes} on the video's, the k-th of each
     * being the same event.
     *
     * @param file the marker file, for the messages
     */
    public static ClockSync markers(Path file, double[] signalTimes, double[] videoTimes) throws SignalFileException {
        if (signalTimes.length != videoTimes.length)
            throw new SignalFileException(file, signalTimes.length + " sync markers in it but " + videoTimes.length
                    + " in the video: they must be the same events, in the same order");
        for (double[] t : new double[][] {signalTimes, videoTimes})
            for (int i = 1; i < t.length; i++)
                if (!(t[i] > t[i - 1])) throw new SignalFileException(file, "sync markers must be in time order, in both streams");
        if (signalTimes.length == 1) {
            ClockSync sync = new ClockSync(videoTimes[0] - signalTimes[0], 1, "");
            return new ClockSync(sync.offset(), 1, String.format(Locale.ROOT, "1 sync marker: signal clock %.3f s = video 0 s, "
                    + "no drift correction", -sync.offset()));
        }
        // Unix times lose their fraction in a regression's sums: fit around the first marker.
        double origin = signalTimes[0];
        SimpleRegression fit = new SimpleRegression();
        for (int i = 0; i < signalTimes.length; i++) fit.addData(signalTimes[i] - origin, videoTimes[i]);
        double scale = fit.getSlope(), offset = fit.getIntercept() - scale * origin;
        if (Math.abs(scale - 1) > MAX_DRIFT)
            throw new SignalFileException(file, String.format(Locale.ROOT, "the sync markers say its clock runs %.2f%% %s than "
                    + "the video's; no clock drifts that much: the markers do not match, or are in other units",
                    100 * Math.abs(scale - 1), scale > 1 ? "slower" : "faster"));
        double worst = 0;
        for (int i = 0; i < signalTimes.length; i++)
            worst = Math.max(worst, Math.abs(offset + scale * signalTimes[i] - videoTimes[i]));
        if (worst > MAX_RESIDUAL_S)
            throw new SignalFileException(file, String.format(Locale.ROOT, "its sync markers do not line up with the video's: "
                    + "after the best linear fit one is still %.3f s off (at most %.1f s allowed)", worst, MAX_RESIDUAL_S));
        return new ClockSync(offset, scale, String.format(Locale.ROOT, "%d sync markers: signal clock %.3f s = video 0 s, "
                + "one signal second = %.6f video s (%+.0f ppm), largest residual %.3f s", signalTimes.length, -offset / scale,
                scale, 1e6 * (scale - 1), worst));
    }

    /** {@code signal} on the video's clock, checked to share time with the video's [start, end]. */
    public Signal align(Signal signal, double videoStart, double videoEnd) throws SignalFileException {
        Signal aligned = signal.retimed(offset, scale);
        if (aligned.end() < videoStart || aligned.start() > videoEnd)
            throw new SignalFileException(signal.file(), String.format(Locale.ROOT, "its clock cannot be aligned with the "
                    + "video's: after alignment (%s) %s covers %.3f to %.3f s, the video %.3f to %.3f s; check the offset or "
                    + "the markers", description, signal.name(), aligned.start(), aligned.end(), videoStart, videoEnd));
        return aligned;
    }
}
