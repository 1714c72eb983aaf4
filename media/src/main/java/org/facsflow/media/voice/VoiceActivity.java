package org.facsflow.media.voice;

/**
 * Which frames carry voice, from their energy against the track's own noise floor: a frame is active when it is at
 * least {@value #ABOVE_NOISE_DB} dB above the 10th percentile of the track's frame energies (the pauses) and above
 * {@value #MIN_DB} dBFS; then pauses shorter than {@value #BRIDGE_S} s inside speech are bridged (the closures of
 * stop consonants, breaths between words) and active stretches shorter than {@value #MIN_RUN_S} s dropped (clicks).
 */
final class VoiceActivity {
    static final double ABOVE_NOISE_DB = 12, MIN_DB = -60, BRIDGE_S = 0.2, MIN_RUN_S = 0.1;

    private VoiceActivity() {
    }

    /** The energy threshold of activity for this track, dBFS. */
    static double threshold(ProsodyFrames frames) {
        double noise = Percentiles.of(frames.energyDb(), 10);
        return Math.max(MIN_DB, noise + ABOVE_NOISE_DB);
    }

    static boolean[] of(ProsodyFrames frames) {
        float[] energy = frames.energyDb();
        double threshold = threshold(frames);
        boolean[] active = new boolean[energy.length];
        for (int i = 0; i < energy.length; i++) active[i] = energy[i] > threshold;
        Runs.fillGaps(active, (int) Math.round(BRIDGE_S / frames.hop()));
        Runs.dropShort(active, (int) Math.round(MIN_RUN_S / frames.hop()));
        return active;
    }
}
