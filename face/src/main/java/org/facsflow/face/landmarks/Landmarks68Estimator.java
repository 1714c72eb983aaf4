package org.facsflow.face.landmarks;

import org.facsflow.face.inference.OnnxModel;
import org.facsflow.face.inference.Predictor;
import org.facsflow.face.mesh.FaceMesh;
import org.facsflow.face.mesh.FaceMeshEstimator;
import org.facsflow.media.RgbImage;

import java.nio.file.Path;

/**
 * The 68 iBUG/Multi-PIE points (OpenFace's x_0..x_67) from face-api's 68-point network. Its crop is built from
 * the mesh, turned so the eyes are level, which keeps tilted heads in the pose the network was trained on.
 * Not thread-safe: one per thread.
 */
public final class Landmarks68Estimator implements AutoCloseable {
    /** face-api's detector boxes run from the brows to the chin; the mesh also spans the forehead. */
    private static final float CROP_SCALE = 1.0f;

    private final Predictor<Landmarks68Translator.Request, float[]> predictor;

    public Landmarks68Estimator(Path model) {
        predictor = new Predictor<>(new OnnxModel(model), new Landmarks68Translator());
    }

    /** @return 68 x (x, y) in image pixels */
    public float[] estimate(RgbImage image, FaceMesh mesh) {
        return predictor.predict(new Landmarks68Translator.Request(image, FaceMeshEstimator.extent(mesh, CROP_SCALE)));
    }

    @Override
    public void close() {
        predictor.close();
    }
}
