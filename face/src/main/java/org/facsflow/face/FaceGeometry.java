package org.facsflow.face;

import org.facsflow.face.gaze.GazeEstimator;
import org.facsflow.face.landmarks.Ibug68MeshIndex;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.face.pose.CanonicalFace;

/**
 * What follows from a mesh with irises and a head pose without running a model: gaze, the 68 points in the image and
 * in camera coordinates, and the face box. The analyzer uses it on measured values and video smoothing on smoothed ones,
 * so smoothed gaze and 3-D points agree with the smoothed mesh and pose. Reuses buffers: one per thread.
 */
public final class FaceGeometry {
    private final GazeEstimator gaze;

    public FaceGeometry(CanonicalFace canonical) {
        this.gaze = new GazeEstimator(canonical);
    }

    /** @param mesh478 478 x 3: the mesh then both irises (kept, not copied) */
    public FaceObservation observation(int faceId, float confidence, float[] mesh478, OcclusionCheck occlusion,
                                       HeadPose pose, CameraIntrinsics camera) {
        Gaze g = gaze.estimate(mesh478, pose, camera);
        float[] world68 = gaze.world68(mesh478, pose, camera);
        return new FaceObservation(faceId, confidence, FaceAnalyzer.box(mesh478), mesh478,
                Ibug68MeshIndex.image68(mesh478), world68, pose, g, occlusion);
    }
}
