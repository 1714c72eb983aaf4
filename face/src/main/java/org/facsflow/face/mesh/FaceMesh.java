package org.facsflow.face.mesh;

import org.facsflow.face.image.Roi;

/**
 * The 468-point mesh of one face in image pixels (x, y; z is depth relative to the face centre, in pixel units,
 * smaller = nearer the camera), the model's face-flag probability, and the region it was read from.
 */
public record FaceMesh(float[] points, float faceScore, Roi roi) {
    public static final int POINTS = 468;
    /** Outer eye corners (subject's right, left): they define the face's in-plane angle. */
    public static final int RIGHT_EYE_OUTER = 33, LEFT_EYE_OUTER = 263;

    public float x(int i) {
        return points[3 * i];
    }

    public float y(int i) {
        return points[3 * i + 1];
    }
}
