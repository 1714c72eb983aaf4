package org.facsflow.face;

/**
 * Everything the face stage measures for one face in one frame. Coordinates are image pixels (0-based) unless
 * named otherwise; arrays are interleaved (x0, y0, x1, y1, ... or x0, y0, z0, ...) so the hot path stays in float arrays.
 *
 * @param faceId          stable id of this face within the input (0, 1, ... in detection order for a still image)
 * @param confidence      0-1, the probability that the landmarks are right ({@link FaceConfidence})
 * @param box             face box from the mesh extent
 * @param mesh            478 x 3: the 468-point MediaPipe mesh, its lid margins refined by the iris model, then 5 iris
 *                        points per eye (indices 468-472 are the subject's right eye, 473-477 the left), x/y in
 *                        pixels, z relative depth in pixel units
 * @param landmarks68     68 x 2: iBUG/Multi-PIE 68-point landmarks in pixels, the mesh's vertices at those points
 *                        ({@link org.facsflow.face.landmarks.Ibug68MeshIndex}), so they agree with the 3-D points
 * @param landmarks68World 68 x 3: the same points in camera coordinates, millimetres (OpenFace's X_i, Y_i, Z_i)
 * @param occlusion       the 68-point model's check for covered eyes or mouth, this frame's or the last one run
 */
public record FaceObservation(
        int faceId,
        float confidence,
        FaceBox box,
        float[] mesh,
        float[] landmarks68,
        float[] landmarks68World,
        HeadPose pose,
        Gaze gaze,
        OcclusionCheck occlusion) {

    public static final int MESH_POINTS = 478;
    public static final int LANDMARKS_68 = 68;

    /**
     * This observation with another occlusion check (the last one run, carried to a frame without its own) and the
     * confidence that follows from it.
     */
    public FaceObservation withCheck(OcclusionCheck check, float confidence) {
        return new FaceObservation(faceId, confidence, box, mesh, landmarks68, landmarks68World, pose, gaze, check);
    }
}
