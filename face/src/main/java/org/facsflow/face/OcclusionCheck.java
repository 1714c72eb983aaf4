package org.facsflow.face;

import org.facsflow.face.landmarks.Ibug68MeshIndex;

/**
 * How far the independent 68-point model's landmarks lie from the mesh's at the eyes and at the mouth, as fractions
 * of the interocular distance. The mesh model always draws a whole face, through a hand or a cup as well; the 68-point
 * model, trained on other data, lands elsewhere on what covers the face. Large disagreement therefore flags a covered
 * region (the AU coder's quality gate reads it).
 *
 * <p>The check costs a model call, so video runs it on a schedule ({@code TrackerSettings.occlusionCheckSeconds}) and
 * carries the last result forward; {@link #NOT_CHECKED} where none has run yet.
 *
 * @param eyes  mean distance over the 12 eye points (iBUG 36-47)
 * @param mouth mean distance over the 20 mouth points (iBUG 48-67)
 */
public record OcclusionCheck(float eyes, float mouth) {
    public static final OcclusionCheck NOT_CHECKED = new OcclusionCheck(Float.NaN, Float.NaN);

    public boolean checked() {
        return !Float.isNaN(eyes) && !Float.isNaN(mouth);
    }

    /**
     * @param net68   the 68-point model's points, 68 x 2 pixels
     * @param mesh478 the mesh with both irises, 478 x 3
     */
    public static OcclusionCheck of(float[] net68, float[] mesh478) {
        float iod = interocular(mesh478);
        return new OcclusionCheck(disagreement(net68, mesh478, 36, 48) / iod, disagreement(net68, mesh478, 48, 68) / iod);
    }

    /** Mean image distance between the model's points [from, to) and the mesh vertices they correspond to. */
    private static float disagreement(float[] net68, float[] mesh, int from, int to) {
        double sum = 0;
        for (int j = from; j < to; j++) {
            int v = Ibug68MeshIndex.meshIndex(j);
            sum += Math.hypot(net68[2 * j] - mesh[3 * v], net68[2 * j + 1] - mesh[3 * v + 1]);
        }
        return (float) (sum / (to - from));
    }

    /** Distance between the two iris centres in pixels (at least 1, so a degenerate mesh cannot divide by zero). */
    private static float interocular(float[] mesh478) {
        float d = (float) Math.hypot(mesh478[3 * 468] - mesh478[3 * 473], mesh478[3 * 468 + 1] - mesh478[3 * 473 + 1]);
        return d > 1 ? d : 1;
    }
}
