package org.facsflow.face.pose;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_calib3d;
import org.bytedeco.opencv.opencv_core.Mat;
import org.facsflow.face.HeadPose;

import java.nio.DoubleBuffer;

import static org.bytedeco.opencv.global.opencv_calib3d.Rodrigues;
import static org.bytedeco.opencv.global.opencv_calib3d.SOLVEPNP_SQPNP;
import static org.bytedeco.opencv.global.opencv_calib3d.solvePnP;
import static org.bytedeco.opencv.global.opencv_calib3d.solvePnPRefineLM;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC3;

/**
 * Head pose from the face mesh by a perspective solve against the canonical face. Only the mesh's image x, y are
 * used: its z is a relative depth on an unknown scale, and fitting it (weak-perspective Procrustes) biased pitch by
 * 10-18 degrees in a prototype. SQPnP finds the global optimum without an initial guess, then Levenberg-Marquardt
 * polishes the reprojection error, which is what OpenFace minimises (solvePnP ITERATIVE).
 *
 * <p>By default it fits MediaPipe's Procrustes basis (see {@link CanonicalFace#rigidIndices()}), so mouth and jaw
 * movements do not move the head. The returned pose maps the head frame to camera coordinates:
 * X_camera = R X_head + T, with T the canonical origin (centroid of the 68 iBUG vertices) in mm.
 *
 * <p>Holds native OpenCV buffers that each call reuses: use one estimator per thread, and close it.
 */
public final class HeadPoseEstimator implements AutoCloseable {
    private final int[] meshIndices;
    private final Mat objectPoints, imagePoints, cameraMatrix, noDistortion, rvec, tvec, rotation;
    private final DoubleBuffer image, camera, translation, rotationData;
    private final double[] r = new double[9];

    /**
     * Loads OpenCV's native libraries now (about a second of one core, the longest step of start-up), so a caller can
     * start it on a thread of its own before anything needs it.
     */
    public static void loadNatives() {
        Loader.load(opencv_calib3d.class);
    }

    public HeadPoseEstimator(CanonicalFace face) {
        this(face, face.rigidIndices());
    }

    /** @param meshIndices the mesh vertices to fit (at least 4, not all on one line) */
    public HeadPoseEstimator(CanonicalFace face, int[] meshIndices) {
        if (meshIndices.length < 4) throw new IllegalArgumentException("a pose needs at least 4 points");
        this.meshIndices = meshIndices.clone();
        int n = meshIndices.length;
        objectPoints = new Mat(n, 1, CV_64FC3);
        DoubleBuffer object = objectPoints.createBuffer();
        float[] v = face.vertices();
        for (int i = 0; i < n; i++)
            for (int c = 0; c < 3; c++) object.put(3 * i + c, v[3 * meshIndices[i] + c]);
        imagePoints = new Mat(n, 1, CV_64FC2);
        image = imagePoints.createBuffer();
        cameraMatrix = new Mat(3, 3, CV_64F);
        camera = cameraMatrix.createBuffer();
        noDistortion = new Mat();
        // Pre-sized to what OpenCV writes, so its create() keeps these buffers and the views below stay valid.
        rvec = new Mat(3, 1, CV_64F);
        tvec = new Mat(3, 1, CV_64F);
        rotation = new Mat(3, 3, CV_64F);
        translation = tvec.createBuffer();
        rotationData = rotation.createBuffer();
    }

    /**
     * @param mesh interleaved x, y, z per vertex in image pixels (468 or 478 vertices); z is not used
     * @return the pose in OpenFace's convention, or null when the points are degenerate
     */
    public HeadPose estimate(float[] mesh, CameraIntrinsics k) {
        for (int i = 0; i < meshIndices.length; i++) {
            image.put(2 * i, mesh[3 * meshIndices[i]]);
            image.put(2 * i + 1, mesh[3 * meshIndices[i] + 1]);
        }
        camera.put(0, k.fx()).put(1, 0).put(2, k.cx())
                .put(3, 0).put(4, k.fy()).put(5, k.cy())
                .put(6, 0).put(7, 0).put(8, 1);
        if (!solvePnP(objectPoints, imagePoints, cameraMatrix, noDistortion, rvec, tvec, false, SOLVEPNP_SQPNP))
            return null;
        solvePnPRefineLM(objectPoints, imagePoints, cameraMatrix, noDistortion, rvec, tvec);
        Rodrigues(rvec, rotation);
        rotationData.get(0, r);
        float[] rotationOut = new float[9];
        for (int i = 0; i < 9; i++) rotationOut[i] = (float) r[i];
        return new HeadPose((float) translation.get(0), (float) translation.get(1), (float) translation.get(2),
                (float) EulerAngles.pitch(r), (float) EulerAngles.yaw(r), (float) EulerAngles.roll(r), rotationOut);
    }

    @Override
    public void close() {
        objectPoints.close();
        imagePoints.close();
        cameraMatrix.close();
        noDistortion.close();
        rvec.close();
        tvec.close();
        rotation.close();
    }
}
