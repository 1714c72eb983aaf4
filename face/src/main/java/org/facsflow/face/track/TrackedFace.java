package org.facsflow.face.track;

import org.facsflow.face.FaceObservation;

/**
 * One tracked face in one frame. A face that was being tracked but is not found in this frame (turned away, covered,
 * gone) is still reported for a while, as OpenFace does, with {@code success() == false} and no measurements.
 *
 * @param faceId     stable id within the video: 0, 1, ... in order of first appearance
 * @param confidence 0-1, the probability that the face's landmarks in this frame are right ({@link
 *                   org.facsflow.face.FaceConfidence}); for a face not found, from the mesh model's read at its place
 * @param face       the measurements smoothed over time (One Euro filter on mesh, 68 points and pose; gaze and 3-D
 *                   points recomputed from them); null when the face was not found in this frame
 * @param raw        the same measurements of this frame alone (but for the occlusion check, which runs on a
 *                   schedule and is carried to the frames between, as in {@code face}); null when the face was not found
 */
public record TrackedFace(int faceId, float confidence, FaceObservation face, FaceObservation raw) {
    public boolean success() {
        return face != null;
    }
}
