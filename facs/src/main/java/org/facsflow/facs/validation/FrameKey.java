package org.facsflow.facs.validation;

/**
 * Which face in which frame a CSV row describes: OpenFace's {@code frame} and {@code face_id} for videos; for still
 * images (FaceLandmarkImg writes neither) frame 0 and the {@code face} index.
 */
public record FrameKey(int frame, int face) {
    @Override
    public String toString() {
        return "frame " + frame + " face " + face;
    }
}
