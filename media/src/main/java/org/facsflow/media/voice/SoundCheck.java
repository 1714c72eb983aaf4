package org.facsflow.media.voice;

import java.util.Locale;

/**
 * Whether a track carries speech, and so whether its voice columns are filled. Speech alternates syllables with
 * pauses that fall to the room's noise floor; music and sound effects keep sounding. Two measures of the whole track's
 * 10 ms frame energies say which:
 * <ul>
 *   <li>{@code range}: the 95th minus the 10th percentile of the frame energies, dB (how far the pauses fall);</li>
 *   <li>{@code lowEnergyShare}: in each second, the share of frames whose power is below half the second's mean
 *       power, averaged over the seconds (Scheirer & Slaney 1997's "percentage of low-energy frames").</li>
 * </ul>
 * A track is {@link Kind#SILENT} when its 95th percentile is below {@value #SILENT_DB} dBFS, {@link Kind#SPEECH}
 * when its range is at least {@value #SPEECH_RANGE_DB} dB and its low-energy share at least
 * {@value #SPEECH_LOW_ENERGY_SHARE}, and {@link Kind#OTHER} (music, effects, noise) otherwise. The bounds were set on
 * the 40 audio tracks of shared/training and shared/media, labelled by looking at their spectrograms: silent ones
 * read -53 dBFS or less; the speech tracks' ranges are 23-48 dB and low-energy shares 0.39-0.66, the music and
 * cartoon tracks' 8-20 dB and 0.14-0.37. The margin is small (20 against 23 dB): speech over music or loud
 * steady noise counts as OTHER, and its voice columns stay empty.
 *
 * @param p95Db the 95th percentile of the frame energies, dBFS
 */
public record SoundCheck(Kind kind, double p95Db, double rangeDb, double lowEnergyShare) {
    public enum Kind {
        /** Speech: the voice columns are filled. */
        SPEECH,
        /** No sound above the faintest hiss. */
        SILENT,
        /** Sound that is not speech alone: music, effects, steady noise. */
        OTHER
    }

    static final double SILENT_DB = -50, SPEECH_RANGE_DB = 22, SPEECH_LOW_ENERGY_SHARE = 0.3;
    /** Frames per block of the low-energy share: one second of 10 ms hops. */
    private static final int BLOCK_SECONDS = 1;

    static SoundCheck of(ProsodyFrames frames) {
        float[] energy = frames.energyDb();
        if (energy.length == 0) return new SoundCheck(Kind.SILENT, Double.NaN, Double.NaN, Double.NaN);
        double p95 = Percentiles.of(energy, 95), range = p95 - Percentiles.of(energy, 10);
        double low = lowEnergyShare(energy, Math.max(1, (int) Math.round(BLOCK_SECONDS / frames.hop())));
        Kind kind = p95 < SILENT_DB ? Kind.SILENT
                : range >= SPEECH_RANGE_DB && low >= SPEECH_LOW_ENERGY_SHARE ? Kind.SPEECH : Kind.OTHER;
        return new SoundCheck(kind, p95, range, low);
    }

    private static double lowEnergyShare(float[] energyDb, int block) {
        double sum = 0;
        int blocks = 0;
        for (int start = 0; start == 0 || start + block <= energyDb.length; start += block) {
            int end = Math.min(energyDb.length, start + block);
            double mean = 0;
            for (int i = start; i < end; i++) mean += power(energyDb[i]);
            mean /= end - start;
            int low = 0;
            for (int i = start; i < end; i++) if (power(energyDb[i]) < 0.5 * mean) low++;
            sum += (double) low / (end - start);
            blocks++;
        }
        return sum / blocks;
    }

    private static double power(float db) {
        return Math.pow(10, db / 10);
    }

    /** E.g. "speech (level range 31 dB, 45% low-energy frames)". */
    public String describe() {
        return switch (kind) {
            case SILENT -> String.format(Locale.ROOT, "silent (95%% of frames below %.0f dBFS)", p95Db);
            case SPEECH -> String.format(Locale.ROOT, "speech (level range %.0f dB, %.0f%% low-energy frames)",
                    rangeDb, 100 * lowEnergyShare);
            case OTHER -> String.format(Locale.ROOT, "not speech: music, effects or steady noise (level range %.0f dB, "
                    + "%.0f%% low-energy frames; speech needs %.0f dB and %.0f%%)", rangeDb, 100 * lowEnergyShare,
                    SPEECH_RANGE_DB, 100 * SPEECH_LOW_ENERGY_SHARE);
        };
    }
}
