package org.facsflow.face;

import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.pose.EulerAngles;

/** The canonical face posed and projected the way the mesh model reports a face: pixels, z relative depth. */
public final class SyntheticMesh {
    private SyntheticMesh() {
    }

    /** Camera coordinates (mm) of the canonical vertices under R (row-major) and t. */
    public static double[] toCamera(CanonicalFace face, double[] r, double[] t) {
        float[] v = face.vertices();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i += 3)
            for (int a = 0; a < 3; a++)
                out[i + a] = r[3 * a] * v[i] + r[3 * a + 1] * v[i + 1] + r[3 * a + 2] * v[i + 2] + t[a];
        return out;
    }

    /**
     * Projected mesh with {@code vertices} points (468, or 478 with irises; the iris points start as copies of
     * vertex 0 and are set by the caller). z is depth relative to t in pixels at the head's distance, plus an
     * arbitrary offset, as the mesh model's z has no absolute origin.
     */
    public static float[] project(double[] camera, double[] t, CameraIntrinsics k, int vertices) {
        float[] mesh = new float[vertices * 3];
        for (int i = 0; i < vertices; i++) {
            int src = i < CanonicalFace.VERTICES ? i : 0;
            setProjection(mesh, i, camera[3 * src], camera[3 * src + 1], camera[3 * src + 2], t[2], k);
        }
        return mesh;
    }

    public static void setProjection(float[] mesh, int i, double x, double y, double z, double tz, CameraIntrinsics k) {
        mesh[3 * i] = (float) (k.fx() * x / z + k.cx());
        mesh[3 * i + 1] = (float) (k.fy() * y / z + k.cy());
        mesh[3 * i + 2] = (float) ((z - tz) * k.fx() / tz + 37.0);
    }

    public static double[] rotation(double pitch, double yaw, double roll) {
        double[] r = new double[9];
        EulerAngles.toMatrix(pitch, yaw, roll, r);
        return r;
    }
}
