package org.facsflow.media.voice;

import java.util.ArrayList;
import java.util.List;

/**
 * Syllable nuclei, after de Jong & Wempe (2009, "Praat script to detect syllable nuclei and measure speech rate
 * automatically", Behavior Research Methods 41:385): peaks of the intensity contour that rise above a threshold 25 dB
 * below the track's 99th percentile, stand at least {@value #MIN_DIP_DB} dB above the dip that separates them from
 * the previous peak, and are voiced. The contour is the frame power averaged over {@value #SMOOTH_FRAMES} frames
 * (50 ms), for Praat's intensity contour at its 50 Hz pitch floor; the voicing is {@link VoiceTrack}'s.
 */
final class SyllableNuclei {
    static final double BELOW_MAX_DB = 25, MIN_DIP_DB = 2;
    static final int SMOOTH_FRAMES = 5;

    private SyllableNuclei() {
    }

    /** Frame indices of the nuclei, in time order. */
    static int[] find(float[] energyDb, boolean[] voiced) {
        int n = energyDb.length;
        double[] intensity = new double[n];
        int half = SMOOTH_FRAMES / 2;
        for (int i = 0; i < n; i++) {
            double power = 0;
            int count = 0;
            for (int j = Math.max(0, i - half); j <= Math.min(n - 1, i + half); j++, count++) power += Math.pow(10, energyDb[j] / 10);
            intensity[i] = 10 * Math.log10(power / count);
        }
        float[] asFloat = new float[n];
        for (int i = 0; i < n; i++) asFloat[i] = (float) intensity[i];
        double threshold = Percentiles.of(asFloat, 99) - BELOW_MAX_DB;
        List<Integer> nuclei = new ArrayList<>();
        double dip = Double.POSITIVE_INFINITY; // the lowest intensity since the last accepted peak
        for (int i = 1; i < n - 1; i++) {
            dip = Math.min(dip, intensity[i]);
            boolean peak = intensity[i] > intensity[i - 1] && intensity[i] >= intensity[i + 1];
            if (!peak || intensity[i] < threshold || !voiced[i]) continue;
            if (nuclei.isEmpty() || intensity[i] - dip >= MIN_DIP_DB) {
                nuclei.add(i);
                dip = intensity[i];
            } else if (intensity[i] > intensity[nuclei.get(nuclei.size() - 1)]) {
                // Two peaks without a real dip between them are one syllable: keep the higher.
                nuclei.set(nuclei.size() - 1, i);
                dip = intensity[i];
            }
        }
        return nuclei.stream().mapToInt(Integer::intValue).toArray();
    }
}
