package org.facsflow.pipeline;

import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.media.RgbImage;

import java.util.List;

/**
 * One analysed frame: the image (still in memory, for an overlay or a window; never written unless the caller does
 * so), the camera model the 3-D values use, and one result per tracked face, found or not. {@code faces} is empty when
 * no face is tracked.
 *
 * @param frame the source's frame number, 1-based ({@link FaceResult#frame()})
 * @param time  the frame's time in the source, seconds
 */
public record FrameResult(long frame, double time, RgbImage image, CameraIntrinsics camera, List<FaceResult> faces) {
    public FrameResult {
        faces = List.copyOf(faces);
    }

    /** The faces found in this frame. */
    public List<FaceResult> found() {
        return faces.stream().filter(FaceResult::success).toList();
    }

    /**
     * The rows OpenFace would write for this frame: one per tracked face, or one {@link FaceResult#notFound} row for
     * face 0 when no face is tracked, so every frame has a row.
     */
    public List<FaceResult> rows() {
        return faces.isEmpty() ? List.of(FaceResult.notFound(frame, time, 0, 0)) : faces;
    }
}
