package org.facsflow.media.voice;

/**
 * A track's short-frame measurements, as {@link ProsodyAnalyzer} made them: frame {@code i}'s window starts
 * {@code i} hops after the first sample, and its time is the window's centre.
 *
 * @param startSeconds the first sample's time on the video's clock
 * @param energyDb     per frame, dBFS (a full-scale sine reads 0, as AES17 counts), {@value ProsodyAnalyzer#SILENCE_DB}
 *                     for digital silence
 * @param f0           per frame, YIN's F0 in Hz where a dip below the threshold was found, else NaN (not yet the
 *                     voicing decision: see {@link VoiceTrack})
 * @param aperiodicity per frame, the depth of YIN's dip, 0 (periodic) to 1
 */
public record ProsodyFrames(double startSeconds, ProsodySettings settings, float[] energyDb, float[] f0,
                            float[] aperiodicity) {
    /** dB added to 10 log10(mean square) so that a full-scale sine reads 0 dBFS (its mean square is 1/2). */
    static final double SINE_DBFS = 10 * Math.log10(2);

    public int size() {
        return energyDb.length;
    }

    /** Seconds between frames. */
    public double hop() {
        return (double) settings.hopSamples() / settings.sampleRate();
    }

    /** The centre of frame {@code i}'s window, on the video's clock. */
    public double time(int i) {
        return startSeconds + (i * (double) settings.hopSamples() + settings.windowSamples() / 2.0) / settings.sampleRate();
    }

    /** The frame whose centre is nearest {@code seconds} (may lie outside 0..size-1). */
    public long frameAt(double seconds) {
        return Math.round((seconds - time(0)) / hop());
    }
}
