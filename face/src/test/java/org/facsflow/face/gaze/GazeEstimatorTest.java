package org.facsflow.face.gaze;

import org.facsflow.face.Gaze;
import org.facsflow.face.HeadPose;
import org.facsflow.face.SyntheticMesh;
import org.facsflow.face.TestAssets;
import org.facsflow.face.landmarks.Ibug68MeshIndex;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.pose.HeadPoseEstimator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GazeEstimatorTest {
    private static final CameraIntrinsics K = CameraIntrinsics.openFaceDefault(640, 360);
    private static final int[][] EYES = {{33, 133, 468}, {263, 362, 473}};

    @Test
    void pupilsAtTheEyeballsFrontLookStraightIntoTheCamera() {
        Gaze gaze = gazeOf(new double[]{0, 0, 0}, new double[]{0, 0, -1});
        assertDirection(gaze.direction0(), 0, 0, -1);
        assertDirection(gaze.direction1(), 0, 0, -1);
        assertThat(gaze.angleX()).isCloseTo(0f, within(1e-3f));
        assertThat(gaze.angleY()).isCloseTo(0f, within(1e-3f));
        assertThat(gaze.eyeball0()[0]).as("eye 0 is the leftmost in the image").isLessThan(gaze.eyeball1()[0]);
    }

    @Test
    void recoversAnyGazeDirectionOnATurnedHead() {
        double[] g = normalize(0.3, -0.2, -1); // towards the image's right and up
        Gaze gaze = gazeOf(new double[]{0.15, -0.35, 0.1}, g);
        assertDirection(gaze.direction0(), g[0], g[1], g[2]);
        assertDirection(gaze.direction1(), g[0], g[1], g[2]);
        assertThat((double) gaze.angleX()).isCloseTo(Math.atan2(g[0], -g[2]), within(1e-3));
        assertThat((double) gaze.angleY()).isCloseTo(Math.atan2(g[1], -g[2]), within(1e-3));
    }

    @Test
    void pupilsMovedToTheImagesRightGivePositiveAngleX() {
        // OpenFace's sign: angleX = atan2(x, -z) with x to the image's right, so looking to the image's right (the
        // subject's own left) is positive; looking down (+y) gives positive angleY.
        Gaze right = gazeOf(new double[]{0, 0, 0}, normalize(0.2, 0, -1));
        assertThat(right.angleX()).isCloseTo((float) Math.atan(0.2), within(1e-3f));
        Gaze down = gazeOf(new double[]{0, 0, 0}, normalize(0, 0.2, -1));
        assertThat(down.angleY()).isCloseTo((float) Math.atan(0.2), within(1e-3f));
    }

    @Test
    void world68IsTheLiftedMeshAtTheIbugVertices() {
        CanonicalFace face = TestAssets.canonicalFace();
        double[] t = {-50, 30, 800};
        double[] camera = SyntheticMesh.toCamera(face, SyntheticMesh.rotation(0.1, 0.3, 0.05), t);
        float[] mesh = SyntheticMesh.project(camera, t, K, 478);
        float[] world;
        try (HeadPoseEstimator estimator = new HeadPoseEstimator(face)) {
            world = new GazeEstimator(face).world68(mesh, estimator.estimate(mesh, K), K);
        }
        assertThat(world).hasSize(68 * 3);
        for (int j = 0; j < 68; j++)
            for (int a = 0; a < 3; a++)
                assertThat((double) world[3 * j + a]).isCloseTo(camera[3 * Ibug68MeshIndex.meshIndex(j) + a],
                        within(0.1));
    }

    /** A posed synthetic face whose pupils sit on the OpenFace eyeball where gaze g meets it. */
    private static Gaze gazeOf(double[] angles, double[] g) {
        CanonicalFace face = TestAssets.canonicalFace();
        double[] t = {40, -20, 650};
        double[] r = SyntheticMesh.rotation(angles[0], angles[1], angles[2]);
        double[] camera = SyntheticMesh.toCamera(face, r, t);
        float[] mesh = SyntheticMesh.project(camera, t, K, 478);
        for (int[] eye : EYES) {
            double[] centre = new double[3];
            double[] offset = {0, -3.5, 7}; // OpenFace's eyeball offset in the head frame
            for (int a = 0; a < 3; a++)
                centre[a] = (camera[3 * eye[0] + a] + camera[3 * eye[1] + a]) / 2
                        + r[3 * a] * offset[0] + r[3 * a + 1] * offset[1] + r[3 * a + 2] * offset[2];
            double radius = GazeEstimator.EYEBALL_RADIUS_MM;
            SyntheticMesh.setProjection(mesh, eye[2], centre[0] + radius * g[0], centre[1] + radius * g[1],
                    centre[2] + radius * g[2], t[2], K);
        }
        HeadPose pose;
        try (HeadPoseEstimator estimator = new HeadPoseEstimator(face)) {
            pose = estimator.estimate(mesh, K);
        }
        return new GazeEstimator(face).estimate(mesh, pose, K);
    }

    private static void assertDirection(float[] d, double x, double y, double z) {
        assertThat((double) d[0]).isCloseTo(x, within(2e-3));
        assertThat((double) d[1]).isCloseTo(y, within(2e-3));
        assertThat((double) d[2]).isCloseTo(z, within(2e-3));
    }

    private static double[] normalize(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[]{x / n, y / n, z / n};
    }
}
