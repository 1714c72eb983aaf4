package org.facsflow.affect;

import org.facsflow.face.HeadPose;
import org.facsflow.face.pose.EulerAngles;

import java.util.Map;

/** Hand-made AU time series at 30 frames per second, with known episode boundaries. */
public final class SyntheticSeries {
    public static final double FPS = 30;

    private SyntheticSeries() {
    }

    public static double time(int frame) {
        return frame / FPS;
    }

    /**
     * A trapezoid: 0 before {@code start}, rising linearly to {@code peak} over {@code ramp} frames, flat, then falling
     * to 0 over {@code ramp} frames ending at {@code end}.
     */
    public static float trapezoid(int frame, int start, int end, int ramp, float peak) {
        if (frame <= start || frame >= end) return 0;
        float up = (frame - start) / (float) ramp, down = (end - frame) / (float) ramp;
        return peak * Math.min(1, Math.min(up, down));
    }

    /** First frame at or after {@code from} where {@code f} reaches {@code level}. */
    public static int firstAtLeast(java.util.function.IntToDoubleFunction f, int from, double level) {
        int i = from;
        while (f.applyAsDouble(i) < level) i++;
        return i;
    }

    /** AU12 (both sides), AU6, and optionally per-side AU12. */
    public static AuIntensities smileFrame(float au12, float au6, float left12, float right12) {
        return AuIntensities.of(Map.of(12, au12, 6, au6), Map.of(12, left12), Map.of(12, right12));
    }

    /** A head pose turned {@code yawDegrees} about the vertical axis. */
    public static HeadPose yaw(double yawDegrees) {
        double[] r = new double[9];
        EulerAngles.toMatrix(0, Math.toRadians(yawDegrees), 0, r);
        float[] f = new float[9];
        for (int i = 0; i < 9; i++) f[i] = (float) r[i];
        return new HeadPose(0, 0, 600, 0, (float) Math.toRadians(yawDegrees), 0, f);
    }
}
