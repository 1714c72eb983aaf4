package org.facsflow.study.metrics;

/**
 * How much of one recording's analysis window (stimulus onset to its end) could be measured.
 *
 * @param framesDecoded  frames in the window
 * @param framesNoFace   frames in the window in which no face was found
 * @param framesMeasured frames in the window with a successful measurement of the participant's face
 * @param facesSeen      distinct faces tracked anywhere in the recording (more than one: someone else was in view)
 * @param participantFace the face analysed as the participant: the one measured in most frames; -1 when none
 */
public record FrameQuality(long framesDecoded, long framesNoFace, long framesMeasured, int facesSeen,
                           int participantFace) {

    /** Frames in the window without a usable measurement of the participant (no face, another face, or failure). */
    public long framesLost() {
        return framesDecoded - framesMeasured;
    }

    /** The share of the window's frames lost, 0 when there were none. */
    public double lostShare() {
        return framesDecoded == 0 ? 0 : (double) framesLost() / framesDecoded;
    }
}
