package org.facsflow.facs.coding;

import org.facsflow.face.FaceObservation;
import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.pose.MeshLifter;
import org.facsflow.media.RgbImage;
import org.facsflow.models.AssetStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The AU coder, OpenFace's FaceAnalyser split in four: {@link AuDescriptor} (measurement: mesh geometry and the
 * aligned face's appearance, reduced), {@link NeutralBaseline} (person-specific normalisation), {@link AuPredictor}
 * (prediction) and {@link #smooth} (post-processing), with {@link HeldClosure} telling AU43 from a blink by duration in
 * video.
 *
 * <p>Still images ({@link #codeStill}): no neutral of the person exists, so the still models read the descriptor
 * alone ({@link BaselineMode#STILL}).
 * Live use ({@link #code}): one causal running baseline per face id, updated with every frame the
 * {@link QualityGate} passes whole; a face is coded as a still until its baseline has {@link #MIN_RUNNING_FRAMES}
 * frames, then the running and still models share each frame, the running ones more as the baseline grows; no
 * smoothing (a centred average would add a frame of latency).
 * Offline use ({@link VideoCoding}, {@link #codeVideo}): a first pass gives the final baseline (whole video or a
 * neutral segment), then every frame is coded with it and the intensities get OpenFace's 3-frame centred moving
 * average.
 * Not thread-safe (baselines and the descriptor's buffers are per instance).
 */
public final class AuCoder {
    /** Frames a running baseline needs before it replaces the still models: 1 s at 30 fps. */
    public static final int MIN_RUNNING_FRAMES = 30;

    private final FacialMeasures measures;
    private final AuDescriptor descriptor;
    private final AuPredictor predictor;
    private final Map<Integer, NeutralBaseline> running = new HashMap<>();
    /** Live neutral segments: being collected, and frozen once collected (they then replace the running baseline). */
    private final Map<Integer, NeutralBaseline> collecting = new HashMap<>();
    private final Map<Integer, Neutral> segments = new HashMap<>();
    private final Map<Integer, HeldClosure> closures = new HashMap<>();

    private record Neutral(float[] median, float[] offsets) {
    }

    public AuCoder(FacialMeasures measures, AuPredictor predictor) {
        this.measures = measures;
        this.descriptor = AuDescriptor.create(measures, predictor.model());
        this.predictor = predictor;
    }

    /** The coder with the committed model ({@link AuModel#standard()}) and the canonical face set-up prepared. */
    public static AuCoder standard(AssetStore store) {
        return new AuCoder(new FacialMeasures(new MeshLifter(CanonicalFace.load(store.require("canonical-face")))),
                new AuPredictor(AuModel.standard()));
    }

    public AuPredictor predictor() {
        return predictor;
    }

    /**
     * Offline coding of one video with this coder's model ({@link VideoCoding}; it has its own buffers and baselines).
     *
     * @param from,to the neutral segment in seconds, for {@link BaselineMode#SEGMENT}; ignored otherwise
     */
    public VideoCoding video(BaselineMode mode, double from, double to) {
        return new VideoCoding(measures, predictor, mode, from, to);
    }

    /**
     * Live: codes one face with its neutral segment when one was taken ({@link #endNeutral}), else with its running
     * baseline (created on the face id's first frame).
     */
    public AuFrame code(FaceObservation face, RgbImage image) {
        float[] d = descriptor.describe(face, image);
        QualityGate.Verdict v = QualityGate.judge(face);
        NeutralBaseline segment = collecting.get(face.faceId());
        if (segment != null && isWhole(v)) segment.add(d);
        Neutral neutral = segments.get(face.faceId());
        AuFrame frame;
        if (neutral != null) {
            frame = predictor.frame(predictor.raw(d, neutral.median()), neutral.offsets(), v, BaselineMode.SEGMENT);
        } else {
            NeutralBaseline baseline = running.computeIfAbsent(face.faceId(),
                    id -> new NeutralBaseline(BaselineMode.RUNNING, descriptor.length()));
            frame = codeRunning(baseline, predictor, d, v);
        }
        return closures.computeIfAbsent(face.faceId(), id -> new HeldClosure()).next(frame, image.timestampSeconds());
    }

    /** Live: a tracked face was not found in this frame (it ends a held eye closure, {@link HeldClosure}). */
    public void lost(int faceId) {
        HeldClosure closure = closures.get(faceId);
        if (closure != null) closure.end();
    }

    /** Live: from now on, the face's measurable frames are collected as its neutral segment (the user's "neutral now"). */
    public void beginNeutral(int faceId) {
        collecting.put(faceId, new NeutralBaseline(BaselineMode.SEGMENT, descriptor.length()));
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

    /** A still image: one face through the still models ({@link BaselineMode#STILL}); keeps no state. */
    public AuFrame codeStill(FaceObservation face, RgbImage image) {
        return still(predictor, descriptor.describe(face, image), QualityGate.judge(face));
    }

    /** Forgets a face id's baseline (the tracker lost the person). */
    public void forget(int faceId) {
        running.remove(faceId);
        collecting.remove(faceId);
        segments.remove(faceId);
        closures.remove(faceId);
    }

    /** One face's frames, described: descriptor null and verdict NONE where the face was not found. */
    public record Series(List<float[]> descriptors, List<QualityGate.Verdict> verdicts, double[] timestamps) {
    }

    /**
     * Offline: codes one person's frames. {@code from}/{@code to} (seconds, inclusive) mark the neutral segment for
     * {@link BaselineMode#SEGMENT} and are ignored otherwise; {@link BaselineMode#STILL} codes every frame as a still.
     * Frames without a face come back null. Except as stills, AU43 needs a held closure ({@link HeldClosure}): causal in
     * the running mode, over the whole stretch otherwise.
     *
     * @throws IllegalArgumentException when the baseline has no measurable frame (e.g. an empty neutral segment)
     */
    public static List<AuFrame> codeVideo(Series series, AuPredictor predictor, BaselineMode mode, double from,
                                          double to, boolean smooth) {
        int n = series.descriptors().size();
        NeutralBaseline baseline = new NeutralBaseline(mode, predictor.model().descriptor().length());
        List<AuPredictor.Raw> raws = new ArrayList<>(n);
        List<AuFrame> out = new ArrayList<>(n);
        if (mode == BaselineMode.STILL) {
            for (int i = 0; i < n; i++) {
                float[] d = series.descriptors().get(i);
                out.add(d == null ? null : still(predictor, d, series.verdicts().get(i)));
            }
            return out;
        }
        if (mode == BaselineMode.RUNNING) {
            HeldClosure closure = new HeldClosure();
            for (int i = 0; i < n; i++) {
                float[] d = series.descriptors().get(i);
                if (d == null) closure.end();
                out.add(d == null ? null : closure.next(codeRunning(baseline, predictor, d, series.verdicts().get(i)),
                        series.timestamps()[i]));
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            boolean inSegment = mode != BaselineMode.SEGMENT
                    || (series.timestamps()[i] >= from && series.timestamps()[i] <= to);
            if (inSegment && isWhole(series.verdicts().get(i))) baseline.add(series.descriptors().get(i));
        }
        if (baseline.frames() == 0)
            throw new IllegalArgumentException(mode == BaselineMode.SEGMENT
                    ? "no measurable face in the neutral segment " + from + "-" + to + " s"
                    : "no measurable face in the video: no baseline");
        float[] median = baseline.median();
        for (int i = 0; i < n; i++) {
            float[] d = series.descriptors().get(i);
            AuPredictor.Raw raw = d == null ? null : predictor.raw(d, median);
            raws.add(raw);
            if (mode == BaselineMode.OFFLINE && isWhole(series.verdicts().get(i))) baseline.addPrediction(raw.intensity());
        }
        float[] offsets = baseline.offsets(predictor);
        List<AuPredictor.Raw> values = smooth ? smooth(raws, offsets) : raws;
        for (int i = 0; i < n; i++)
            out.add(values.get(i) == null ? null
                    : predictor.frame(values.get(i), smooth ? null : offsets, series.verdicts().get(i), mode));
        return HeldClosure.offline(out, series.timestamps());
    }

    /**
     * One frame of a running baseline: whole frames feed it; a still until it has {@link #MIN_RUNNING_FRAMES}; then
     * blended with the still models, the running ones weighing n / (n + {@link #MIN_RUNNING_FRAMES}) after n frames
     * (half at first, 90% after 9 s at 30 fps).
     */
    private static AuFrame codeRunning(NeutralBaseline baseline, AuPredictor predictor, float[] d, QualityGate.Verdict v) {
        if (isWhole(v)) baseline.add(d);
        int n = baseline.frames();
        if (n < MIN_RUNNING_FRAMES) return still(predictor, d, v);
        AuPredictor.Raw raw = predictor.raw(d, baseline.median());
        if (isWhole(v)) baseline.addPrediction(raw.intensity());
        AuPredictor.Raw blended = predictor.blend(raw, baseline.offsets(predictor), predictor.rawStill(d),
                n / (float) (n + MIN_RUNNING_FRAMES));
        return predictor.frame(blended, null, v, BaselineMode.RUNNING);
    }

    private static AuFrame still(AuPredictor predictor, float[] d, QualityGate.Verdict v) {
        return predictor.frame(predictor.rawStill(d), null, v, BaselineMode.STILL);
    }

    /**
     * OpenFace's post-processing: intensities (offset taken off and clipped to [0, 5] first, as OpenFace does) and
     * presence scores averaged over the frame and its neighbours (3 frames, centred), over those that have a face; a
     * frame without a face breaks the window. The result carries no offset any more.
     */
    static List<AuPredictor.Raw> smooth(List<AuPredictor.Raw> raws, float[] offsets) {
        List<AuPredictor.Raw> out = new ArrayList<>(raws.size());
        for (int i = 0; i < raws.size(); i++) {
            AuPredictor.Raw f = raws.get(i);
            if (f == null) {
                out.add(null);
                continue;
            }
            AuPredictor.Raw prev = i > 0 ? raws.get(i - 1) : null, next = i + 1 < raws.size() ? raws.get(i + 1) : null;
            int k = f.intensity().length;
            float[] intensity = new float[k], asymmetry = new float[k], presence = new float[k];
            for (int a = 0; a < k; a++) {
                int count = 0;
                for (AuPredictor.Raw r : new AuPredictor.Raw[]{prev, f, next}) {
                    if (r == null) continue;
                    intensity[a] += AuPredictor.clip(r.intensity()[a] - offsets[a]);
                    asymmetry[a] += r.asymmetry()[a];
                    presence[a] += r.presence()[a];
                    count++;
                }
                intensity[a] /= count;
                asymmetry[a] /= count;
                presence[a] /= count;
            }
            out.add(new AuPredictor.Raw(intensity, asymmetry, presence));
        }
        return out;
    }

    /** Only frames measurable everywhere feed a baseline: a half-hidden face would bias the neutral values. */
    public static boolean isWhole(QualityGate.Verdict v) {
        return v.face() && v.upper() && v.lower() && v.left() && v.right();
    }
}
