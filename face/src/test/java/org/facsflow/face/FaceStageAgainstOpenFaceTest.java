package org.facsflow.face;

import org.facsflow.face.landmarks.Ibug68MeshIndex;
import org.facsflow.face.landmarks.LandmarkError;
import org.facsflow.face.landmarks.Landmarks68Estimator;
import org.facsflow.face.mesh.FaceMesh;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.hipparchus.stat.correlation.PearsonsCorrelation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole face stage on the development videos, frame by frame against OpenFace 2.0.6's reference outputs (an
 * established tool's view, not ground truth). Landmark error is the mean point distance over the outer-eye-corner
 * distance (NME, also for face-api's 68-point network, which the face stage runs only to check occlusion); pose and
 * gaze are compared in radians. Bounds are loose: they catch a broken convention (a sign, an
 * axis, an offset of 10 degrees), not the last degree.
 */
class FaceStageAgainstOpenFaceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // The lids the iris model refines follow OpenFace's AU45 at r -0.85 here (-0.70 on WolfgangLanger);
            // the mesh's own, -0.63.
            "single_face.mp4, single_face.csv.gz, 1, 0.1, -0.72",
            // Her gaze reads ~0.26 rad lower than OpenFace's (she often looks down with lowered lids): a known gap.
            "WolfgangLanger_Pexels.mp4, WolfgangLanger_Pexels.csv.gz, 6, 0.35, -0.6"})
    void agreesWithOpenFace(String video, String reference, int every, double gazeTolerance, double lidGapToAu45)
            throws MediaException, IOException {
        Map<Integer, Map<String, Float>> byFrame = new HashMap<>();
        for (Map<String, Float> row : TestAssets.referenceRows(reference)) byFrame.put(row.get("frame").intValue(), row);
        double[] signed = new double[3], absolute = new double[3];
        double gazeX = 0, gazeY = 0, gazeYSigned = 0;
        // all 68 points and the 46 anatomical ones, of the mesh's 68 and of the independent 68-point network's
        double meshAll = 0, meshAnatomical = 0, networkAll = 0, networkAnatomical = 0;
        List<Double> lidGaps = new ArrayList<>(), au45 = new ArrayList<>();
        int n = 0;
        try (VideoSource source = VideoSources.open(TestAssets.shared("media/" + video).toString());
             Landmarks68Estimator network = new Landmarks68Estimator(TestAssets.store().require("landmarks-68"))) {
            CameraIntrinsics camera = CameraIntrinsics.openFaceDefault(source.width(), source.height());
            int frame = 0;
            for (RgbImage image; (image = source.next()) != null; ) {
                frame++;
                Map<String, Float> ref = byFrame.get(frame);
                if (ref == null || frame % every != 0) continue;
                List<FaceObservation> faces = TestAssets.analyzer().analyzeStill(image);
                if (faces.isEmpty()) continue;
                FaceObservation face = faces.get(0);
                HeadPose p = face.pose();
                float[] d = {p.rx() - ref.get("pose_Rx"), p.ry() - ref.get("pose_Ry"), p.rz() - ref.get("pose_Rz")};
                for (int i = 0; i < 3; i++) {
                    signed[i] += d[i];
                    absolute[i] += Math.abs(d[i]);
                }
                float[] reference68 = landmarks68(ref), network68 = network.estimate(image, new FaceMesh(face.mesh(), 1, null));
                meshAll += LandmarkError.nme(face.landmarks68(), reference68, LandmarkError.ALL);
                meshAnatomical += LandmarkError.nme(face.landmarks68(), reference68, LandmarkError.ANATOMICAL);
                networkAll += LandmarkError.nme(network68, reference68, LandmarkError.ALL);
                networkAnatomical += LandmarkError.nme(network68, reference68, LandmarkError.ANATOMICAL);
                gazeX += Math.abs(face.gaze().angleX() - ref.get("gaze_angle_x"));
                gazeY += Math.abs(face.gaze().angleY() - ref.get("gaze_angle_y"));
                gazeYSigned += face.gaze().angleY() - ref.get("gaze_angle_y");
                lidGaps.add(lidGap(face.mesh()));
                au45.add((double) ref.get("AU45_r"));
                n++;
            }
        }
        System.out.printf("%s vs OpenFace over %d frames: pitch %+.3f (MAE %.3f), yaw %+.3f (%.3f), roll %+.3f (%.3f) rad;"
                        + " landmark NME %.3f; gaze MAE x %.3f y %.3f (mean %+.3f) rad%n", video, n, signed[0] / n, absolute[0] / n,
                signed[1] / n, absolute[1] / n, signed[2] / n, absolute[2] / n, meshAll / n, gazeX / n, gazeY / n, gazeYSigned / n);
        System.out.printf("%s landmark NME, all 68 / the 46 anatomical: mesh %.3f / %.3f, 68-point network %.3f / %.3f%n",
                video, meshAll / n, meshAnatomical / n, networkAll / n, networkAnatomical / n);
        double lidR = new PearsonsCorrelation().correlation(
                lidGaps.stream().mapToDouble(Double::doubleValue).toArray(), au45.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf("%s: lid gap against OpenFace's AU45_r, r %.3f%n", video, lidR);
        assertThat(n).isGreaterThan(byFrame.size() / every / 2);
        for (int i = 0; i < 3; i++) assertThat(Math.abs(signed[i] / n)).as("mean pose difference, axis " + i).isLessThan(0.1);
        assertThat(meshAll / n).as("landmark NME").isLessThan(0.10);
        // Where the mesh's vertex is the anatomical choice (not matched to OpenFace's points), it still lies nearer
        // OpenFace's points than the network trained on 68-point annotations does.
        assertThat(meshAnatomical / n).as("the mesh's 46 anatomical points against the network's").isLessThan(networkAnatomical / n);
        assertThat(gazeX / n).as("gaze x MAE").isLessThan(gazeTolerance);
        assertThat(gazeY / n).as("gaze y MAE").isLessThan(gazeTolerance);
        assertThat(lidR).as("lid gap against AU45_r").isLessThan(lidGapToAu45);
    }

    /** The gap between the lids at three points across each eye, over the eye's width, averaged over both eyes. */
    private static double lidGap(float[] mesh) {
        int[][][] lids = {{{160, 144}, {159, 145}, {158, 153}}, {{387, 373}, {386, 374}, {385, 380}}};
        int[][] corners = {{33, 133}, {263, 362}};
        double gap = 0;
        for (int eye = 0; eye < 2; eye++) {
            double width = distance(mesh, corners[eye][0], corners[eye][1]);
            for (int[] pair : lids[eye]) gap += distance(mesh, pair[0], pair[1]) / width / 6;
        }
        return gap;
    }

    private static double distance(float[] mesh, int a, int b) {
        return Math.hypot(mesh[3 * a] - mesh[3 * b], mesh[3 * a + 1] - mesh[3 * b + 1]);
    }

    /** OpenFace's 68 points of a reference row, x0, y0, x1, ... */
    private static float[] landmarks68(Map<String, Float> ref) {
        float[] out = new float[2 * Ibug68MeshIndex.POINTS];
        for (int j = 0; j < Ibug68MeshIndex.POINTS; j++) {
            out[2 * j] = ref.get("x_" + j);
            out[2 * j + 1] = ref.get("y_" + j);
        }
        return out;
    }
}
