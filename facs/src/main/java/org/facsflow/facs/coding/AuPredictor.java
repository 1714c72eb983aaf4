package org.facsflow.facs.coding;

import org.facsflow.facs.ActionUnit;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The prediction step: a frame's descriptor ({@link AuDescriptor}) and the person's neutral descriptor (and the
 * {@link Curvature} bends between them) through each fitted AU's linear models ({@link AuModel.Entry}) and, where it
 * has them, its residual trees, minus the person's offset, clipped to [0, 5]; the prior AUs by their FACS rules on
 * the measures against the population neutral face (a person's median face is no neutral for them: someone who
 * smiles most of the time would score lip puckering whenever the smile relaxes).
 *
 * <p>Sides: the models see the whole face and give one bilateral value. For one-sided AUs the FACS-named sided measures
 * split it: right = bilateral + asymmetry, left = bilateral - asymmetry, where the asymmetry is the fitted sided
 * weights times half the right-minus-left difference of the measures (each side's neutral taken off). Where the
 * {@link QualityGate} drops the far side, the near side carries the bilateral value.
 *
 * <p>Stateless; thread-safe.
 */
public final class AuPredictor {
    /** AUs read from the brows, eyes and nose root: NaN when the eyes are occluded. Others need a visible mouth. */
    static final Set<Integer> UPPER_FACE = Set.of(1, 2, 4, 5, 6, 7, 9, 43, 45);
    public static final float MAX_INTENSITY = 5f;

    /** Raw (unclipped, un-offset) values of one frame: bilateral intensity, asymmetry and presence score per AU. */
    public record Raw(float[] intensity, float[] asymmetry, float[] presence) {
    }

    private final AuModel model;
    private final AuModel.Entry[] entries;
    /** Per coded AU, its residual trees unpacked once (null: none). */
    private final RegressionTrees[] residual;
    private final int length;
    private final int[][] sideRight, sideLeft;
    private final float[] population;

    public AuPredictor(AuModel model) {
        this.model = model;
        List<ActionUnit> coded = ActionUnit.CODED;
        length = model.descriptor().length();
        entries = new AuModel.Entry[coded.size()];
        residual = new RegressionTrees[coded.size()];
        sideRight = new int[coded.size()][];
        sideLeft = new int[coded.size()][];
        for (int a = 0; a < coded.size(); a++) {
            AuModel.Entry e = model.entry(coded.get(a));
            entries[a] = e;
            if (e.fitted() && e.residual() != null) residual[a] = e.residual().trees();
            List<String> sided = e.fitted() ? e.sides() : e.measures();
            sideRight[a] = new int[sided.size()];
            sideLeft[a] = new int[sided.size()];
            for (int i = 0; i < sided.size(); i++) {
                int s = FacialMeasures.SIDED.indexOf(sided.get(i));
                sideRight[a][i] = s >= 0 ? FacialMeasures.right(s) : FacialMeasures.midline(FacialMeasures.MIDLINE.indexOf(sided.get(i)));
                sideLeft[a][i] = s >= 0 ? FacialMeasures.left(s) : sideRight[a][i];
            }
        }
        float[] mean = model.descriptor().measureMean(), scale = model.descriptor().measureScale();
        population = new float[FacialMeasures.COUNT];
        for (int i = 0; i < population.length; i++) {
            Double v = model.neutral().get(FacialMeasures.NAMES.get(i));
            // in descriptor units; NaN for texture, which has none (it depends on resolution and lighting)
            population[i] = v == null ? Float.NaN : (float) ((v - mean[i]) / scale[i]);
        }
    }

    public AuModel model() {
        return model;
    }

    /** Per coded AU, the raw values of the running/offline models (what the cut-off percentiles are taken of). */
    public Raw raw(float[] descriptor, float[] neutral) {
        int n = entries.length;
        float[] intensity = new float[n], asymmetry = new float[n], presence = new float[n];
        float[] input = new float[2 * length + Curvature.LENGTH];
        for (int j = 0; j < length; j++) {
            input[j] = descriptor[j] - neutral[j];
            input[length + j] = neutral[j];
        }
        // an entry without bends has shorter weights and never reads them; trees may read them all
        Curvature.fill(descriptor, neutral, input, 2 * length);
        for (int a = 0; a < n; a++) {
            AuModel.Entry e = entries[a];
            if (e.fitted()) {
                intensity[a] = e.running().apply(input) + (residual[a] == null ? 0 : residual[a].apply(input));
                presence[a] = e.presence() == null ? Float.NaN : e.presence().apply(input);
                asymmetry[a] = asymmetry(e, a, descriptor, neutral);
            } else {
                float right = prior(e, a, descriptor, true), left = prior(e, a, descriptor, false);
                intensity[a] = (right + left) / 2;
                asymmetry[a] = (right - left) / 2;
                presence[a] = Float.NaN;
            }
        }
        return new Raw(intensity, asymmetry, presence);
    }

    /** Per coded AU, the raw values of a still (no neutral of the person: the still models and the priors). */
    public Raw rawStill(float[] descriptor) {
        int n = entries.length;
        float[] intensity = new float[n], asymmetry = new float[n], presence = new float[n];
        Arrays.fill(presence, Float.NaN);
        for (int a = 0; a < n; a++) {
            AuModel.Entry e = entries[a];
            if (e.fitted()) {
                intensity[a] = e.still().apply(descriptor);
                asymmetry[a] = asymmetry(e, a, descriptor, null);
            } else {
                float right = prior(e, a, descriptor, true), left = prior(e, a, descriptor, false);
                intensity[a] = (right + left) / 2;
                asymmetry[a] = (right - left) / 2;
            }
        }
        return new Raw(intensity, asymmetry, presence);
    }

    /**
     * A running frame weighed against the same frame as a still: {@code trust} of the running values (their offsets
     * taken off) and the rest of the still's, per AU; the presence scores stay the running ones (an AU without one is
     * present where the blend reaches its running threshold). A running baseline of a few dozen frames is a rough
     * neutral, so the still models share the frame until it has seen more.
     */
    public Raw blend(Raw running, float[] offsets, Raw still, float trust) {
        int n = entries.length;
        float[] intensity = new float[n], asymmetry = new float[n];
        for (int a = 0; a < n; a++) {
            intensity[a] = trust * (running.intensity()[a] - offsets[a]) + (1 - trust) * still.intensity()[a];
            asymmetry[a] = trust * running.asymmetry()[a] + (1 - trust) * still.asymmetry()[a];
        }
        return new Raw(intensity, asymmetry, running.presence());
    }

    /** Offsets that make the neutral itself score 0 (a neutral segment): the running models at the neutral. */
    public float[] neutralOffsets(float[] neutral) {
        float[] offsets = raw(neutral, neutral).intensity();
        for (int a = 0; a < offsets.length; a++) if (!entries[a].fitted()) offsets[a] = 0;
        return offsets;
    }

    /**
     * One frame from raw values (possibly smoothed), the person's offsets (null: none) and what the gate lets be
     * measured. Presence: the score where the AU has a presence model, else the intensity, at the threshold.
     */
    public AuFrame frame(Raw raw, float[] offsets, QualityGate.Verdict verdict, BaselineMode mode) {
        int n = entries.length;
        float[] intensity = new float[n], l = new float[n], r = new float[n];
        boolean[] present = new boolean[n];
        Arrays.fill(l, Float.NaN);
        Arrays.fill(r, Float.NaN);
        boolean still = mode == BaselineMode.STILL;
        for (int a = 0; a < n; a++) {
            ActionUnit au = ActionUnit.CODED.get(a);
            AuModel.Entry e = entries[a];
            boolean region = UPPER_FACE.contains(au.number()) ? verdict.upper() : verdict.lower();
            if (!verdict.face() || !region) {
                intensity[a] = Float.NaN;
                continue;
            }
            float both = raw.intensity()[a] - (offsets == null ? 0 : offsets[a]);
            intensity[a] = clip(both);
            if (au.unilateral()) {
                boolean bothSides = verdict.right() && verdict.left();
                r[a] = verdict.right() ? clip(bothSides ? both + raw.asymmetry()[a] : both) : Float.NaN;
                l[a] = verdict.left() ? clip(bothSides ? both - raw.asymmetry()[a] : both) : Float.NaN;
            }
            if (!e.fitted()) present[a] = intensity[a] >= e.threshold();
            else if (still) present[a] = intensity[a] >= e.stillThreshold();
            else present[a] = e.presence() == null ? intensity[a] >= e.threshold() : raw.presence()[a] >= e.threshold();
        }
        return new AuFrame(intensity, l, r, present, mode);
    }

    private float asymmetry(AuModel.Entry e, int a, float[] d, float[] neutral) {
        float sum = 0;
        float[] w = e.sideWeights();
        for (int i = 0; i < w.length; i++) {
            int right = sideRight[a][i], left = sideLeft[a][i];
            // a still has no neutral of its own: its asymmetry is taken as it is
            sum += w[i] * (neutral == null ? d[right] - d[left] : (d[right] - neutral[right]) - (d[left] - neutral[left]));
        }
        return sum / 2;
    }

    /**
     * A prior AU's rule on one side's measures (midline measures on both), against the population neutral; a measure
     * without a population value (texture) contributes nothing.
     */
    private float prior(AuModel.Entry e, int a, float[] d, boolean right) {
        int[] index = right ? sideRight[a] : sideLeft[a];
        float[] scale = model.descriptor().measureScale();
        double sum = e.intercept();
        for (int i = 0; i < index.length; i++) {
            int m = index[i];
            // back to mm / log units, where the rule's weights were set
            if (!Float.isNaN(population[m])) sum += e.weights()[i] * (d[m] - population[m]) * scale[m];
        }
        return (float) sum;
    }

    static float clip(float v) {
        return Float.isNaN(v) ? Float.NaN : Math.max(0, Math.min(MAX_INTENSITY, v));
    }
}
