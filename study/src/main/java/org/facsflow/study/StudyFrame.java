package org.facsflow.study;

import org.facsflow.facs.ActionUnit;

/**
 * What the face and AU stages measured for one face in one video frame, the unit a {@link VideoExtractor} hands to a
 * study. A frame in which no face was found is still reported, once, as {@link #noFace}, so that the study can count
 * lost frames.
 *
 * @param faceId      the tracked face's id, stable across the video (0, 1, ...); {@link #NO_FACE} when no face was found
 * @param frame       0-based index of the frame in decode order
 * @param timeSeconds presentation time of the frame from the start of the video, in seconds
 * @param intensities AU intensities on FACS's 0-5 scale, indexed like {@link ActionUnit#CODED} (25 values); NaN for
 *                    an AU that could not be measured in this frame; may be empty when {@code success} is false
 * @param success     whether the face was measured well enough to use (tracking and AU coding succeeded)
 * @param valence     valence in [-1, 1] where the extractor estimates it, else {@link #NO_VALENCE} (NaN)
 */
public record StudyFrame(int faceId, long frame, double timeSeconds, float[] intensities, boolean success, double valence) {
    public static final int NO_FACE = -1;
    public static final double NO_VALENCE = Double.NaN;
    /** How many intensities a successful frame carries: one per {@link ActionUnit#CODED} AU. */
    public static final int AU_COUNT = ActionUnit.CODED.size();

    private static final float[] NONE = new float[0];

    public StudyFrame {
        if (faceId < NO_FACE) throw new IllegalArgumentException("face id " + faceId + " below " + NO_FACE);
        if (frame < 0) throw new IllegalArgumentException("negative frame index " + frame);
        if (!Double.isFinite(timeSeconds)) throw new IllegalArgumentException("frame " + frame + " has no time");
        if (intensities == null) intensities = NONE;
        if (success && (faceId == NO_FACE || intensities.length != AU_COUNT))
            throw new IllegalArgumentException("frame " + frame + ": a successful frame needs a face and "
                    + AU_COUNT + " intensities, got face " + faceId + " and " + intensities.length);
    }

    /** The report for a frame in which no face was found. */
    public static StudyFrame noFace(long frame, double timeSeconds) {
        return new StudyFrame(NO_FACE, frame, timeSeconds, NONE, false, NO_VALENCE);
    }

    public boolean hasValence() {
        return !Double.isNaN(valence);
    }
}
