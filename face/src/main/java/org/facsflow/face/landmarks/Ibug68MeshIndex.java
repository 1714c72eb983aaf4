package org.facsflow.face.landmarks;

/**
 * Which MediaPipe face-mesh vertex stands for each iBUG/Multi-PIE 68-point landmark, so the mesh can feed code and
 * comparisons written for the 68 points (OpenFace's x_i, y_i, X_i, Y_i, Z_i columns).
 *
 * <p>How the table was made: start from the usual anatomical correspondences (eye corners 33/133/362/263, eyelids,
 * brows 70-107 and 336-300, nose bridge 168-4, lip corners 61/291, lip midlines 0/17 and 13/14), then check it against
 * OpenFace 2.0.6's own 68 points in shared/reference (258 frames of 8 people): fit the canonical mesh to OpenFace's
 * points by a perspective solve on the brows, eyes and nose, and for each landmark compare the mean image distance of
 * every vertex. Where another vertex was closer by more than 1% of the outer-eye-corner distance, it replaced the
 * anatomical guess, chosen as a mirror pair so the table stays left-right symmetric. That changed the jaw (OpenFace's
 * jaw line lies inside the canonical mesh's outline: 177, 215, 172, 169, 149, 171 and the chin 175 instead of the
 * outline 93, 132, 58, 172, 136, 176, 152) and the nostril points 31, 32, 34, 35. On the canonical face the jaw runs
 * from 127 (beside the subject's right eye, x = -7.7 cm) down to the chin (175, x = 0) and up to 356, mirrored.
 */
public final class Ibug68MeshIndex {
    public static final int POINTS = 68;

    private static final int[] MESH = {
            // jaw 0-16, subject's right ear to chin to left ear
            127, 234, 177, 215, 172, 169, 149, 171, 175, 396, 378, 394, 397, 435, 401, 454, 356,
            // right brow 17-21 (outer to inner), left brow 22-26 (inner to outer)
            70, 63, 105, 66, 107, 336, 296, 334, 293, 300,
            // nose bridge 27-30 (top to tip), nostrils 31-35 (subject's right to left)
            168, 197, 5, 4, 240, 99, 2, 328, 460,
            // right eye 36-41 from its outer corner, left eye 42-47 from its inner corner, each clockwise in the image
            33, 160, 158, 133, 153, 144, 362, 385, 387, 263, 373, 380,
            // outer lips 48-59 and inner lips 60-67, each clockwise in the image from the subject's right corner
            61, 39, 37, 0, 267, 269, 291, 405, 314, 17, 84, 181,
            78, 82, 13, 312, 308, 317, 14, 87};

    private Ibug68MeshIndex() {
    }

    public static int meshIndex(int ibugPoint) {
        return MESH[ibugPoint];
    }

    public static int[] meshIndices() {
        return MESH.clone();
    }

    /** The 68 points in pixels, x0, y0, x1, ... from a mesh of interleaved x, y, z. */
    public static float[] image68(float[] mesh) {
        float[] out = new float[POINTS * 2];
        for (int j = 0; j < POINTS; j++) {
            out[2 * j] = mesh[3 * MESH[j]];
            out[2 * j + 1] = mesh[3 * MESH[j] + 1];
        }
        return out;
    }

    /** The 68 points in camera coordinates (mm), X0, Y0, Z0, ... from a lifted mesh (see MeshLifter). */
    public static float[] world68(float[] meshCamera) {
        float[] out = new float[POINTS * 3];
        for (int j = 0; j < POINTS; j++) System.arraycopy(meshCamera, 3 * MESH[j], out, 3 * j, 3);
        return out;
    }
}
