package org.facsflow.face.pose;

import org.facsflow.face.HeadPose;
import org.facsflow.face.TestAssets;
import org.facsflow.face.landmarks.Ibug68MeshIndex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How our canonical frame compares with OpenFace's: the canonical face is fitted to OpenFace's own 68 landmarks
 * (through {@link Ibug68MeshIndex}) and the pose compared with OpenFace's pose columns. This isolates the frame
 * conventions, the mapping table and the solver from the mesh model. What it measured (ours minus OpenFace, radians,
 * mean over successful frames, all 68 points fitted; Tx, Ty agree within 1 mm, 2 mm on the photo):
 * <pre>
 *                 pitch   yaw     roll
 * single_face    -0.02   -0.03   -0.00
 * WolfgangLanger  0.01   -0.03   -0.01
 * cap12_edit      0.03   -0.03   -0.01
 * multi_face.jpg -0.05   -0.03    0.00   (5 faces, OpenFace's static model)
 * </pre>
 * So there is no constant pitch offset of note (nothing like the 10-18 degrees a Procrustes prototype showed); ours
 * turns about 0.03 rad less to the image's left (yaw). The check is only good to about 0.05 rad in pitch: fitting
 * only brows, eyes and nose, or taking vertex 6 instead of 168 for the nose root (point 27), moves the pitch
 * difference by up to 0.08 rad.
 */
class OpenFaceReferencePoseTest {

    @ParameterizedTest
    @CsvSource({
            "single_face.csv.gz, 640, 360, 0.05",
            "WolfgangLanger_Pexels.csv.gz, 640, 360, 0.05",
            "cap12_edit.csv.gz, 400, 300, 0.05",
            "multi_face_jpg.csv.gz, 1000, 667, 0.08"})
    void poseFromOpenFacesLandmarksAgreesWithOpenFacesPose(String file, int width, int height, double pitchTol)
            throws IOException {
        CanonicalFace face = TestAssets.canonicalFace();
        List<Map<String, Float>> rows = TestAssets.referenceRows(file);
        CameraIntrinsics k = CameraIntrinsics.openFaceDefault(width, height);
        double[] sum = new double[5];
        float[] mesh = new float[CanonicalFace.VERTICES * 3];
        try (HeadPoseEstimator estimator = new HeadPoseEstimator(face, Ibug68MeshIndex.meshIndices())) {
            for (Map<String, Float> row : rows) {
                for (int j = 0; j < 68; j++) {
                    mesh[3 * Ibug68MeshIndex.meshIndex(j)] = row.get("x_" + j);
                    mesh[3 * Ibug68MeshIndex.meshIndex(j) + 1] = row.get("y_" + j);
                }
                HeadPose pose = estimator.estimate(mesh, k);
                sum[0] += pose.rx() - row.get("pose_Rx");
                sum[1] += pose.ry() - row.get("pose_Ry");
                sum[2] += pose.rz() - row.get("pose_Rz");
                sum[3] += pose.tx() - row.get("pose_Tx");
                sum[4] += pose.ty() - row.get("pose_Ty");
            }
        }
        for (int i = 0; i < sum.length; i++) sum[i] /= rows.size();
        System.out.printf("%s: %d faces, ours - OpenFace: pitch %.3f yaw %.3f roll %.3f rad, Tx %.1f Ty %.1f mm%n",
                file, rows.size(), sum[0], sum[1], sum[2], sum[3], sum[4]);
        assertThat(Math.abs(sum[0])).as("mean pitch difference").isLessThan(pitchTol);
        assertThat(Math.abs(sum[1])).as("mean yaw difference").isLessThan(0.05);
        assertThat(Math.abs(sum[2])).as("mean roll difference").isLessThan(0.05);
        assertThat(Math.abs(sum[3])).as("mean Tx difference").isLessThan(3);
        assertThat(Math.abs(sum[4])).as("mean Ty difference").isLessThan(3);
    }
}
