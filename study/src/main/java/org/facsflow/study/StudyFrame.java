package org.facsflow.study;

import org.facsflow.facs.ActionUnit;
import org.facsflow.study.metrics.Signals;

/**
 * What the pipeline measured for one face in one video frame, the unit a {@link VideoExtractor} hands to a study. A
 * frame in which no face was found is still reported, once, as {@link #noFace}, so that the study can count lost
 * frames.
 *
 * @param faceId      the tracked face's id, stable across the video (0, 1, ...); {@link #NO_FACE} when no face was found
 * @param frame       0-based index of the frame in decode order
 * @param timeSeconds presentation time of the frame from the start of the video, in seconds
 * @param intensities AU intensities on FACS's 0-5 scale, indexed like {@link ActionUnit#CODED} (25 values); NaN for
 *                    an AU that could not be measured in this frame; may be empty when {@code success} is false
 * @param success     whether the face was measured well enough to use (tracking and AU coding succeeded)
 * @param measures    the {@link Signals#MEASURES} (valence, arousal, the voice where this face is the speaker), in
 *                    that order; NaN for one not measured, and those after the array's end are not measured either
 */
public record StudyFrame(int faceId, long frame, double timeSeconds, float[] intensities, boolean success,
                         float[] measures) {
    public static final int NO_FACE = -1;
    /** How many intensities a successful frame carries: one per {@link ActionUnit#CODED} AU. */
    public static final int AU_COUNT = ActionUnit.CODED.size();

    private static final float[] NONE = new float[0];

    public StudyFrame {
        if (faceId < NO_FACE) throw new IllegalArgumentException("face id " + faceId + " below " + NO_FACE);
        if (frame < 0) throw new IllegalArgumentException("negative frame index " + frame);
        if (!Double.isFinite(timeSeconds)) throw new IllegalArgumentException("frame " + frame + " has no time");
        if (intensities == null) intensities = NONE;
        if (measures == null) measures = NONE;
        if (success && (faceId == NO_FACE || intensities.length != AU_COUNT))
            throw new IllegalArgumentException("frame " + frame + ": a successful frame needs a face and "
                    + AU_COUNT + " intensities, got face " + faceId + " and " + intensities.length);
        if (measures.length > Signals.MEASURES.size())
            throw new IllegalArgumentException("frame " + frame + ": " + measures.length + " measures, at most "
                    + Signals.MEASURES.size());
    }

    /** A measured face with its AUs and valence only (what a tool without arousal or voice gives). */
    public static StudyFrame measured(int faceId, long frame, double timeSeconds, float[] intensities, double valence) {
        return new StudyFrame(faceId, frame, timeSeconds, intensities, true, new float[]{(float) valence});
    }

    /** The report for a frame in which no face was found. */
    public static StudyFrame noFace(long frame, double timeSeconds) {
        return new StudyFrame(NO_FACE, frame, timeSeconds, NONE, false, NONE);
    }

    /** Signal {@code signal} (an index of {@link Signals} at or beyond {@link Signals#AU_COUNT}); NaN when not measured. */
    public float measure(int signal) {
        int k = signal - Signals.AU_COUNT;
        return k < measures.length ? measures[k] : Float.NaN;
    }
}
