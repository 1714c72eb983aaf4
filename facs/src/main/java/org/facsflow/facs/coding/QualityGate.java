package org.facsflow.facs.coding;

import org.facsflow.face.FaceObservation;
import org.facsflow.face.OcclusionCheck;

/**
 * Decides where the face can be measured at all: AUs outside it are written NaN (unmeasurable), never 0.
 * <ul>
 *   <li>{@link #MIN_CONFIDENCE}: below it the face stage's landmarks are more likely wrong than right (the
 *       confidence is calibrated as that probability); everything is NaN.</li>
 *   <li>{@link #MAX_YAW_DEGREES} / {@link #MAX_PITCH_DEGREES}: beyond them the mesh guesses the hidden half and the
 *       measures are unreliable; everything is NaN. On the training corpus the mesh's 46 anatomical iBUG points lie
 *       as far from OpenFace's at 35-40 degrees of yaw (mean 0.092 of the outer-eye-corner distance, 101 frames of
 *       5 people) as at 30-35 (0.090), and twice as far beyond 40 (0.161); frontal 0.041. Pitch beyond 25 degrees
 *       is too rare there to judge, so its limit stays where it was.</li>
 *   <li>{@link #FAR_SIDE_YAW_DEGREES}: beyond it the side turned away (eye, brow, cheek, lip corner) is foreshortened
 *       and partly hidden; its one-sided values are NaN and the bilateral value of those AUs uses the near side only.
 *       The eye AUs (5, 6, 7, 43, 45) follow that too.</li>
 *   <li>{@link #MAX_MOUTH_DISAGREEMENT}: the face stage's {@link OcclusionCheck} found the independent 68-point
 *       model and the mesh disagreeing at the mouth by more than this fraction of the inter-ocular distance (mean
 *       over the 20 mouth points): a hand, a cup or a microphone in front of the mouth; lower-face AUs are NaN.
 *       {@link #MAX_EYE_DISAGREEMENT} does the same for the eyes (upper-face AUs). Where no check has run yet, the
 *       regions count as uncovered.</li>
 * </ul>
 */
public final class QualityGate {
    public static final float MIN_CONFIDENCE = 0.5f;
    public static final float MAX_YAW_DEGREES = 40, MAX_PITCH_DEGREES = 30, FAR_SIDE_YAW_DEGREES = 20;
    public static final float MAX_MOUTH_DISAGREEMENT = 0.12f, MAX_EYE_DISAGREEMENT = 0.12f;

    /** What may be measured in one frame. */
    public record Verdict(boolean face, boolean upper, boolean lower, boolean right, boolean left) {
        public static final Verdict NONE = new Verdict(false, false, false, false, false);
    }

    private QualityGate() {
    }

    public static Verdict judge(FaceObservation f) {
        if (f == null || f.confidence() < MIN_CONFIDENCE) return Verdict.NONE;
        double yaw = Math.toDegrees(Math.abs(f.pose().ry())), pitch = Math.toDegrees(Math.abs(f.pose().rx()));
        if (yaw > MAX_YAW_DEGREES || pitch > MAX_PITCH_DEGREES) return Verdict.NONE;
        boolean right = true, left = true;
        if (yaw > FAR_SIDE_YAW_DEGREES) {
            // Column 0 of the rotation is the head's x axis (towards the subject's left) in camera coordinates: its z
            // component is positive when the left side is the farther one.
            boolean leftFar = f.pose().rotation()[6] > 0;
            left = !leftFar;
            right = leftFar;
        }
        OcclusionCheck covered = f.occlusion();
        // NaN (not checked yet) compares false: uncovered.
        boolean upper = !(covered.eyes() > MAX_EYE_DISAGREEMENT);
        boolean lower = !(covered.mouth() > MAX_MOUTH_DISAGREEMENT);
        return new Verdict(true, upper, lower, right, left);
    }
}
