package org.facsflow.face;

import org.facsflow.face.detect.BlazeFaceDetector;
import org.facsflow.face.detect.FaceDetection;
import org.facsflow.face.image.Roi;
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
 * The face stage for one frame: detect, mesh, iris, the occlusion check, head pose and gaze, as plain
 * {@link FaceObservation}s. Still images use {@link #analyzeStill}; video ({@code face.track.FaceTracker}) calls the
 * steps one by one, so both share this one pipeline. Every step records its time in {@link #times()}. Holds one
 * session per model, so it is not thread-safe: one analyzer per thread.
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
    private final CanonicalFace canonical;
    private final HeadPoseEstimator poseEstimator;
    private final FaceGeometry geometry;
    private final StageTimes times = new StageTimes();

    private FaceAnalyzer(AssetStore store, boolean locating) {
        detector = locating ? new BlazeFaceDetector(store.require("face-detector")) : null;
        meshEstimator = locating ? new FaceMeshEstimator(store.require("face-mesh")) : null;
        irisEstimator = new IrisEstimator(store.require("iris"));
        landmarks68 = new Landmarks68Estimator(store.require("landmarks-68"));
        canonical = CanonicalFace.load(store.require("canonical-face"));
        poseEstimator = new HeadPoseEstimator(canonical);
        geometry = new FaceGeometry(canonical);
    }

    /** Loads every face-stage model from the prepared cache (an AssetUnavailableException says what to run). */
    public static FaceAnalyzer create(AssetStore store) {
        return new FaceAnalyzer(store, true);
    }

    /**
     * An analyzer that only measures faces located by another ({@link #observe}: iris, occlusion check, pose, gaze):
     * a tracking pipeline's measuring threads need no detector and no mesh model.
     */
    public static FaceAnalyzer forMeasuring(AssetStore store) {
        return new FaceAnalyzer(store, false);
    }

    /** Time spent in each stage by this analyzer (it runs on one thread, so these are that thread's). */
    public StageTimes times() {
        return times;
    }

    public CanonicalFace canonicalFace() {
        return canonical;
    }

    /** Every face in a still image, ids 0, 1, ... from left to right. */
    public List<FaceObservation> analyzeStill(RgbImage image) {
        CameraIntrinsics camera = CameraIntrinsics.openFaceDefault(image.width(), image.height());
        long start = StageTimes.start();
        requireLocating();
        List<FaceDetection> detections = detector.detectThoroughly(image);
        times.stop(StageTimes.Stage.DETECT, start);
        List<FaceMesh> meshes = new ArrayList<>();
        for (FaceDetection detection : detections) {
            FaceMesh mesh = meshFrom(image, detection);
            if (mesh != null) meshes.add(mesh);
        }
        meshes.sort(Comparator.comparingDouble(m -> -box(m.points()).area()));
        List<FaceMesh> distinct = new ArrayList<>();
        for (FaceMesh mesh : meshes)
            if (distinct.stream().noneMatch(m -> sameFace(box(m.points()), box(mesh.points())))) distinct.add(mesh);
        distinct.sort(Comparator.comparingDouble(m -> box(m.points()).centerX()));
        List<FaceObservation> faces = new ArrayList<>(meshes.size());
        for (FaceMesh mesh : distinct) {
            FaceObservation face = observe(image, mesh, faces.size(), camera, true);
            if (face != null) faces.add(face);
        }
        return faces;
    }

    private void requireLocating() {
        if (detector == null) throw new IllegalStateException("a measuring analyzer (forMeasuring) locates no faces");
    }

    /** Faces in the whole frame, one detector call: how video finds new faces. */
    public List<FaceDetection> detect(RgbImage image) {
        long start = StageTimes.start();
        requireLocating();
        List<FaceDetection> found = detector.detect(image);
        times.stop(StageTimes.Stage.DETECT, start);
        return found;
    }

    /** The mesh read from a region (for a tracked face, the region of its previous mesh), whatever its face score. */
    public FaceMesh mesh(RgbImage image, Roi roi) {
        long start = StageTimes.start();
        requireLocating();
        FaceMesh mesh = meshEstimator.estimate(image, roi);
        times.stop(StageTimes.Stage.MESH, start);
        return mesh;
    }

    /** The mesh of a detected face, or null when the mesh model says the detection is no face. */
    public FaceMesh meshFrom(RgbImage image, FaceDetection detection) {
        FaceMesh first = mesh(image, FaceMeshEstimator.roiFrom(detection));
        if (first.faceScore() < MIN_FACE_SCORE) return null;
        // A second read from the mesh's own region centres and levels the face as the model was trained.
        FaceMesh refined = mesh(image, FaceMeshEstimator.roiFrom(first));
        return refined.faceScore() >= MIN_FACE_SCORE ? refined : first;
    }

    /** Head pose from a mesh's image points (468 or 478 vertices); null when they are degenerate. */
    public HeadPose pose(float[] mesh, CameraIntrinsics camera) {
        long start = StageTimes.start();
        HeadPose pose = poseEstimator.estimate(mesh, camera);
        times.stop(StageTimes.Stage.POSE_GAZE, start);
        return pose;
    }

    /**
     * Everything else the face stage measures, from a mesh; null when the mesh is too degenerate for a pose.
     *
     * @param checkOcclusion run the 68-point model for {@link OcclusionCheck}; otherwise it is NOT_CHECKED
     */
    public FaceObservation observe(RgbImage image, FaceMesh mesh, int faceId, CameraIntrinsics camera,
                                   boolean checkOcclusion) {
        long start = StageTimes.start();
        float[] points = irisEstimator.refine(image, mesh);
        times.stop(StageTimes.Stage.IRIS, start);
        OcclusionCheck occlusion = OcclusionCheck.NOT_CHECKED;
        if (checkOcclusion) {
            start = StageTimes.start();
            occlusion = OcclusionCheck.of(landmarks68.estimate(image, mesh), points);
            times.stop(StageTimes.Stage.OCCLUSION, start);
        }
        HeadPose pose = pose(points, camera);
        if (pose == null) return null;
        start = StageTimes.start();
        float confidence = FaceConfidence.of(mesh.faceScore(), points, image.width(), image.height(), occlusion);
        FaceObservation face = geometry.observation(faceId, confidence, points, occlusion, pose, camera);
        times.stop(StageTimes.Stage.POSE_GAZE, start);
        return face;
    }

    /** Whether two face boxes are one face found twice. */
    public static boolean sameFace(FaceBox a, FaceBox b) {
        return a.intersection(b) > SAME_FACE_OVERLAP * Math.min(a.area(), b.area());
    }

    /** The box around the 468 mesh vertices (interleaved x, y, z; iris points after them are ignored). */
    public static FaceBox box(float[] mesh) {
        float minX = Float.MAX_VALUE, minY = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        for (int i = 0; i < FaceMesh.POINTS; i++) {
            minX = Math.min(minX, mesh[3 * i]);
            maxX = Math.max(maxX, mesh[3 * i]);
            minY = Math.min(minY, mesh[3 * i + 1]);
            maxY = Math.max(maxY, mesh[3 * i + 1]);
        }
        return new FaceBox(minX, minY, maxX - minX, maxY - minY);
    }

    @Override
    public void close() {
        if (detector != null) detector.close();
        if (meshEstimator != null) meshEstimator.close();
        irisEstimator.close();
        landmarks68.close();
        poseEstimator.close();
    }
}
