package org.facsflow.face.mesh;

import org.facsflow.face.image.Roi;
import org.facsflow.face.inference.OnnxModel;
import org.facsflow.face.inference.Predictor;
import org.facsflow.media.RgbImage;

import java.nio.file.Path;

/**
 * Reads both eyes at the mesh's eye corners with MediaPipe's iris model: the irises, and the lid margins, which the
 * iris model follows more closely than the mesh does (on the training corpus the lid gap it gives tracks OpenFace's
 * AU45 at a within-clip r of 0.66 against the mesh's 0.55). The model was trained on one eye orientation, so the
 * subject's left eye is read mirrored (MediaPipe's scheme). Not thread-safe: one per thread.
 */
public final class IrisEstimator implements AutoCloseable {
    /** Crop side relative to the eye-corner distance (MediaPipe and Human use 2.3). */
    private static final float EYE_SCALE = 2.3f;
    private static final int RIGHT_INNER = 133, LEFT_INNER = 362;
    /**
     * The mesh vertex of each lid point (MediaPipe's mapping), subject's right eye then left. The corners (the first
     * and the ninth) are not replaced: they place the eye crop and the gaze's eye axis, and move little.
     */
    private static final int[][] LID_VERTICES = {
            {33, 7, 163, 144, 145, 153, 154, 155, 133, 246, 161, 160, 159, 158, 157, 173},
            {263, 249, 390, 373, 374, 380, 381, 382, 362, 466, 388, 387, 386, 385, 384, 398}};
    private static final int OUTER_CORNER = 0, INNER_CORNER = 8;

    private final Predictor<IrisTranslator.Request, float[]> predictor;

    public IrisEstimator(Path model) {
        predictor = new Predictor<>(new OnnxModel(model), new IrisTranslator());
    }

    /**
     * @return 478 x (x, y, z): the mesh with each eye's lid margins (x, y) taken from the iris model, then the
     * subject's right iris (centre then 4 boundary points) and the left, as mesh indices 468-477 of a 478-point
     * MediaPipe mesh. The lid points keep the mesh's depth: the iris model's is relative to its own crop.
     */
    public float[] refine(RgbImage image, FaceMesh mesh) {
        float[] eyes = predictor.predict(new IrisTranslator.Request(image,
                eyeRoi(mesh, FaceMesh.RIGHT_EYE_OUTER, RIGHT_INNER, false),
                eyeRoi(mesh, LEFT_INNER, FaceMesh.LEFT_EYE_OUTER, true)));
        float[] points = new float[(FaceMesh.POINTS + 2 * IrisTranslator.IRIS) * 3];
        System.arraycopy(mesh.points(), 0, points, 0, FaceMesh.POINTS * 3);
        for (int eye = 0; eye < 2; eye++) {
            int from = eye * IrisTranslator.PER_EYE * 3;
            for (int p = 0; p < IrisTranslator.LIDS; p++) {
                if (p == OUTER_CORNER || p == INNER_CORNER) continue;
                int v = LID_VERTICES[eye][p];
                points[3 * v] = eyes[from + 3 * p];
                points[3 * v + 1] = eyes[from + 3 * p + 1];
            }
            System.arraycopy(eyes, from + IrisTranslator.LIDS * 3, points,
                    (FaceMesh.POINTS + eye * IrisTranslator.IRIS) * 3, IrisTranslator.IRIS * 3);
        }
        return points;
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
