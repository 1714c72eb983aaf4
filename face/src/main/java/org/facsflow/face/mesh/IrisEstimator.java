package org.facsflow.face.mesh;

import org.facsflow.face.image.Roi;
import org.facsflow.face.inference.OnnxModel;
import org.facsflow.face.inference.Predictor;
import org.facsflow.media.RgbImage;

import java.nio.file.Path;

/**
 * Locates both irises from the mesh's eye corners. The model was trained on one eye orientation, so the subject's
 * left eye is read mirrored (MediaPipe's scheme). Not thread-safe: one per thread.
 */
public final class IrisEstimator implements AutoCloseable {
    /** Crop side relative to the eye-corner distance (MediaPipe and Human use 2.3). */
    private static final float EYE_SCALE = 2.3f;
    private static final int RIGHT_INNER = 133, LEFT_INNER = 362;

    private final Predictor<IrisTranslator.Request, float[]> predictor;

    public IrisEstimator(Path model) {
        predictor = new Predictor<>(new OnnxModel(model), new IrisTranslator());
    }

    /**
     * @return 10 x (x, y, z): the subject's right iris (centre then 4 boundary points), then the left, as mesh
     * indices 468-477 of a 478-point MediaPipe mesh
     */
    public float[] estimate(RgbImage image, FaceMesh mesh) {
        return predictor.predict(new IrisTranslator.Request(image,
                eyeRoi(mesh, FaceMesh.RIGHT_EYE_OUTER, RIGHT_INNER, false),
                eyeRoi(mesh, LEFT_INNER, FaceMesh.LEFT_EYE_OUTER, true)));
    }

    /** A square crop around the eye, its x axis from the image-left corner to the image-right corner. */
    private static Roi eyeRoi(FaceMesh mesh, int imageLeftCorner, int imageRightCorner, boolean mirrored) {
        float dx = mesh.x(imageRightCorner) - mesh.x(imageLeftCorner), dy = mesh.y(imageRightCorner) - mesh.y(imageLeftCorner);
        float cx = (mesh.x(imageRightCorner) + mesh.x(imageLeftCorner)) / 2, cy = (mesh.y(imageRightCorner) + mesh.y(imageLeftCorner)) / 2;
        return new Roi(cx, cy, (float) Math.hypot(dx, dy) * EYE_SCALE, (float) Math.atan2(dy, dx), mirrored);
    }

    @Override
    public void close() {
        predictor.close();
    }
}
