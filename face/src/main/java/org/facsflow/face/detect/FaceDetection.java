package org.facsflow.face.detect;

import org.facsflow.face.FaceBox;

/**
 * One face found by the detector, in image pixels.
 *
 * @param keypoints 6 x 2: subject's right eye, left eye, nose tip, mouth centre, right ear tragion, left ear tragion
 */
public record FaceDetection(float score, FaceBox box, float[] keypoints) {
    public static final int RIGHT_EYE = 0, LEFT_EYE = 1, NOSE = 2, MOUTH = 3;

    public float keypointX(int k) {
        return keypoints[2 * k];
    }

    public float keypointY(int k) {
        return keypoints[2 * k + 1];
    }
}
