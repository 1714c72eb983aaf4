package org.facsflow.face.pose;

import org.facsflow.face.HeadPose;
import org.facsflow.face.SyntheticMesh;
import org.facsflow.face.TestAssets;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HeadPoseEstimatorTest {
    private static final CameraIntrinsics K = CameraIntrinsics.openFaceDefault(640, 360);

    @Test
    void recoversAKnownPoseFromTheProjectedCanonicalFace() {
        CanonicalFace face = TestAssets.canonicalFace();
        double[] t = {0, 0, 600};
        float[] mesh = SyntheticMesh.project(SyntheticMesh.toCamera(face, SyntheticMesh.rotation(0.2, -0.3, 0.1), t),
                t, K, CanonicalFace.VERTICES);
        try (HeadPoseEstimator estimator = new HeadPoseEstimator(face)) {
            HeadPose pose = estimator.estimate(mesh, K);
            assertPose(pose, 0.2, -0.3, 0.1, t, 0.01, 2);
            double[] r = SyntheticMesh.rotation(0.2, -0.3, 0.1);
            for (int i = 0; i < 9; i++) assertThat((double) pose.rotation()[i]).isCloseTo(r[i], within(0.01));
        }
    }

    @Test
    void aFrontalFaceHasAnglesNearZero() {
        // The pitch check: a face looking straight into the camera must not read as tilted.
        CanonicalFace face = TestAssets.canonicalFace();
        try (HeadPoseEstimator estimator = new HeadPoseEstimator(face)) {
            for (double[] t : new double[][]{{0, 0, 600}, {-120, 60, 900}}) {
                float[] mesh = SyntheticMesh.project(SyntheticMesh.toCamera(face, SyntheticMesh.rotation(0, 0, 0), t),
                        t, K, CanonicalFace.VERTICES);
                assertPose(estimator.estimate(mesh, K), 0, 0, 0, t, 1e-3, 0.5);
            }
        }
    }

    @Test
    void toleratesLandmarkNoiseAndIgnoresTheMouth() {
        CanonicalFace face = TestAssets.canonicalFace();
        double[] t = {80, -40, 750};
        double[] camera = SyntheticMesh.toCamera(face, SyntheticMesh.rotation(-0.15, 0.4, -0.2), t);
        float[] mesh = SyntheticMesh.project(camera, t, K, CanonicalFace.VERTICES);
        Random random = new Random(3);
        for (int i = 0; i < mesh.length; i += 3) {
            mesh[i] += (float) (random.nextGaussian() * 0.5);
            mesh[i + 1] += (float) (random.nextGaussian() * 0.5);
        }
        // open the mouth: lower lip and chin vertices (below the mouth corners, not in the rigid basis) drop 15 px
        float mouthY = mesh[3 * 61 + 1];
        for (int i = 0; i < CanonicalFace.VERTICES; i++)
            if (mesh[3 * i + 1] > mouthY + 2 && !contains(face.rigidIndices(), i)) mesh[3 * i + 1] += 15;
        try (HeadPoseEstimator estimator = new HeadPoseEstimator(face)) {
            assertPose(estimator.estimate(mesh, K), -0.15, 0.4, -0.2, t, 0.02, 10);
        }
    }

    @Test
    void measuresTheSolveTime() {
        CanonicalFace face = TestAssets.canonicalFace();
        double[] t = {30, 10, 650};
        float[] mesh = SyntheticMesh.project(SyntheticMesh.toCamera(face, SyntheticMesh.rotation(0.1, 0.2, 0), t),
                t, K, CanonicalFace.VERTICES);
        try (HeadPoseEstimator estimator = new HeadPoseEstimator(face)) {
            for (int i = 0; i < 2000; i++) estimator.estimate(mesh, K);
            int n = 5000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) estimator.estimate(mesh, K);
            double micros = (System.nanoTime() - start) / 1e3 / n;
            System.out.printf("HeadPoseEstimator.estimate: %.1f us per call (%d points)%n", micros,
                    face.rigidIndices().length);
            assertThat(micros).isLessThan(2000);
        }
    }

    static void assertPose(HeadPose pose, double pitch, double yaw, double roll, double[] t, double angleTol,
                           double mmTol) {
        assertThat(pose).isNotNull();
        assertThat((double) pose.rx()).as("pitch").isCloseTo(pitch, within(angleTol));
        assertThat((double) pose.ry()).as("yaw").isCloseTo(yaw, within(angleTol));
        assertThat((double) pose.rz()).as("roll").isCloseTo(roll, within(angleTol));
        assertThat((double) pose.tx()).as("tx").isCloseTo(t[0], within(mmTol));
        assertThat((double) pose.ty()).as("ty").isCloseTo(t[1], within(mmTol));
        assertThat((double) pose.tz()).as("tz").isCloseTo(t[2], within(mmTol));
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) if (v == value) return true;
        return false;
    }
}
