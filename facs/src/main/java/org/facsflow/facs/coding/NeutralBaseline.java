package org.facsflow.facs.coding;

import org.facsflow.facs.ActionUnit;

import java.util.Arrays;

/**
 * A person's neutral face, the way OpenFace's dynamic AU models normalise per person, in two steps:
 * <ol>
 *   <li>the <b>median</b> of each descriptor value ({@link AuDescriptor}) over the person's frames: the models read a
 *   frame's descriptor minus it, and it itself (a person's overall look carries part of what the reference
 *   encodes);</li>
 *   <li>per fitted AU with a cut-off ({@link AuModel.Entry#cutoff()}) an <b>offset</b> subtracted from the prediction:
 *   that percentile of the person's own unclipped predictions, so their relaxed end becomes their zero.</li>
 * </ol>
 * A neutral segment is neutral by construction, so there the offset makes the segment's face score 0
 * ({@link AuPredictor#neutralOffsets}).
 *
 * <p>Both come from fixed histograms ({@link RunningPercentiles}): {@value #SPAN_SD} standard deviations either side
 * of a descriptor value's first value in {@value #DESCRIPTOR_BINS} bins (0.075 SD wide), {@value #SPAN_INTENSITY}
 * either side of an AU's first prediction in 400 bins: O(1) per frame and fixed memory however long the video. With
 * the standard model's 237 descriptor values that is 152 KB for the medians and 40 KB for the offsets, per face.
 *
 * <p>One instance per face id. Not thread-safe.
 */
public final class NeutralBaseline {
    public static final float SPAN_SD = 6f, SPAN_INTENSITY = 10f;
    public static final int DESCRIPTOR_BINS = 160, PREDICTION_BINS = 400;

    private final BaselineMode mode;
    private final RunningPercentiles descriptors;
    private final RunningPercentiles predictions = new RunningPercentiles(spans(ActionUnit.CODED.size(), SPAN_INTENSITY), PREDICTION_BINS);

    public NeutralBaseline(BaselineMode mode, int descriptorLength) {
        this.mode = mode;
        descriptors = new RunningPercentiles(spans(descriptorLength, SPAN_SD), DESCRIPTOR_BINS);
    }

    public BaselineMode mode() {
        return mode;
    }

    /** Frames added so far. */
    public int frames() {
        return descriptors.added();
    }

    /** Adds one frame's descriptor. */
    public void add(float[] descriptor) {
        descriptors.add(descriptor);
    }

    /** Adds one frame's unclipped predictions ({@link AuPredictor#raw}) made with this baseline's median. */
    public void addPrediction(float[] raw) {
        predictions.add(raw);
    }

    /** The median of each descriptor value over the frames added (bin centres); NaN before the first frame. */
    public float[] median() {
        float[] median = new float[descriptors.length()];
        for (int i = 0; i < median.length; i++) median[i] = descriptors.percentile(i, 0.5);
        return median;
    }

    /**
     * Per coded AU, what to subtract from its prediction: for {@link BaselineMode#OFFLINE} and
     * {@link BaselineMode#RUNNING}, the cut-off percentile of the predictions added for fitted AUs that have one, 0
     * for the others (and before any prediction was added); for {@link BaselineMode#SEGMENT}, the predictions at the
     * segment's median ({@link AuPredictor#neutralOffsets}).
     */
    public float[] offsets(AuPredictor predictor) {
        if (mode == BaselineMode.SEGMENT) return predictor.neutralOffsets(median());
        float[] offsets = new float[ActionUnit.CODED.size()];
        if (predictions.added() == 0) return offsets;
        for (int a = 0; a < offsets.length; a++) {
            AuModel.Entry e = predictor.model().entry(ActionUnit.CODED.get(a));
            if (e.fitted() && e.cutoff() > 0) offsets[a] = predictions.percentile(a, e.cutoff());
        }
        return offsets;
    }

    private static float[] spans(int n, float span) {
        float[] spans = new float[n];
        Arrays.fill(spans, span);
        return spans;
    }
}
