package org.facsflow.learn.state;

import org.facsflow.learn.signals.Signals;

/**
 * Where "looking at the screen" ends, in degrees. The camera sits at the screen's top edge, so looking at the screen
 * means looking a little down from the camera: down is allowed further than up. The gaze angles are in camera
 * coordinates and include the head's turn; the head bounds matter where the eyes are not measured.
 */
public record ScreenBounds(double gazeSideDegrees, double gazeUpDegrees, double gazeDownDegrees,
                           double headYawDegrees, double headPitchDegrees) {
    public static final ScreenBounds DEFAULT = new ScreenBounds(25, 15, 35, 35, 30);

    /** 1 off the screen, 0 on it, NaN without a face. */
    public float offScreen(Signals s) {
        if (!s.face()) return Float.NaN;
        boolean head = Math.abs(s.headYaw()) > headYawDegrees || Math.abs(s.headPitch()) > headPitchDegrees;
        boolean gaze = Math.abs(s.gazeX()) > gazeSideDegrees || s.gazeY() < -gazeUpDegrees || s.gazeY() > gazeDownDegrees;
        return head || gaze ? 1 : 0; // NaN comparisons are false: an unmeasured angle counts as on the screen
    }
}
