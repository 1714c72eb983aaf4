package org.facsflow.face;

/**
 * 6-DoF head pose in OpenFace 2's convention: translation of the head origin in millimetres in camera coordinates
 * (x right, y down, z away from the camera) and rotation as Euler angles in radians (pitch about x, yaw about y,
 * roll about z, composed R = Rx * Ry * Rz). A face looking straight into the camera has all three angles near 0.
 *
 * @param rotation row-major 3x3 rotation matrix from the head frame to camera coordinates
 */
public record HeadPose(float tx, float ty, float tz, float rx, float ry, float rz, float[] rotation) {
}
