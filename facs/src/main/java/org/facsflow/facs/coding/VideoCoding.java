package org.facsflow.facs.coding;

import org.facsflow.face.FaceObservation;
import org.facsflow.media.RgbImage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Offline AU coding of a whole video, fed frame by frame as the video streams: each face's descriptor is kept
 * ({@link AuDescriptor}: a few hundred floats a frame, about 1 KB, never the image), and {@link #finish} codes every
 * face against its final baseline (whole video or a neutral segment) with OpenFace's smoothing. Not thread-safe: one
 * per video.
 */
public final class VideoCoding {
    /** One coded frame of one face; {@code aus} null where the tracked face was lost in that frame. */
    public record Coded(int faceId, long frame, double timestamp, AuFrame aus) {
    }

    private final AuDescriptor descriptor;
    private final AuPredictor predictor;
    private final BaselineMode mode;
    private final double from, to;
    private final Map<Integer, Track> faces = new LinkedHashMap<>();

    private static final class Track {
        final List<float[]> descriptors = new ArrayList<>();
        final List<QualityGate.Verdict> verdicts = new ArrayList<>();
        final List<Long> frames = new ArrayList<>();
        final List<Double> times = new ArrayList<>();
    }

    /** @param from,to the neutral segment in seconds, for {@link BaselineMode#SEGMENT}; ignored otherwise */
    public VideoCoding(FacialMeasures measures, AuPredictor predictor, BaselineMode mode, double from, double to) {
        this.descriptor = AuDescriptor.create(measures, predictor.model());
        this.predictor = predictor;
        this.mode = mode;
        this.from = from;
        this.to = to;
    }

    /** A face found in a frame. */
    public void found(long frame, double timestamp, FaceObservation face, RgbImage image) {
        add(face.faceId(), frame, timestamp, descriptor.describe(face, image), QualityGate.judge(face));
    }

    /** A face being tracked but not found in this frame. */
    public void lost(int faceId, long frame, double timestamp) {
        add(faceId, frame, timestamp, null, QualityGate.Verdict.NONE);
    }

    private void add(int faceId, long frame, double timestamp, float[] d, QualityGate.Verdict v) {
        Track t = faces.computeIfAbsent(faceId, id -> new Track());
        t.descriptors.add(d);
        t.verdicts.add(v);
        t.frames.add(frame);
        t.times.add(timestamp);
    }

    /**
     * Codes every face. A face with no measurable frame (or none in the neutral segment) comes back with null AUs and
     * the reason in {@code problems}.
     */
    public List<Coded> finish(List<String> problems) {
        List<Coded> out = new ArrayList<>();
        for (Map.Entry<Integer, Track> e : faces.entrySet()) {
            Track t = e.getValue();
            double[] times = t.times.stream().mapToDouble(Double::doubleValue).toArray();
            List<AuFrame> coded;
            try {
                coded = AuCoder.codeVideo(new AuCoder.Series(t.descriptors, t.verdicts, times), predictor, mode, from, to, true);
            } catch (IllegalArgumentException noBaseline) {
                problems.add("face " + e.getKey() + ": " + noBaseline.getMessage());
                coded = Collections.nCopies(times.length, null);
            }
            for (int i = 0; i < times.length; i++) out.add(new Coded(e.getKey(), t.frames.get(i), times[i], coded.get(i)));
        }
        return out;
    }
}
