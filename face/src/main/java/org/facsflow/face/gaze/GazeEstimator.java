package org.facsflow.face.gaze;

import org.facsflow.face.Gaze;
import org.facsflow.face.HeadPose;
import org.facsflow.face.landmarks.Ibug68MeshIndex;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.pose.MeshLifter;

/**
 * Gaze as OpenFace 2 computes it (GazeEstimation.cpp): each eyeball is a 12 mm sphere whose centre sits at a fixed
 * offset from the eye corners' midpoint in the head frame (3.5 mm up, 7 mm back); the pupil is where the camera ray
 * through the iris centre first meets that sphere, and the gaze is the unit vector from the centre to the pupil.
 * The constants are OpenFace's, relative to its 68-point eye corners (36/39, 42/45); the mesh vertices used here are
 * the same corners in {@link Ibug68MeshIndex}. They are taken from the mesh lifted to 3-D with the pose (see
 * MeshLifter), as OpenFace takes them from its fitted 3-D landmarks.
 *
 * <p>Eye 0 is the subject's right eye (mesh corners 33, 133, iris centre 468), which is the leftmost eye in the image
 * for any upright face, as in OpenFace; eye 1 the left eye (263, 362, iris 473).
 *
 * <p>Sign of the angles (Gaze: angleX = atan2(x, -z), angleY = atan2(y, -z), camera x right, y down): angleX is
 * positive when the subject looks towards the image's right (the subject's own left), angleY when looking down.
 *
 * <p>Reuses a buffer for the lifted mesh: one estimator per thread.
 */
public final class GazeEstimator {
    public static final float EYEBALL_RADIUS_MM = 12f;
    /** Eyeball centre relative to the corners' midpoint, head frame (x right, y down, z into the head), mm. */
    private static final float[] EYEBALL_OFFSET_MM = {0f, -3.5f, 7f};
    private static final int[][] EYES = {{33, 133, 468}, {263, 362, 473}}; // outer corner, inner corner, iris centre
    private static final int POINTS_WITH_IRISES = 478;

    private final MeshLifter lifter;
    private final float[] lifted = new float[POINTS_WITH_IRISES * 3];

    public GazeEstimator(CanonicalFace face) {
        this.lifter = new MeshLifter(face);
    }

    /** @param mesh 478 vertices (mesh, then the irises), interleaved x, y in pixels and relative z */
    public Gaze estimate(float[] mesh, HeadPose pose, CameraIntrinsics k) {
        if (mesh.length != POINTS_WITH_IRISES * 3)
            throw new IllegalArgumentException("gaze needs the mesh with iris points (478 vertices)");
        lifter.toCamera(mesh, pose, k, lifted);
        float[][] centre = new float[2][], direction = new float[2][];
        for (int e = 0; e < 2; e++) {
            centre[e] = eyeballCentre(lifted, EYES[e][0], EYES[e][1], pose.rotation());
            direction[e] = gazeDirection(centre[e], mesh[3 * EYES[e][2]], mesh[3 * EYES[e][2] + 1], k);
        }
        float x = direction[0][0] + direction[1][0], y = direction[0][1] + direction[1][1];
        float z = direction[0][2] + direction[1][2];
        return new Gaze(direction[0], direction[1], (float) Math.atan2(x, -z), (float) Math.atan2(y, -z),
                centre[0], centre[1]);
    }

    /**
     * The iBUG 68 points in camera coordinates (mm), X0, Y0, Z0, ... like OpenFace's X_i, Y_i, Z_i: the mesh lifted
     * with the pose, at the vertices of {@link Ibug68MeshIndex}.
     *
     * @param mesh 468 or 478 vertices
     */
    public float[] world68(float[] mesh, HeadPose pose, CameraIntrinsics k) {
        lifter.toCamera(mesh, pose, k, lifted);
        return Ibug68MeshIndex.world68(lifted);
    }

    private static float[] eyeballCentre(float[] meshCamera, int outer, int inner, float[] r) {
        float[] c = new float[3];
        for (int a = 0; a < 3; a++)
            c[a] = (meshCamera[3 * outer + a] + meshCamera[3 * inner + a]) / 2
                    + r[3 * a] * EYEBALL_OFFSET_MM[0] + r[3 * a + 1] * EYEBALL_OFFSET_MM[1]
                    + r[3 * a + 2] * EYEBALL_OFFSET_MM[2];
        return c;
    }

    /** Unit vector from the eyeball centre to the pupil, the pupil being seen at pixel (u, v). */
    private static float[] gazeDirection(float[] centre, float u, float v, CameraIntrinsics k) {
        double dx = (u - k.cx()) / k.fx(), dy = (v - k.cy()) / k.fy(), dz = 1;
        double norm = Math.sqrt(dx * dx + dy * dy + dz * dz);
        dx /= norm;
        dy /= norm;
        dz /= norm;
        // Ray p = t d from the camera centre: nearer root of |t d - c|^2 = r^2.
        double b = dx * centre[0] + dy * centre[1] + dz * centre[2];
        double cc = centre[0] * centre[0] + centre[1] * centre[1] + centre[2] * centre[2];
        double disc = b * b - (cc - EYEBALL_RADIUS_MM * EYEBALL_RADIUS_MM);
        // A ray that misses the sphere (iris found outside it) takes its closest approach instead; OpenFace returns
        // a fixed point there, which makes the gaze jump.
        double t = disc >= 0 ? b - Math.sqrt(disc) : b;
        double gx = t * dx - centre[0], gy = t * dy - centre[1], gz = t * dz - centre[2];
        double g = Math.sqrt(gx * gx + gy * gy + gz * gz);
        return new float[]{(float) (gx / g), (float) (gy / g), (float) (gz / g)};
    }
}
