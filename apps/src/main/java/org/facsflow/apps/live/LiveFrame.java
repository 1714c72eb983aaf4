package org.facsflow.apps.live;

import org.facsflow.face.FaceObservation;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.facs.coding.AuFrame;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One processed frame as the window shows it; immutable once published, so the window paints it without locks.
 *
 * @param number       the frame's number in capture order (1-based; gaps are dropped frames)
 * @param timestamp    the frame's time in the source, seconds
 * @param picture      the frame, converted once on the processing thread so that painting only draws it
 * @param arrivalNanos when the capture thread received it ({@link System#nanoTime()})
 */
record LiveFrame(long number, double timestamp, BufferedImage picture, CameraIntrinsics camera, List<Face> faces,
                 long arrivalNanos) {

    /**
     * One tracked face.
     *
     * @param face   the tracker's (smoothed) measurements; null while the face is lost
     * @param aus    its coded AUs; null while lost
     * @param affect the affect reading; null when there is none
     */
    record Face(int faceId, float confidence, FaceObservation face, AuFrame aus, Affect affect) {
        boolean found() {
            return face != null;
        }
    }

    List<FaceObservation> found() {
        return faces.stream().filter(Face::found).map(Face::face).toList();
    }
}
