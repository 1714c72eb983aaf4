package org.facsflow.fusion.voice;

import org.facsflow.face.FaceObservation;

/**
 * How far the lips are apart, millimetres: the mean distance between the inner upper lip (iBUG points 61, 62, 63) and
 * the inner lower lip (67, 66, 65) of the 68 landmarks in camera coordinates, so the head's distance and turn do not
 * change it. Speech opens and closes the mouth syllable by syllable (AU25, AU26), which is what ties a voice to a face.
 */
public final class MouthOpening {
    private static final int[][] LIP_PAIRS = {{61, 67}, {62, 66}, {63, 65}};

    private MouthOpening() {
    }

    /** NaN without a face. */
    public static double millimetres(FaceObservation face) {
        if (face == null) return Double.NaN;
        float[] p = face.landmarks68World();
        double sum = 0;
        for (int[] pair : LIP_PAIRS) {
            int a = 3 * pair[0], b = 3 * pair[1];
            double dx = p[a] - p[b], dy = p[a + 1] - p[b + 1], dz = p[a + 2] - p[b + 2];
            sum += Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return sum / LIP_PAIRS.length;
    }
}
