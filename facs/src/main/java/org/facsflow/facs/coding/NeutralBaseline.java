package org.facsflow.facs.coding;

import org.facsflow.facs.ActionUnit;

import java.util.Arrays;

/**
 * A person's neutral face, the way OpenFace's dynamic AU models normalise per person, in two steps:
 * <ol>
 *   <li>the <b>median</b> of each {@link FacialMeasures} measure over the person's frames, subtracted from the
 *   measures before prediction;</li>
 *   <li>per fitted AU a <b>cut-off offset</b> subtracted from the prediction: the AU's {@link AuModel.Entry#cutoff()}
 *   percentile of the person's own (median-baselined, unclipped) predictions. The median face of someone who smiles
 *   in most frames is a smile; the cut-off moves their zero to their relaxed end instead, and takes the average
 *   training intensity (the intercept) off someone who never smiles.</li>
 * </ol>
 * A neutral segment or a still's population neutral is neutral by construction, so there the offset is just the
 * intercept: the neutral face itself scores 0 ({@link AuPredictor#neutralOffsets}).
 *
 * <p>Both come from fixed histograms ({@link RunningPercentiles}): {@link #SPAN_MM} mm (geometry) or
 * {@link #SPAN_TEXTURE} log units (appearance) either side of a measure's first value, {@link #SPAN_INTENSITY} either
 * side of an AU's first prediction, 400 bins each: O(1) per frame and fixed memory however long the video.
 *
 * <p>One instance per face id. Not thread-safe.
 */
public final class NeutralBaseline {
    public static final float SPAN_MM = 20f, SPAN_TEXTURE = 3f, SPAN_INTENSITY = 10f;

    private final BaselineMode mode;
    private final RunningPercentiles measures = new RunningPercentiles(measureSpans());
    private final RunningPercentiles predictions = new RunningPercentiles(spans(ActionUnit.CODED.size(), SPAN_INTENSITY));

    public NeutralBaseline(BaselineMode mode) {
        this.mode = mode;
    }

    public BaselineMode mode() {
        return mode;
    }

    /** Frames added so far. */
    public int frames() {
        return measures.added();
    }

    /** Adds one frame's measures (NaN measures are skipped). */
    public void add(float[] measures) {
        this.measures.add(measures);
    }

    /** Adds one frame's unclipped predictions ({@link AuPredictor#raw}) made with this baseline's median. */
    public void addPrediction(float[] raw) {
        predictions.add(raw);
    }

    /** The median of each measure over the frames added (bin centres); NaN before the first frame. */
    public float[] median() {
        float[] median = new float[FacialMeasures.COUNT];
        for (int i = 0; i < median.length; i++) median[i] = measures.percentile(i, 0.5);
        return median;
    }

    /**
     * Per coded AU, what to subtract from its prediction: 0 for prior AUs (no cut-off: their intercept is part of the
     * FACS rule); the cut-off percentile of the predictions added for {@link BaselineMode#OFFLINE} and
     * {@link BaselineMode#RUNNING} (until a prediction was added, and in other modes, {@link AuPredictor#neutralOffsets}).
     */
    public float[] offsets(AuPredictor predictor) {
        float[] offsets = predictor.neutralOffsets();
        if ((mode == BaselineMode.OFFLINE || mode == BaselineMode.RUNNING) && predictions.added() > 0)
            for (int a = 0; a < offsets.length; a++) {
                double cutoff = predictor.model().entry(ActionUnit.CODED.get(a)).cutoff();
                if (cutoff > 0) offsets[a] = predictions.percentile(a, cutoff);
            }
        return offsets;
    }

    private static float[] measureSpans() {
        float[] spans = new float[FacialMeasures.COUNT];
        for (int i = 0; i < spans.length; i++)
            spans[i] = FacialMeasures.isTexture(i) ? SPAN_TEXTURE : SPAN_MM;
        return spans;
    }

    private static float[] spans(int n, float span) {
        float[] spans = new float[n];
        Arrays.fill(spans, span);
        return spans;
    }
}
