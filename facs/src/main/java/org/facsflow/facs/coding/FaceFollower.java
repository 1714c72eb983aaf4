package org.facsflow.facs.coding;

import org.facsflow.face.FaceAnalyzer;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.detect.BlazeFaceDetector;
import org.facsflow.face.detect.FaceDetection;
import org.facsflow.face.mesh.FaceMesh;
import org.facsflow.face.mesh.FaceMeshEstimator;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.media.RgbImage;
import org.facsflow.models.AssetStore;

import java.util.Comparator;
import java.util.List;

/**
 * Follows the largest face of a single-person video for calibration: detect once, then mesh each frame from the
 * previous mesh's region, and detect again only when the mesh's face flag says the face was lost. (The general
 * multi-face tracker belongs to the face stage; calibration needs one face, cheaply and reproducibly.)
 * Not thread-safe.
 */
public final class FaceFollower implements AutoCloseable {
    private final BlazeFaceDetector detector;
    private final FaceMeshEstimator meshEstimator;
    private final FaceAnalyzer analyzer;
    private FaceMesh previous;

    public FaceFollower(AssetStore store) {
        detector = new BlazeFaceDetector(store.require("face-detector"));
        meshEstimator = new FaceMeshEstimator(store.require("face-mesh"));
        analyzer = FaceAnalyzer.create(store);
    }

    /** The followed face in this frame, or null where there is none (the next frame detects afresh). */
    public FaceObservation next(RgbImage image) {
        FaceMesh mesh = previous == null ? null : meshEstimator.estimate(image, FaceMeshEstimator.roiFrom(previous));
        if (mesh == null || mesh.faceScore() < FaceAnalyzer.MIN_FACE_SCORE) mesh = detect(image);
        previous = mesh;
        if (mesh == null) return null;
        FaceObservation face = analyzer.observe(image, mesh, 0,
                CameraIntrinsics.openFaceDefault(image.width(), image.height()), true);
        if (face == null) previous = null;
        return face;
    }

    private FaceMesh detect(RgbImage image) {
        List<FaceDetection> found = detector.detect(image);
        FaceDetection largest = found.stream().max(Comparator.comparingDouble(d -> d.box().area())).orElse(null);
        if (largest == null) return null;
        FaceMesh first = meshEstimator.estimate(image, FaceMeshEstimator.roiFrom(largest));
        if (first.faceScore() < FaceAnalyzer.MIN_FACE_SCORE) return null;
        FaceMesh refined = meshEstimator.estimate(image, FaceMeshEstimator.roiFrom(first));
        return refined.faceScore() >= FaceAnalyzer.MIN_FACE_SCORE ? refined : first;
    }

    @Override
    public void close() {
        detector.close();
        meshEstimator.close();
        analyzer.close();
    }
}
