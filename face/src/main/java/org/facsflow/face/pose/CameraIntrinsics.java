package org.facsflow.face.pose;

/** Pinhole camera without distortion, in pixels: focal lengths and principal point. */
public record CameraIntrinsics(double fx, double fy, double cx, double cy) {

    /**
     * OpenFace's guess for an uncalibrated camera: fx = 500 W/640 and fy = 500 H/480 averaged and used for both,
     * principal point at the image centre. The reference CSVs were made with these values, and pose_T depends on them.
     */
    public static CameraIntrinsics openFaceDefault(int width, int height) {
        double f = (500.0 * width / 640 + 500.0 * height / 480) / 2;
        return new CameraIntrinsics(f, f, width / 2.0, height / 2.0);
    }
}
