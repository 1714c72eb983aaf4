package org.facsflow.learn.signals;

import org.facsflow.facs.ActionUnit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that leaves the analyser for one camera frame, and nothing else: the frame itself is dropped once these
 * few numbers are taken from it. They go to the page and into the session's log; {@link org.facsflow.learn.session.SessionRecords#FIELDS} names them.
 * Angles are degrees; NaN means not measured (no face, or a face turned too far for the AU coder).
 *
 * @param t          seconds since the session started, on the server's clock
 * @param face       whether a face was measured in the frame
 * @param confidence the probability that the face's landmarks are right (0 without a face)
 * @param headYaw    head turn, positive to the image's right
 * @param headPitch  head nod
 * @param headRoll   head tilt
 * @param gazeX      gaze angle, positive to the image's right (camera coordinates, so the head's turn is included)
 * @param gazeY      gaze angle, positive downwards
 * @param aus        intensity 0-5 of the AUs the state rules read (and only those), in FACS order
 */
public record Signals(double t, boolean face, float confidence, float headYaw, float headPitch, float headRoll,
                      float gazeX, float gazeY, Map<ActionUnit, Float> aus) {

    public Signals {
        aus = Collections.unmodifiableMap(new LinkedHashMap<>(aus));
    }

    /** A frame in which no face was measured. */
    public static Signals noFace(double t) {
        float nan = Float.NaN;
        return new Signals(t, false, 0, nan, nan, nan, nan, nan, Map.of());
    }

    /** The AU's intensity, NaN when not measured or not among the exported AUs. */
    public float au(ActionUnit au) {
        Float v = aus.get(au);
        return v == null ? Float.NaN : v;
    }
}
