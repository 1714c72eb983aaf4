package org.facsflow.face.mesh;

import org.facsflow.face.detect.FaceDetection;
import org.facsflow.face.image.Roi;
import org.facsflow.face.inference.OnnxModel;
import org.facsflow.face.inference.Predictor;
import org.facsflow.media.RgbImage;

import java.nio.file.Path;

/**
 * Reads the 468-point mesh from a region. The region comes from a detection the first time and from the previous
 * mesh afterwards (MediaPipe's scheme: 1.5 x the face, square, rotated so the eyes are level), so a video rarely
 * needs the detector. Not thread-safe: one per thread.
 */
public final class FaceMeshEstimator implements AutoCloseable {
    /** Context around the face that the model was trained with. */
    private static final float ROI_SCALE = 1.5f;

    private final Predictor<FaceMeshTranslator.Request, FaceMesh> predictor;

    public FaceMeshEstimator(Path model) {
        predictor = new Predictor<>(new OnnxModel(model), new FaceMeshTranslator());
    }

    public FaceMesh estimate(RgbImage image, Roi roi) {
        return predictor.predict(new FaceMeshTranslator.Request(image, roi));
    }

    /** The region for a new face: the detector's box, squared and enlarged, turned so the eye line is level. */
    public static Roi roiFrom(FaceDetection d) {
        float angle = (float) Math.atan2(d.keypointY(FaceDetection.LEFT_EYE) - d.keypointY(FaceDetection.RIGHT_EYE),
                d.keypointX(FaceDetection.LEFT_EYE) - d.keypointX(FaceDetection.RIGHT_EYE));
        float size = Math.max(d.box().width(), d.box().height()) * ROI_SCALE;
        return new Roi(d.box().centerX(), d.box().centerY(), size, angle);
    }

    /** The region for the next read of a face already meshed. */
    public static Roi roiFrom(FaceMesh mesh) {
        return extent(mesh, ROI_SCALE);
    }

    /**
     * The square around the mesh's extent in its own rotated frame (eyes level), times {@code scale}: the crop other
     * models of the face read.
     */
    public static Roi extent(FaceMesh mesh, float scale) {
        float angle = (float) Math.atan2(mesh.y(FaceMesh.LEFT_EYE_OUTER) - mesh.y(FaceMesh.RIGHT_EYE_OUTER),
                mesh.x(FaceMesh.LEFT_EYE_OUTER) - mesh.x(FaceMesh.RIGHT_EYE_OUTER));
        float cos = (float) Math.cos(angle), sin = (float) Math.sin(angle);
        float minU = Float.MAX_VALUE, maxU = -Float.MAX_VALUE, minV = Float.MAX_VALUE, maxV = -Float.MAX_VALUE;
        for (int i = 0; i < FaceMesh.POINTS; i++) {
            float u = mesh.x(i) * cos + mesh.y(i) * sin, v = -mesh.x(i) * sin + mesh.y(i) * cos;
            minU = Math.min(minU, u);
            maxU = Math.max(maxU, u);
            minV = Math.min(minV, v);
            maxV = Math.max(maxV, v);
        }
        float cu = (minU + maxU) / 2, cv = (minV + maxV) / 2;
        float size = Math.max(maxU - minU, maxV - minV) * scale;
        return new Roi(cu * cos - cv * sin, cu * sin + cv * cos, size, angle);
    }

    @Override
    public void close() {
        predictor.close();
    }
}
