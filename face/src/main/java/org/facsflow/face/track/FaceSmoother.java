package org.facsflow.face.track;

import org.facsflow.face.FaceConfidence;
import org.facsflow.face.FaceGeometry;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.HeadPose;
import org.facsflow.face.OcclusionCheck;
import org.facsflow.face.StageTimes;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.pose.EulerAngles;
import org.facsflow.media.RgbImage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Temporal smoothing of each face's measurements with One Euro filters, in frame order: the mesh (with irises), speeds
 * measured in face widths per second; head translation in face widths (150 mm) per second; head rotation in radians
 * per second. Gaze and the 68 points are then recomputed from the smoothed values. A face found again after being
 * lost starts afresh, so a jump is never smeared. The last occlusion check is carried forward to frames without one.
 *
 * <p>Settings, for video at 24-60 fps: the landmarks' cut-off is 1 Hz at rest (frame-to-frame jitter of a still face
 * drops about threefold) and rises by 10 Hz per face width per second, so a smile onset (about a third of a face width
 * per second at the lip corners) lags about one frame and a blink less; rotation: 1 Hz plus 3 Hz per rad/s.
 */
final class FaceSmoother {
    static final OneEuroFilter.Settings LANDMARKS = new OneEuroFilter.Settings(1.0, 10.0, 1.0);
    static final OneEuroFilter.Settings TRANSLATION = new OneEuroFilter.Settings(1.0, 10.0, 1.0);
    static final OneEuroFilter.Settings ROTATION = new OneEuroFilter.Settings(1.0, 3.0, 1.0);
    private static final double FACE_WIDTH_MM = 150;
    private static final int MESH_VALUES = FaceObservation.MESH_POINTS * 3;

    /** One face's filters and the last smoothed angles (to unwrap the next ones). */
    private static final class State {
        final OneEuroFilter points = new OneEuroFilter(MESH_VALUES, LANDMARKS);
        final OneEuroFilter translation = new OneEuroFilter(3, TRANSLATION);
        final OneEuroFilter rotation = new OneEuroFilter(3, ROTATION);
        final float[] angles = new float[3];
        boolean started;
        OcclusionCheck occlusion = OcclusionCheck.NOT_CHECKED;
    }

    private final FaceGeometry geometry;
    private final Map<Integer, State> states = new HashMap<>();
    private final double[] rotationMatrix = new double[9];

    FaceSmoother(CanonicalFace canonical) {
        this.geometry = new FaceGeometry(canonical);
    }

    /**
     * @param raw     this frame's measurements by position in {@code located}; null where the face was not found
     * @param frame   the frame measured (its size and time)
     * @param times   where the geometry's time is recorded
     */
    List<TrackedFace> smooth(List<FaceLocator.Located> located, FaceObservation[] raw, RgbImage frame,
                             CameraIntrinsics camera, StageTimes times) {
        TrackedFace[] out = new TrackedFace[located.size()];
        for (int i = 0; i < out.length; i++) {
            FaceLocator.Located face = located.get(i);
            FaceObservation r = raw[i];
            if (r == null) {
                out[i] = new TrackedFace(face.id(), FaceConfidence.of(face.faceScore(), null, frame.width(),
                        frame.height(), OcclusionCheck.NOT_CHECKED), null, null);
                continue;
            }
            State state = states.computeIfAbsent(face.id(), id -> new State());
            if (face.fresh()) state.started = false;
            if (!state.started) state.occlusion = OcclusionCheck.NOT_CHECKED;
            if (r.occlusion().checked()) state.occlusion = r.occlusion();
            // The raw values carry the last check too, so that AUs coded from them are gated alike; the confidence
            // follows from it.
            float confidence = FaceConfidence.of(face.faceScore(), r.mesh(), frame.width(), frame.height(), state.occlusion);
            FaceObservation smoothed = smooth(state, r, confidence, frame.timestampSeconds(), camera, times);
            out[i] = new TrackedFace(face.id(), confidence, smoothed, r.withCheck(state.occlusion, confidence));
        }
        // A face no longer reported was dropped: its filters go too.
        states.keySet().removeIf(id -> located.stream().noneMatch(l -> l.id() == id));
        return List.of(out);
    }

    private FaceObservation smooth(State s, FaceObservation r, float confidence, double time, CameraIntrinsics camera,
                                   StageTimes times) {
        if (!s.started) {
            s.points.reset();
            s.translation.reset();
            s.rotation.reset();
        }
        float[] mesh = r.mesh().clone();
        s.points.apply(mesh, time, 1.0 / Math.max(1f, Math.max(r.box().width(), r.box().height())));

        HeadPose p = r.pose();
        float[] t = {p.tx(), p.ty(), p.tz()};
        s.translation.apply(t, time, 1 / FACE_WIDTH_MM);
        float[] a = {p.rx(), p.ry(), p.rz()};
        // Angles jump by 2 pi where they wrap; the filter must see the short way round.
        if (s.started) for (int i = 0; i < 3; i++) a[i] = (float) (s.angles[i] + Math.IEEEremainder(a[i] - s.angles[i], 2 * Math.PI));
        s.rotation.apply(a, time, 1);
        System.arraycopy(a, 0, s.angles, 0, 3);
        s.started = true;
        EulerAngles.toMatrix(a[0], a[1], a[2], rotationMatrix);
        float[] rotation = new float[9];
        for (int i = 0; i < 9; i++) rotation[i] = (float) rotationMatrix[i];
        float rx = (float) Math.IEEEremainder(a[0], 2 * Math.PI), ry = (float) Math.IEEEremainder(a[1], 2 * Math.PI),
                rz = (float) Math.IEEEremainder(a[2], 2 * Math.PI);
        HeadPose pose = new HeadPose(t[0], t[1], t[2], rx, ry, rz, rotation);

        long start = StageTimes.start();
        FaceObservation smoothed = geometry.observation(r.faceId(), confidence, mesh, s.occlusion, pose, camera);
        times.stop(StageTimes.Stage.POSE_GAZE, start);
        return smoothed;
    }
}
