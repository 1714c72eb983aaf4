package org.facsflow.face;

/**
 * Gaze in OpenFace 2's convention. Eye 0 is the leftmost eye in the image (the subject's right eye on a frontal
 * face), eye 1 the rightmost. Directions are unit vectors in camera coordinates (x right, y down, z away from the
 * camera); looking straight at the camera gives about (0, 0, -1). Angles are radians: angleX = atan2(x, -z) and
 * angleY = atan2(y, -z) of the mean of the two directions.
 *
 * @param eyeball0 eyeball centre of eye 0 in camera coordinates (mm), for drawing gaze rays
 */
public record Gaze(float[] direction0, float[] direction1, float angleX, float angleY,
                   float[] eyeball0, float[] eyeball1) {
}
