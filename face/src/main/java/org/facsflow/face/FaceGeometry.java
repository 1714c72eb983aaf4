package org.facsflow.face;

import org.facsflow.face.gaze.GazeEstimator;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.face.pose.CanonicalFace;

/**
 * What follows from a mesh with irises, the 68 points and a head pose without running a model: gaze, the 68 points in
 * camera coordinates and the face box. The analyzer uses it on measured values and video smoothing on smoothed ones,
 * so smoothed gaze and 3-D points agree with the smoothed mesh and pose. Reuses buffers: one per thread.
 */
public final class FaceGeometry {
    private final GazeEstimator gaze;

    public FaceGeometry(CanonicalFace canonical) {
        this.gaze = new GazeEstimator(canonical);
    }

    /**
     * @param mesh478     478 x 3: the mesh then both irises (kept, not copied)
     * @param landmarks68 68 x 2 (kept, not copied)
     */
    public FaceObservation observation(int faceId, float confidence, float[] mesh478, float[] landmarks68,
                                       HeadPose pose, CameraIntrinsics camera) {
        Gaze g = gaze.estimate(mesh478, pose, camera);
        float[] world68 = gaze.world68(mesh478, pose, camera);
        return new FaceObservation(faceId, confidence, FaceAnalyzer.box(mesh478), mesh478, landmarks68, world68, pose, g);
    }
}
