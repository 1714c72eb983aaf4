package org.facsflow.apps.live;

import org.facsflow.face.FaceObservation;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.pipeline.FaceResult;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One processed frame as the window shows it; immutable once published, so the window paints it without locks.
 *
 * @param number       the frame's number in capture order (1-based; gaps are dropped frames)
 * @param timestamp    the frame's time in the source, seconds
 * @param picture      the frame, converted once on the processing thread so that painting only draws it
 * @param faces        every tracked face, found or lost, with its AUs and affect where found
 * @param arrivalNanos when the capture thread received it ({@link System#nanoTime()})
 */
record LiveFrame(long number, double timestamp, BufferedImage picture, CameraIntrinsics camera, List<FaceResult> faces,
                 long arrivalNanos) {

    List<FaceObservation> found() {
        return faces.stream().filter(FaceResult::success).map(FaceResult::face).toList();
    }
}
