package org.facsflow.face;

import org.facsflow.face.detect.BlazeFaceDetector;
import org.facsflow.face.detect.FaceDetection;
import org.facsflow.face.gaze.GazeEstimator;
import org.facsflow.face.landmarks.Landmarks68Estimator;
import org.facsflow.face.mesh.FaceMesh;
import org.facsflow.face.mesh.FaceMeshEstimator;
import org.facsflow.face.mesh.IrisEstimator;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.pose.HeadPoseEstimator;
import org.facsflow.media.RgbImage;
import org.facsflow.models.AssetStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The face stage for one frame: detect, mesh, iris, 68 landmarks, head pose and gaze, as plain
 * {@link FaceObservation}s. Holds one session per model, so it is not thread-safe: one analyzer per thread.
 */
public final class FaceAnalyzer implements AutoCloseable {
    /** Below this face-flag probability the mesh model says the region holds no face. */
    public static final float MIN_FACE_SCORE = 0.5f;
    /**
     * Two meshes whose boxes share this much of the smaller box are one face found twice (a tile can see part of a
     * face larger than itself as a small face); the larger mesh is kept.
     */
    private static final float SAME_FACE_OVERLAP = 0.5f;

    private final BlazeFaceDetector detector;
    private final FaceMeshEstimator meshEstimator;
    private final IrisEstimator irisEstimator;
    private final Landmarks68Estimator landmarks68;
    private final HeadPoseEstimator poseEstimator;
    private final GazeEstimator gazeEstimator;

    private FaceAnalyzer(AssetStore store) {
        detector = new BlazeFaceDetector(store.require("face-detector"));
        meshEstimator = new FaceMeshEstimator(store.require("face-mesh"));
        irisEstimator = new IrisEstimator(store.require("iris"));
        landmarks68 = new Landmarks68Estimator(store.require("landmarks-68"));
        CanonicalFace canonical = CanonicalFace.load(store.require("canonical-face"));
        poseEstimator = new HeadPoseEstimator(canonical);
        gazeEstimator = new GazeEstimator(canonical);
    }

    /** Loads every face-stage model from the prepared cache (an AssetUnavailableException says what to run). */
    public static FaceAnalyzer create(AssetStore store) {
        return new FaceAnalyzer(store);
    }

    /** Every face in a still image, ids 0, 1, ... from left to right. */
    public List<FaceObservation> analyzeStill(RgbImage image) {
        CameraIntrinsics camera = CameraIntrinsics.openFaceDefault(image.width(), image.height());
        List<FaceMesh> meshes = new ArrayList<>();
        for (FaceDetection detection : detector.detectThoroughly(image)) {
            FaceMesh first = meshEstimator.estimate(image, FaceMeshEstimator.roiFrom(detection));
            if (first.faceScore() < MIN_FACE_SCORE) continue;
            // A second read from the mesh's own region centres and levels the face as the model was trained.
            FaceMesh refined = meshEstimator.estimate(image, FaceMeshEstimator.roiFrom(first));
            meshes.add(refined.faceScore() >= MIN_FACE_SCORE ? refined : first);
        }
        meshes.sort(Comparator.comparingDouble(m -> -box(m).area()));
        List<FaceMesh> distinct = new ArrayList<>();
        for (FaceMesh mesh : meshes)
            if (distinct.stream().noneMatch(m -> sameFace(box(m), box(mesh)))) distinct.add(mesh);
        distinct.sort(Comparator.comparingDouble(m -> box(m).centerX()));
        List<FaceObservation> faces = new ArrayList<>(meshes.size());
        for (FaceMesh mesh : distinct) {
            FaceObservation face = observe(image, mesh, faces.size(), camera);
            if (face != null) faces.add(face);
        }
        return faces;
    }

    /** Everything else the face stage measures, from a mesh; null when the mesh is too degenerate for a pose. */
    public FaceObservation observe(RgbImage image, FaceMesh mesh, int faceId, CameraIntrinsics camera) {
        float[] iris = irisEstimator.estimate(image, mesh);
        float[] points = new float[FaceObservation.MESH_POINTS * 3];
        System.arraycopy(mesh.points(), 0, points, 0, mesh.points().length);
        System.arraycopy(iris, 0, points, mesh.points().length, iris.length);
        float[] ibug = landmarks68.estimate(image, mesh);
        HeadPose pose = poseEstimator.estimate(points, camera);
        if (pose == null) return null;
        Gaze gaze = gazeEstimator.estimate(points, pose, camera);
        float[] world68 = gazeEstimator.world68(points, pose, camera);
        return new FaceObservation(faceId, mesh.faceScore(), box(mesh), points, ibug, world68, pose, gaze);
    }

    private static boolean sameFace(FaceBox a, FaceBox b) {
        return a.intersection(b) > SAME_FACE_OVERLAP * Math.min(a.area(), b.area());
    }

    static FaceBox box(FaceMesh mesh) {
        float minX = Float.MAX_VALUE, minY = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        for (int i = 0; i < FaceMesh.POINTS; i++) {
            minX = Math.min(minX, mesh.x(i));
            maxX = Math.max(maxX, mesh.x(i));
            minY = Math.min(minY, mesh.y(i));
            maxY = Math.max(maxY, mesh.y(i));
        }
        return new FaceBox(minX, minY, maxX - minX, maxY - minY);
    }

    @Override
    public void close() {
        detector.close();
        meshEstimator.close();
        irisEstimator.close();
        landmarks68.close();
        poseEstimator.close();
    }
}
