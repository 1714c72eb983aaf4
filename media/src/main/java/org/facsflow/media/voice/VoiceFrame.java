package org.facsflow.media.voice;

/**
 * The voice over one stretch of time (a video frame, an analysis window), from the 10 ms frames whose centres fall in
 * it. NaN where there is nothing to say: no F0 when no frame was voiced, no rate without enough speech around.
 *
 * @param active      share of the stretch with voice activity, 0-1
 * @param energyDb    mean power over the stretch, dBFS
 * @param voiced      share of the stretch that is voiced (periodic and active), 0-1
 * @param f0          median F0 of its voiced frames, Hz
 * @param f0Semitones that F0 in semitones above (or below) the track's median F0: the speaker's own pitch level
 * @param syllableRate syllable nuclei per second of voice activity within {@link VoiceTrack#RATE_WINDOW_S} s around
 *                     the stretch's centre (articulation rate); NaN with less than {@link VoiceTrack#RATE_MIN_ACTIVE_S}
 *                     s of activity there
 * @param mouthCorrelation with several faces, the Pearson r between this face's mouth opening and voice activity over
 *                     the window that made it the speaker; NaN with one face (it is the speaker by default)
 */
public record VoiceFrame(double active, double energyDb, double voiced, double f0, double f0Semitones,
                         double syllableRate, double mouthCorrelation) {
    /** The same values, attributed to a face by the correlation {@code r}. */
    public VoiceFrame attributedBy(double r) {
        return new VoiceFrame(active, energyDb, voiced, f0, f0Semitones, syllableRate, r);
    }
}
