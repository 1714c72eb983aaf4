package org.facsflow.facs.coding;

/**
 * Bends in the running models' inputs: per {@link FacialMeasures} measure, its deviation from the person's neutral
 * (standardised, as in the descriptor) above zero and squared. Reference intensities do not follow the geometry
 * linearly (a lid that drops a little is no blink, one that closes is; brows raised far count more than their
 * distance), and a ridge on these can bend where a straight line cannot. A fitted AU whose inner cross-validation
 * found them no better reads only the linear inputs ({@link AuModel.Entry#running}'s length says which).
 */
public final class Curvature {
    /** Values appended to the running models' {@code [d - n, n]}: two per measure. */
    public static final int LENGTH = 2 * FacialMeasures.COUNT;

    private Curvature() {
    }

    /** Writes the bends of descriptor {@code d} against neutral {@code n} into {@code out} from {@code at}. */
    public static void fill(float[] d, float[] n, float[] out, int at) {
        for (int m = 0; m < FacialMeasures.COUNT; m++) {
            float x = d[m] - n[m];
            out[at + 2 * m] = Math.max(0, x);
            out[at + 2 * m + 1] = x * x;
        }
    }
}
