package org.facsflow.face.pose;

import org.facsflow.face.HeadPose;

/**
 * Lifts the image-space mesh into 3-D with a solved head pose, for measurements in millimetres.
 *
 * <p>Each vertex keeps its image position exactly (it is moved only along its camera ray); its depth is the mesh's
 * own relative z, converted from pixels to mm at the head's distance (tz / fx mm per pixel) and shifted so that the
 * Procrustes-basis vertices sit, on average, at the depth the pose gives them on the canonical face. The mesh's z has
 * no absolute origin, which is why only that offset is fitted.
 *
 * <p>Because the pose was solved against the canonical face, a larger-than-canonical face comes out farther away
 * rather than larger: lifted points are in canonical-scale mm, which is what makes head-frame measurements
 * comparable between people and distances. Stateless apart from the canonical face; safe to share between threads.
 */
public final class MeshLifter {
    private final CanonicalFace face;
    private final float[] canonical;
    private final int[] rigid;

    public MeshLifter(CanonicalFace face) {
        this.face = face;
        this.canonical = face.vertices();
        this.rigid = face.rigidIndices();
    }

    /** The canonical face this lifter measures against. */
    public CanonicalFace canonicalFace() {
        return face;
    }

    /**
     * @param mesh interleaved x, y (pixels), z (relative depth in pixel units, larger = farther, any origin) per
     *             vertex; every vertex is lifted
     * @param out  camera coordinates in mm, interleaved X, Y, Z; at least mesh.length long; may be mesh itself
     */
    public void toCamera(float[] mesh, HeadPose pose, CameraIntrinsics k, float[] out) {
        float[] r = pose.rotation();
        double mmPerPixel = pose.tz() / k.fx();
        double offset = 0;
        for (int i : rigid) {
            double poseDepth = r[6] * canonical[3 * i] + r[7] * canonical[3 * i + 1] + r[8] * canonical[3 * i + 2]
                    + pose.tz();
            offset += poseDepth - mmPerPixel * mesh[3 * i + 2];
        }
        offset /= rigid.length;
        for (int i = 0; i < mesh.length; i += 3) {
            double z = offset + mmPerPixel * mesh[i + 2];
            out[i] = (float) ((mesh[i] - k.cx()) * z / k.fx());
            out[i + 1] = (float) ((mesh[i + 1] - k.cy()) * z / k.fy());
            out[i + 2] = (float) z;
        }
    }

    /**
     * The mesh in the head's own frame (pose removed: R^T (X - T)), in canonical-scale mm, where the AU coder
     * measures. On a neutral face the Procrustes-basis vertices land near {@link CanonicalFace#vertices()}.
     *
     * @param out at least mesh.length long; may be mesh itself
     */
    public void toHeadFrame(float[] mesh, HeadPose pose, CameraIntrinsics k, float[] out) {
        toCamera(mesh, pose, k, out);
        float[] r = pose.rotation();
        for (int i = 0; i < mesh.length; i += 3) {
            float x = out[i] - pose.tx(), y = out[i + 1] - pose.ty(), z = out[i + 2] - pose.tz();
            out[i] = r[0] * x + r[3] * y + r[6] * z;
            out[i + 1] = r[1] * x + r[4] * y + r[7] * z;
            out[i + 2] = r[2] * x + r[5] * y + r[8] * z;
        }
    }
}
