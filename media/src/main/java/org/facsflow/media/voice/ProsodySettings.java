package org.facsflow.media.voice;

/**
 * How the voice is measured: short frames (25 ms windows every 10 ms, as speech analysis commonly takes them) of a
 * mono track resampled to {@link #sampleRate}, and the F0 range and threshold of {@link Yin}.
 *
 * @param yinThreshold YIN's absolute threshold on the normalised difference; a frame with no dip below it is unvoiced
 */
public record ProsodySettings(int sampleRate, double windowSeconds, double hopSeconds, double minF0, double maxF0,
                              float yinThreshold) {
    /**
     * 16 kHz (speech needs nothing above 8 kHz), 25 ms / 10 ms, F0 60-500 Hz (low male voices to children's and
     * raised female voices), threshold 0.15 (aubio's yin default, a little more lenient than the paper's 0.1 with
     * the noise and compression of real recordings).
     */
    public static final ProsodySettings STANDARD = new ProsodySettings(16_000, 0.025, 0.010, 60, 500, 0.15f);

    public ProsodySettings {
        if (sampleRate < 2 * maxF0 || !(minF0 > 0) || !(maxF0 > minF0) || !(hopSeconds > 0) || !(windowSeconds >= hopSeconds))
            throw new IllegalArgumentException("inconsistent prosody settings: " + sampleRate + " Hz, window "
                    + windowSeconds + " s, hop " + hopSeconds + " s, F0 " + minF0 + "-" + maxF0 + " Hz");
    }

    int windowSamples() {
        return (int) Math.round(windowSeconds * sampleRate);
    }

    int hopSamples() {
        return (int) Math.round(hopSeconds * sampleRate);
    }
}
