package org.facsflow.media.voice;

import java.util.Arrays;

/**
 * Measures a mono track frame by frame as its samples arrive, so a long recording never sits in memory: per 10 ms
 * frame the energy of its 25 ms window and YIN's F0 and aperiodicity. Only a few windows of samples are kept.
 * {@link #finish()} hands the frames over; the decisions that need the whole track (voice activity, voicing, speech
 * rate, what kind of sound it is) are {@link VoiceTrack}'s.
 */
public final class ProsodyAnalyzer {
    /** Frames quieter than this (dBFS) are not searched for a pitch: they cannot carry voice ({@link VoiceActivity}). */
    static final float PITCH_FLOOR_DB = (float) VoiceActivity.MIN_DB;
    /** The energy of a frame of digital silence (zeros). */
    static final float SILENCE_DB = -100;

    private final ProsodySettings settings;
    private final double startSeconds;
    private final int window, hop;
    private final Yin yin;
    private final float[] estimate = new float[2];
    private float[] buffer;
    private long bufferStart, received; // absolute sample index of buffer[0]; samples received so far
    private int buffered;
    private long frames;
    private float[] energy = new float[1024], f0 = new float[1024], aperiodicity = new float[1024];

    /** @param startSeconds the time of the first sample on the video's clock */
    public ProsodyAnalyzer(ProsodySettings settings, double startSeconds) {
        this.settings = settings;
        this.startSeconds = startSeconds;
        this.window = settings.windowSamples();
        this.hop = settings.hopSamples();
        this.yin = new Yin(settings.sampleRate(), window, settings.minF0(), settings.maxF0(), settings.yinThreshold());
        this.buffer = new float[Math.max(8192, 4 * yin.span())];
    }

    /** Appends {@code length} samples (at {@link ProsodySettings#sampleRate()}, nominally within [-1, 1]). */
    public void accept(float[] samples, int offset, int length) {
        while (length > 0) {
            if (buffered == buffer.length) compact();
            int n = Math.min(length, buffer.length - buffered);
            System.arraycopy(samples, offset, buffer, buffered, n);
            buffered += n;
            received += n;
            offset += n;
            length -= n;
            analyseReady(yin.span());
        }
    }

    /** Appends {@code count} samples of silence: a gap in the track's timestamps. */
    public void acceptSilence(long count) {
        float[] zeros = new float[(int) Math.min(count, 4096)];
        for (long left = count; left > 0; left -= zeros.length) accept(zeros, 0, (int) Math.min(left, zeros.length));
    }

    /** The time the next sample would have, if it follows without a gap. */
    public double startSecondsOfNext() {
        return startSeconds + (double) received / settings.sampleRate();
    }

    /** Every frame whose window lies inside the track (pitch lags past its end read as silence). */
    public ProsodyFrames finish() {
        int tail = yin.span();
        if (buffered + tail > buffer.length) compact();
        if (buffered + tail > buffer.length) buffer = Arrays.copyOf(buffer, buffered + tail);
        Arrays.fill(buffer, buffered, buffered + tail, 0f);
        buffered += tail;
        while (frames * hop + window <= received) analyse();
        int n = (int) frames;
        return new ProsodyFrames(startSeconds, settings, Arrays.copyOf(energy, n), Arrays.copyOf(f0, n),
                Arrays.copyOf(aperiodicity, n));
    }

    private void analyseReady(int needed) {
        while (frames * hop + needed <= bufferStart + buffered) analyse();
    }

    private void analyse() {
        int start = (int) (frames * hop - bufferStart);
        double power = 0;
        for (int j = start; j < start + window; j++) power += buffer[j] * buffer[j];
        power /= window;
        float db = power > 0 ? (float) Math.max(SILENCE_DB, 10 * Math.log10(power) + ProsodyFrames.SINE_DBFS) : SILENCE_DB;
        if (db > PITCH_FLOOR_DB) {
            yin.estimate(buffer, start, estimate);
        } else {
            estimate[0] = Float.NaN;
            estimate[1] = Yin.NOT_PERIODIC;
        }
        int i = (int) frames;
        if (i == energy.length) {
            energy = Arrays.copyOf(energy, 2 * i);
            f0 = Arrays.copyOf(f0, 2 * i);
            aperiodicity = Arrays.copyOf(aperiodicity, 2 * i);
        }
        energy[i] = db;
        f0[i] = estimate[0];
        aperiodicity[i] = estimate[1];
        frames++;
    }

    /** Drops the samples before the next frame's start. */
    private void compact() {
        int keep = (int) (frames * hop - bufferStart);
        if (keep <= 0) {
            buffer = Arrays.copyOf(buffer, 2 * buffer.length);
            return;
        }
        System.arraycopy(buffer, keep, buffer, 0, buffered - keep);
        buffered -= keep;
        bufferStart += keep;
    }
}
