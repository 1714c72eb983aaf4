package org.facsflow.facs.coding;

import org.facsflow.face.FaceObservation;
import org.facsflow.facs.ActionUnit;
import org.facsflow.media.RgbImage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The AU coder, OpenFace's FaceAnalyser split in four: {@link FacialMeasures} (measurement), {@link NeutralBaseline}
 * (person-specific normalisation), {@link AuPredictor} (prediction) and {@link #smooth} (post-processing).
 *
 * <p>Still images ({@link #codeStill}): no baseline of the person exists, so the face is compared with the model's
 * population neutral, on geometry only ({@link BaselineMode#STILL}).
 * Live use ({@link #code}): one causal running baseline per face id, updated with every frame the
 * {@link QualityGate} passes whole; a face is coded as a still until its baseline has {@link #MIN_RUNNING_FRAMES}
 * frames; no smoothing (a centred average would add a frame of latency).
 * Offline use ({@link #codeVideo}): a first pass gives the final baseline (whole video or a neutral segment), then
 * every frame is coded with it and the intensities get OpenFace's 3-frame centred moving average.
 * Not thread-safe (baselines are per instance).
 */
public final class AuCoder {
    /** Frames a running baseline needs before it replaces the population neutral: 1 s at 30 fps. */
    public static final int MIN_RUNNING_FRAMES = 30;

    private final FacialMeasures measures;
    private final AuPredictor predictor;
    private final Map<Integer, NeutralBaseline> running = new HashMap<>();
    /** Live neutral segments: being collected, and frozen once collected (they then replace the running baseline). */
    private final Map<Integer, NeutralBaseline> collecting = new HashMap<>();
    private final Map<Integer, Neutral> segments = new HashMap<>();

    private record Neutral(float[] median, float[] offsets) {
    }

    public AuCoder(FacialMeasures measures, AuPredictor predictor) {
        this.measures = measures;
        this.predictor = predictor;
    }

    /**
     * Live: codes one face with its neutral segment when one was taken ({@link #endNeutral}), else with its running
     * baseline (created on the face id's first frame).
     */
    public AuFrame code(FaceObservation face, RgbImage image) {
        float[] m = measures.measure(face, image);
        QualityGate.Verdict v = QualityGate.judge(face);
        NeutralBaseline segment = collecting.get(face.faceId());
        if (segment != null && isWhole(v)) segment.add(m);
        Neutral neutral = segments.get(face.faceId());
        if (neutral != null) return predictor.predict(m, neutral.median(), neutral.offsets(), v, BaselineMode.SEGMENT);
        NeutralBaseline baseline = running.computeIfAbsent(face.faceId(), id -> new NeutralBaseline(BaselineMode.RUNNING));
        return codeRunning(baseline, predictor, m, v);
    }

    /** Live: from now on, the face's measurable frames are collected as its neutral segment (the user's "neutral now"). */
    public void beginNeutral(int faceId) {
        collecting.put(faceId, new NeutralBaseline(BaselineMode.SEGMENT));
    }

    /**
     * Live: ends the neutral segment; if it holds any measurable frame, the face is coded against it from now on.
     *
     * @return the frames collected (0: nothing changes, the running baseline stays)
     */
    public int endNeutral(int faceId) {
        NeutralBaseline segment = collecting.remove(faceId);
        if (segment == null || segment.frames() == 0) return 0;
        segments.put(faceId, new Neutral(segment.median(), segment.offsets(predictor)));
        return segment.frames();
    }

    /** A still image: one face against the population neutral ({@link BaselineMode#STILL}); keeps no state. */
    public AuFrame codeStill(FaceObservation face, RgbImage image) {
        return still(predictor, measures.measure(face, image), QualityGate.judge(face));
    }

    /** Forgets a face id's baseline (the tracker lost the person). */
    public void forget(int faceId) {
        running.remove(faceId);
        collecting.remove(faceId);
        segments.remove(faceId);
    }

    /** One face's frames, measured: measures null and verdict NONE where the face was not found. */
    public record Series(List<float[]> measures, List<QualityGate.Verdict> verdicts, double[] timestamps) {
    }

    /**
     * Offline: codes one person's frames. {@code from}/{@code to} (seconds, inclusive) mark the neutral segment for
     * {@link BaselineMode#SEGMENT} and are ignored otherwise; {@link BaselineMode#STILL} codes every frame as a still.
     * Frames without a face come back null.
     *
     * @throws IllegalArgumentException when the baseline has no measurable frame (e.g. an empty neutral segment)
     */
    public static List<AuFrame> codeVideo(Series series, AuPredictor predictor, BaselineMode mode, double from,
                                          double to, boolean smooth) {
        int n = series.measures().size();
        List<AuFrame> out = new ArrayList<>(n);
        NeutralBaseline baseline = new NeutralBaseline(mode);
        float[] median = null, offsets = null;
        if (mode == BaselineMode.OFFLINE || mode == BaselineMode.SEGMENT) {
            for (int i = 0; i < n; i++) {
                boolean inSegment = mode != BaselineMode.SEGMENT
                        || (series.timestamps()[i] >= from && series.timestamps()[i] <= to);
                if (inSegment && isWhole(series.verdicts().get(i))) baseline.add(series.measures().get(i));
            }
            if (baseline.frames() == 0)
                throw new IllegalArgumentException(mode == BaselineMode.SEGMENT
                        ? "no measurable face in the neutral segment " + from + "-" + to + " s"
                        : "no measurable face in the video: no baseline");
            median = baseline.median();
            if (mode == BaselineMode.OFFLINE)
                for (int i = 0; i < n; i++)
                    if (isWhole(series.verdicts().get(i))) baseline.addPrediction(predictor.raw(series.measures().get(i), median));
            offsets = baseline.offsets(predictor);
        }
        for (int i = 0; i < n; i++) {
            float[] m = series.measures().get(i);
            QualityGate.Verdict v = series.verdicts().get(i);
            out.add(m == null ? null
                    : mode == BaselineMode.RUNNING ? codeRunning(baseline, predictor, m, v)
                    : mode == BaselineMode.STILL ? still(predictor, m, v)
                    : predictor.predict(m, median, offsets, v, mode));
        }
        return smooth ? smooth(out, predictor.model()) : out;
    }

    /** One frame of a running baseline: whole frames feed it; a still until it has {@link #MIN_RUNNING_FRAMES}. */
    private static AuFrame codeRunning(NeutralBaseline baseline, AuPredictor predictor, float[] m, QualityGate.Verdict v) {
        if (isWhole(v)) {
            baseline.add(m);
            if (baseline.frames() >= MIN_RUNNING_FRAMES) baseline.addPrediction(predictor.raw(m, baseline.median()));
        }
        if (baseline.frames() < MIN_RUNNING_FRAMES) return still(predictor, m, v);
        return predictor.predict(m, baseline.median(), baseline.offsets(predictor), v, BaselineMode.RUNNING);
    }

    private static AuFrame still(AuPredictor predictor, float[] m, QualityGate.Verdict v) {
        return predictor.predict(m, predictor.stillNeutral(m), predictor.neutralOffsets(), v, BaselineMode.STILL);
    }

    /**
     * OpenFace's post-processing of intensities: the mean over the frame and its neighbours (3 frames, centred), over
     * those of them that have the AU measured; a frame without a face breaks the window. Presence is re-derived from
     * the smoothed intensity.
     */
    public static List<AuFrame> smooth(List<AuFrame> frames, AuModel model) {
        List<AuFrame> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            AuFrame f = frames.get(i);
            if (f == null) {
                out.add(null);
                continue;
            }
            AuFrame prev = i > 0 ? frames.get(i - 1) : null, next = i + 1 < frames.size() ? frames.get(i + 1) : null;
            float[] intensity = average(f.intensity(), prev == null ? null : prev.intensity(), next == null ? null : next.intensity());
            float[] left = average(f.left(), prev == null ? null : prev.left(), next == null ? null : next.left());
            float[] right = average(f.right(), prev == null ? null : prev.right(), next == null ? null : next.right());
            boolean[] present = new boolean[intensity.length];
            for (int a = 0; a < intensity.length; a++)
                present[a] = intensity[a] >= model.entry(ActionUnit.CODED.get(a)).threshold();
            out.add(new AuFrame(intensity, left, right, present, f.baseline()));
        }
        return out;
    }

    private static float[] average(float[] centre, float[] prev, float[] next) {
        float[] out = Arrays.copyOf(centre, centre.length);
        for (int a = 0; a < out.length; a++) {
            if (Float.isNaN(centre[a])) continue;
            float sum = centre[a];
            int k = 1;
            if (prev != null && !Float.isNaN(prev[a])) {
                sum += prev[a];
                k++;
            }
            if (next != null && !Float.isNaN(next[a])) {
                sum += next[a];
                k++;
            }
            out[a] = sum / k;
        }
        return out;
    }

    /** Only frames measurable everywhere feed a baseline: a half-hidden face would bias the neutral values. */
    static boolean isWhole(QualityGate.Verdict v) {
        return v.face() && v.upper() && v.lower() && v.left() && v.right();
    }
}
