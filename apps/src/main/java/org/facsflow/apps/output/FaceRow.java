package org.facsflow.apps.output;

import org.facsflow.face.FaceObservation;

/** One output row: a face in a frame (frame 1-based, as OpenFace counts; timestamp in seconds). */
public record FaceRow(long frame, double timestamp, FaceObservation face) {
}
