package org.facsflow.face.track;

import org.facsflow.face.pose.CanonicalFace;

/**
 * A face-shape signature for re-identifying a face that was lost: the skull-fixed vertices of the mesh (MediaPipe's
 * Procrustes basis, the midface part of it), aligned to the canonical face by a similarity transform (rotation, uniform scale, translation),
 * so pose, distance and expression are removed and what is left is how this face's proportions differ from the
 * canonical one, in canonical-scale mm. A track's signature is the mean of samples taken while it is followed; two are
 * compared by the RMS distance of their vertices.
 *
 * <p>The alignment uses the mesh's own 3-D points rather than the head frame of {@code MeshLifter.toHeadFrame}: that
 * frame depends on the camera model, and the same face 200 px off-centre read as turned 0.3 rad and moved its
 * signature by 18 mm, more than the difference between two people.
 *
 * <p>It is a weak biometric on purpose: it tells apart the faces that share one video often enough to keep their ids
 * apart, and it cannot recognise anyone beyond that. Not thread-safe (it reuses buffers): one per tracker.
 */
final class FaceShape {
    /** Views turned further than this from the canonical face (radians) are not sampled: the mesh guesses more there. */
    private static final double MAX_TURN = 0.6;
    /**
     * The band of the canonical face used (head frame, y down, mm from the 68 points' centre): from the eye line to
     * just above the nostrils: canthi, orbit rims, nasal bones and temples, which no facial muscle moves much. The
     * rest of the Procrustes basis moves with expressions: on one smiling man the cheeks, nostril wings, forehead and
     * jaw points shifted 2-3 mm, the eye and nose points under 1.5 mm.
     */
    private static final float MIDFACE_TOP_MM = -45, MIDFACE_BOTTOM_MM = -5;

    private final float[] canonical;
    private final int[] rigid;
    private final double[] points, m = new double[9], r = new double[9], inverse = new double[9];

    FaceShape(CanonicalFace face) {
        this.rigid = java.util.Arrays.stream(face.rigidIndices())
                .filter(i -> face.vertices()[3 * i + 1] >= MIDFACE_TOP_MM && face.vertices()[3 * i + 1] <= MIDFACE_BOTTOM_MM)
                .toArray();
        this.canonical = new float[rigid.length * 3];
        this.points = new double[rigid.length * 3];
        for (int k = 0; k < rigid.length; k++) System.arraycopy(face.vertices(), 3 * rigid[k], canonical, 3 * k, 3);
        centre(canonical);
    }

    int size() {
        return canonical.length;
    }

    /**
     * Adds this frame's shape to a running mean, unless the face is turned too far for a fair sample.
     *
     * @param mean    the signature so far ({@link #size()} values)
     * @param samples how many samples the mean holds (0 for a new signature)
     * @param mesh    468 or more vertices, interleaved x, y (pixels) and relative z (pixel units, larger = farther)
     * @return whether a sample was taken
     */
    boolean accumulate(float[] mean, int samples, float[] mesh) {
        for (int k = 0; k < rigid.length; k++) for (int a = 0; a < 3; a++) points[3 * k + a] = mesh[3 * rigid[k] + a];
        centre(points);
        // Rotation that best maps the mesh onto the canonical face: the orthogonal polar factor of sum(c p^T).
        java.util.Arrays.fill(m, 0);
        for (int k = 0; k < rigid.length; k++)
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) m[3 * i + j] += canonical[3 * k + i] * points[3 * k + j];
        if (!polar(m, r)) return false;
        // r[8] is the cosine between the mesh's depth axis and the canonical face's: how far the head is turned out of
        // the picture's plane (a roll within the plane does not matter).
        if (r[8] < Math.cos(MAX_TURN)) return false;
        double dot = 0, norm = 0;
        for (int k = 0; k < rigid.length; k++)
            for (int i = 0; i < 3; i++) {
                double rotated = r[3 * i] * points[3 * k] + r[3 * i + 1] * points[3 * k + 1] + r[3 * i + 2] * points[3 * k + 2];
                dot += canonical[3 * k + i] * rotated;
                norm += points[3 * k + i] * points[3 * k + i];
            }
        double scale = dot / norm;
        float weight = 1f / (samples + 1);
        for (int k = 0; k < rigid.length; k++)
            for (int i = 0; i < 3; i++) {
                double aligned = scale * (r[3 * i] * points[3 * k] + r[3 * i + 1] * points[3 * k + 1] + r[3 * i + 2] * points[3 * k + 2]);
                mean[3 * k + i] += weight * (float) (aligned - mean[3 * k + i]);
            }
        return true;
    }

    /** The RMS distance of corresponding vertices, mm. */
    static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(sum / (a.length / 3.0));
    }

    /**
     * The orthogonal polar factor of a 3 x 3 matrix by Newton's iteration X = (X + X^-T) / 2 (Higham), which
     * converges quadratically for a non-singular matrix; false when the matrix is (nearly) singular or a reflection.
     */
    private boolean polar(double[] a, double[] out) {
        double f = 0;
        for (double v : a) f += v * v;
        if (f == 0) return false;
        f = Math.sqrt(f);
        for (int i = 0; i < 9; i++) out[i] = a[i] / f;
        for (int iteration = 0; iteration < 30; iteration++) {
            double det = out[0] * (out[4] * out[8] - out[5] * out[7]) - out[1] * (out[3] * out[8] - out[5] * out[6])
                    + out[2] * (out[3] * out[7] - out[4] * out[6]);
            if (Math.abs(det) < 1e-12) return false;
            // Inverse transposed = cofactor matrix / det.
            inverse[0] = (out[4] * out[8] - out[5] * out[7]) / det;
            inverse[1] = -(out[3] * out[8] - out[5] * out[6]) / det;
            inverse[2] = (out[3] * out[7] - out[4] * out[6]) / det;
            inverse[3] = -(out[1] * out[8] - out[2] * out[7]) / det;
            inverse[4] = (out[0] * out[8] - out[2] * out[6]) / det;
            inverse[5] = -(out[0] * out[7] - out[1] * out[6]) / det;
            inverse[6] = (out[1] * out[5] - out[2] * out[4]) / det;
            inverse[7] = -(out[0] * out[5] - out[2] * out[3]) / det;
            inverse[8] = (out[0] * out[4] - out[1] * out[3]) / det;
            double change = 0;
            for (int i = 0; i < 9; i++) {
                double next = (out[i] + inverse[i]) / 2;
                change += Math.abs(next - out[i]);
                out[i] = next;
            }
            if (change < 1e-10) break;
        }
        double det = out[0] * (out[4] * out[8] - out[5] * out[7]) - out[1] * (out[3] * out[8] - out[5] * out[6])
                + out[2] * (out[3] * out[7] - out[4] * out[6]);
        return det > 0;
    }

    private static void centre(float[] xyz) {
        for (int a = 0; a < 3; a++) {
            double sum = 0;
            for (int i = a; i < xyz.length; i += 3) sum += xyz[i];
            float mean = (float) (sum / (xyz.length / 3));
            for (int i = a; i < xyz.length; i += 3) xyz[i] -= mean;
        }
    }

    private static void centre(double[] xyz) {
        for (int a = 0; a < 3; a++) {
            double sum = 0;
            for (int i = a; i < xyz.length; i += 3) sum += xyz[i];
            double mean = sum / (xyz.length / 3);
            for (int i = a; i < xyz.length; i += 3) xyz[i] -= mean;
        }
    }
}
