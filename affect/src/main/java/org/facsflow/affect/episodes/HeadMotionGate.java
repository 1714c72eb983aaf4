package org.facsflow.affect.episodes;

import org.facsflow.face.HeadPose;
import org.facsflow.face.pose.EulerAngles;

/**
 * Marks frames taken during fast head rotation, where AU intensities are unreliable (motion blur, the mesh lagging
 * the face, lip corners moving in the image from rotation alone), so that episode detection skips them.
 *
 * <p>The angular speed is the angle of the relative rotation between consecutive poses (R_prev^T R) over the time
 * between them. {@link #DEFAULT_MAX_SPEED} is 60 degrees/s, 2 degrees per frame at 30 fps: for a face 200 px wide
 * (lip corners ~100 px from the rotation axis) that moves the mouth corners about 3.5 px per frame by rotation alone,
 * the order of a trace AU12's own displacement. A heuristic, not fitted. A frame stays gated for {@link #SETTLE_S}
 * after the last fast one, while the mesh settles.
 */
public final class HeadMotionGate {
    /** Radians per second. */
    public static final double DEFAULT_MAX_SPEED = Math.toRadians(60);
    /** Seconds the gate stays closed after fast motion. */
    public static final double SETTLE_S = 0.1;

    private final double maxSpeed;
    private final double[] previous = new double[9], current = new double[9];
    private boolean hasPrevious;
    private double previousTime, gatedUntil = Double.NEGATIVE_INFINITY;
    private double lastSpeed = Double.NaN;

    public HeadMotionGate(double maxRadiansPerSecond) {
        if (!(maxRadiansPerSecond > 0)) throw new IllegalArgumentException("speed limit " + maxRadiansPerSecond);
        this.maxSpeed = maxRadiansPerSecond;
    }

    public HeadMotionGate() {
        this(DEFAULT_MAX_SPEED);
    }

    /** Whether the frame at {@code time} with {@code pose} (null: unknown) is gated. */
    public boolean next(double time, HeadPose pose) {
        if (pose == null || pose.rotation() == null) return next(time, (double[]) null);
        for (int i = 0; i < 9; i++) current[i] = pose.rotation()[i];
        return next(time, current);
    }

    /** As {@link #next(double, HeadPose)} from OpenFace's pose_Rx, pose_Ry, pose_Rz (radians; NaN: unknown). */
    public boolean next(double time, double pitch, double yaw, double roll) {
        if (Double.isNaN(pitch) || Double.isNaN(yaw) || Double.isNaN(roll)) return next(time, (double[]) null);
        EulerAngles.toMatrix(pitch, yaw, roll, current);
        return next(time, current);
    }

    /** Radians per second between the last two known poses; NaN when not known. */
    public double lastSpeed() {
        return lastSpeed;
    }

    private boolean next(double time, double[] rotation) {
        lastSpeed = Double.NaN;
        if (rotation == null) {
            hasPrevious = false;
        } else {
            double dt = time - previousTime;
            if (hasPrevious && dt > 0) {
                lastSpeed = angleBetween(previous, rotation) / dt;
                if (lastSpeed > maxSpeed) gatedUntil = time + SETTLE_S;
            } else if (hasPrevious && dt < 0) {
                gatedUntil = Double.NEGATIVE_INFINITY; // a new clip: the old motion says nothing
            }
            if (rotation != previous) System.arraycopy(rotation, 0, previous, 0, 9);
            hasPrevious = true;
            previousTime = time;
        }
        return time <= gatedUntil;
    }

    /** The angle of R_a^T R_b, from its trace. */
    static double angleBetween(double[] a, double[] b) {
        double trace = 0;
        for (int i = 0; i < 3; i++) for (int k = 0; k < 3; k++) trace += a[3 * k + i] * b[3 * k + i];
        return Math.acos(Math.max(-1, Math.min(1, (trace - 1) / 2)));
    }
}
