package org.facsflow.face.track;

import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.media.RgbImage;

import java.util.List;

/**
 * One frame with its faces.
 *
 * @param number 1-based position in the video, as OpenFace counts frames
 * @param faces  by face id; empty when no face is tracked
 */
public record TrackedFrame(long number, RgbImage image, CameraIntrinsics camera, List<TrackedFace> faces) {
}
