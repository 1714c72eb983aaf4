package org.facsflow.face;

import org.facsflow.face.mesh.FaceMesh;

/**
 * The {@code confidence} of a face in a frame: the probability that its landmarks are right, meaning that the 68
 * points lie within {@value #GOOD_NME} of the outer-eye-corner distance (mean over the points) of OpenFace 2.0.6's.
 * The mesh model's own face probability alone said 1.00 on 99% of frames, blurred, half-covered and half-out-of-frame
 * faces included, so a filter on it did nothing. A logistic model combines three things measured anyway:
 * <ul>
 *   <li>the face probability as log-odds (clamped to +-16: float32 rounds it to 1 beyond that),</li>
 *   <li>the share of mesh vertices outside the picture (a face half out of frame is half guessed),</li>
 *   <li>where an {@link OcclusionCheck} has run (every still; 10 times a second on video, carried between), the log
 *       of the 68-point model's mean disagreement with the mesh at eyes and mouth (blur, a hand, a wrong face).</li>
 * </ul>
 * Fitted by {@code ConfidenceCalibration} (face tests) on every 30th frame of the training corpus's clips of half
 * its people, each frame as it is and made worse (shifted 30-90% of a face width out of the picture, box-blurred,
 * the lower 25-75% of the face covered, black): its README section "Output columns" gives the agreement on the other
 * half. Cheap: a pass over the mesh and two exponentials per face and frame.
 */
public final class FaceConfidence {
    /** The landmark error, as a fraction of the outer-eye-corner distance, up to which landmarks count as right. */
    public static final double GOOD_NME = 0.08;
    /** log(disagreement) is taken at this floor at least, where the two models agree to within noise. */
    private static final float DISAGREEMENT_FLOOR = 1e-3f;
    /** Coefficients (intercept, face log-odds / 16, share outside, log disagreement) with a check, and without. */
    private static final double[] CHECKED = {-1.370, 2.018, -19.141, -0.691};
    private static final double[] UNCHECKED = {-0.571, 3.013, -17.101};

    private FaceConfidence() {
    }

    /**
     * @param faceScore the mesh model's face probability
     * @param mesh      the mesh's vertices (x, y, z interleaved; 468 or more), or null when the face was not found
     * @param check     the occlusion check of this frame or the last one, or {@link OcclusionCheck#NOT_CHECKED}
     */
    public static float of(float faceScore, float[] mesh, int width, int height, OcclusionCheck check) {
        double[] x = features(faceScore, mesh, width, height, check);
        double[] w = check.checked() ? CHECKED : UNCHECKED;
        double z = w[0];
        for (int i = 0; i < w.length - 1; i++) z += w[i + 1] * x[i];
        return (float) (1 / (1 + Math.exp(-z)));
    }

    /** The model's inputs: face log-odds / 16, share of vertices outside the picture, log disagreement (NaN if none). */
    static double[] features(float faceScore, float[] mesh, int width, int height, OcclusionCheck check) {
        double p = Math.min(Math.max(faceScore, 1e-7), 1 - 1e-7);
        double logOdds = Math.max(-16, Math.min(16, Math.log(p / (1 - p))));
        int outside = 0;
        if (mesh != null)
            for (int i = 0; i < FaceMesh.POINTS; i++) {
                float px = mesh[3 * i], py = mesh[3 * i + 1];
                if (px < 0 || py < 0 || px > width - 1 || py > height - 1) outside++;
            }
        double disagreement = check.checked()
                ? Math.log(Math.max(DISAGREEMENT_FLOOR, (check.eyes() + check.mouth()) / 2)) : Double.NaN;
        return new double[] {logOdds / 16, outside / (double) FaceMesh.POINTS, disagreement};
    }
}
