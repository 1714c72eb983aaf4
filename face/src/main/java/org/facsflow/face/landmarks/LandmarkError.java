package org.facsflow.face.landmarks;

import java.util.stream.IntStream;

/**
 * How far 68 iBUG points lie from a reference's: the normalised mean error (NME), the mean point distance over the
 * reference's outer-eye-corner distance (points 36 and 45, as OpenFace and 300-W report it), over all points or a
 * region.
 */
public final class LandmarkError {

    /** The 68 points' regions, in iBUG order. */
    public enum Region {
        JAW(0, 16), BROWS(17, 26), NOSE_BRIDGE(27, 30), NOSTRILS(31, 35), EYES(36, 47), LIPS(48, 67);

        private final int[] points;

        Region(int first, int last) {
            points = IntStream.rangeClosed(first, last).toArray();
        }

        /** The region's point numbers (shared: do not modify). */
        public int[] points() {
            return points;
        }
    }

    public static final int[] ALL = IntStream.range(0, Ibug68MeshIndex.POINTS).toArray();

    /**
     * The 46 points a mesh vertex stands for by anatomy alone (brows, nose bridge, eyes, lips): the jaw line and the
     * nostrils were matched to OpenFace's own points ({@link Ibug68MeshIndex}), so comparing them with OpenFace
     * favours the mesh over an independent 68-point model.
     */
    public static final int[] ANATOMICAL = IntStream.concat(IntStream.concat(
                    IntStream.of(Region.BROWS.points()), IntStream.of(Region.NOSE_BRIDGE.points())),
            IntStream.concat(IntStream.of(Region.EYES.points()), IntStream.of(Region.LIPS.points()))).toArray();

    private LandmarkError() {
    }

    /** The distance between the outer eye corners (points 36 and 45) of 68 x (x, y) points: the NME's unit. */
    public static double interOcular(float[] points) {
        return Math.hypot(points[72] - points[90], points[73] - points[91]);
    }

    /**
     * @param points    68 x (x, y), any unit
     * @param reference the reference's 68 x (x, y) in the same unit
     * @param subset    which of the 68 points to average over
     * @return the NME; NaN where a value is missing or the reference's eye corners coincide
     */
    public static double nme(float[] points, float[] reference, int[] subset) {
        double interOcular = interOcular(reference);
        double sum = 0;
        for (int j : subset)
            sum += Math.hypot(points[2 * j] - reference[2 * j], points[2 * j + 1] - reference[2 * j + 1]);
        double nme = sum / subset.length / interOcular;
        return Double.isFinite(nme) ? nme : Double.NaN;
    }
}
