package org.facsflow.face.pose;

/**
 * OpenFace's Euler convention: R = Rx(pitch) * Ry(yaw) * Rz(roll), matrices row-major in double[9].
 * OpenFace converts R to angles through a quaternion (RotationMatrix2Euler); for a proper rotation that gives the same
 * angles as the closed forms below, which need no square root of 1 + trace and so stay exact near 180 degrees.
 */
public final class EulerAngles {
    private EulerAngles() {
    }

    public static void toMatrix(double pitch, double yaw, double roll, double[] r) {
        double c1 = Math.cos(pitch), s1 = Math.sin(pitch);
        double c2 = Math.cos(yaw), s2 = Math.sin(yaw);
        double c3 = Math.cos(roll), s3 = Math.sin(roll);
        r[0] = c2 * c3;
        r[1] = -c2 * s3;
        r[2] = s2;
        r[3] = c1 * s3 + c3 * s1 * s2;
        r[4] = c1 * c3 - s1 * s2 * s3;
        r[5] = -c2 * s1;
        r[6] = s1 * s3 - c1 * c3 * s2;
        r[7] = c3 * s1 + c1 * s2 * s3;
        r[8] = c1 * c2;
    }

    /** Rotation about x (radians): positive when the face tilts down, chin towards the chest. */
    public static double pitch(double[] r) {
        return Math.atan2(-r[5], r[8]);
    }

    /** Rotation about y (radians): positive when the nose turns towards the image's left. */
    public static double yaw(double[] r) {
        return Math.asin(Math.max(-1, Math.min(1, r[2])));
    }

    /** Rotation about z (radians): positive when the head rolls clockwise in the image. */
    public static double roll(double[] r) {
        return Math.atan2(-r[1], r[0]);
    }
}
