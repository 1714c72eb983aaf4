package org.facsflow.pipeline;

import org.facsflow.affect.AffectFrame;
import org.facsflow.face.FaceObservation;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.media.voice.VoiceFrame;

/**
 * What the pipeline found for one face in one frame: the unit every caller reads (the CSV and Parquet writers, the
 * live window, the study, the learning server). A face that was being tracked and is not found in this frame (turned
 * away, covered, gone for less than the tracker's memory) is still reported, with {@code face} null: OpenFace writes
 * such rows with success 0, and so do we.
 *
 * @param frame      the source's frame number, 1-based (as OpenFace counts); for a live source, the capture number,
 *                   so gaps are frames that were dropped
 * @param time       the frame's time in the source, seconds (0 for a still image)
 * @param faceId     stable id within the input (left to right in a still)
 * @param confidence 0-1, how sure the face stage is that a face is there (0 where nothing was looked for)
 * @param face       the face stage's measurements (smoothed over time on video unless asked for raw); null when the
 *                   face was not found in this frame
 * @param aus        the coded AUs; null when the face was not found or could not be coded (no baseline yet in a
 *                   neutral-segment run); NaN intensities inside mean "not measurable here"
 * @param affect     emotions and valence/arousal; null when the face was not found
 * @param voice      the recording's voice during this frame when this face is the one speaking (attached after the
 *                   face stages by a voice step such as the fusion module's speaker attribution); null otherwise
 */
public record FaceResult(long frame, double time, int faceId, float confidence, FaceObservation face, AuFrame aus,
                         AffectFrame affect, VoiceFrame voice) {

    /** A face's result without voice, as the face stages make it. */
    public FaceResult(long frame, double time, int faceId, float confidence, FaceObservation face, AuFrame aus,
                      AffectFrame affect) {
        this(frame, time, faceId, confidence, face, aus, affect, null);
    }

    /** A face being tracked but not found in this frame, or a frame without any face (face 0). */
    public static FaceResult notFound(long frame, double time, int faceId, float confidence) {
        return new FaceResult(frame, time, faceId, confidence, null, null, null);
    }

    /** The same result with the voice of the recording attributed to this face for this frame. */
    public FaceResult withVoice(VoiceFrame voice) {
        return new FaceResult(frame, time, faceId, confidence, face, aus, affect, voice);
    }

    /** Whether the face was found and measured in this frame (OpenFace's success column). */
    public boolean success() {
        return face != null;
    }
}
