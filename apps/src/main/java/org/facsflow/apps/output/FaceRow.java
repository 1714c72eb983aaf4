package org.facsflow.apps.output;

import org.facsflow.face.FaceObservation;

/**
 * One output row: a face in a frame (frame 1-based, as OpenFace counts; timestamp in seconds). A face that was being
 * tracked but is not found in this frame, or a frame without any face, is a row without measurements
 * ({@code face == null}): OpenFace writes such rows with success = 0, and so do we.
 *
 * @param confidence the face probability where the face was looked for (0 when nothing was)
 * @param face       the measurements; null for a row with success = 0
 */
public record FaceRow(long frame, double timestamp, int faceId, float confidence, FaceObservation face) {

    /** A face that was measured. */
    public FaceRow(long frame, double timestamp, FaceObservation face) {
        this(frame, timestamp, face.faceId(), face.confidence(), face);
    }

    public boolean success() {
        return face != null;
    }
}
