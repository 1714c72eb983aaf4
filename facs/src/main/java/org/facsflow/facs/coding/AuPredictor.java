package org.facsflow.facs.coding;

import org.facsflow.facs.ActionUnit;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The prediction step: measures minus the person's neutral values through each AU's linear {@link AuModel.Entry},
 * minus the person's offset ({@link NeutralBaseline#offsets}), clipped to [0, 5], with presence by the entry's
 * threshold. One-sided AUs are predicted per side with the same
 * coefficients (every sided measure is defined mirror-symmetrically), and the bilateral value is the mean of the
 * two unclipped sides, or the one side the {@link QualityGate} left measurable. AUs whose coefficients are priors
 * (not fitted to reference data) are always read against the population neutral face: a person's median face is no
 * neutral for them (someone who smiles most of the time would score lip puckering whenever the smile relaxes).
 * Stateless; thread-safe.
 */
public final class AuPredictor {
    /** AUs read from the brows, eyes and nose root: NaN when the eyes are occluded. Others need a visible mouth. */
    static final Set<Integer> UPPER_FACE = Set.of(1, 2, 4, 5, 6, 7, 9, 43, 45);
    public static final float MAX_INTENSITY = 5f;

    private final AuModel model;
    private final int[][] right, left;
    private final boolean[] prior;
    private final float[] population;

    public AuPredictor(AuModel model) {
        this.model = model;
        List<ActionUnit> coded = ActionUnit.CODED;
        right = new int[coded.size()][];
        left = new int[coded.size()][];
        prior = new boolean[coded.size()];
        for (int a = 0; a < coded.size(); a++) {
            AuModel.Entry e = model.entry(coded.get(a));
            prior[a] = "prior".equals(e.source());
            int n = e.measures().size();
            right[a] = new int[n];
            left[a] = new int[n];
            for (int i = 0; i < n; i++) {
                String m = e.measures().get(i);
                int s = FacialMeasures.SIDED.indexOf(m);
                right[a][i] = s >= 0 ? FacialMeasures.right(s) : FacialMeasures.midline(FacialMeasures.MIDLINE.indexOf(m));
                left[a][i] = s >= 0 ? FacialMeasures.left(s) : right[a][i];
            }
        }
        population = new float[FacialMeasures.COUNT];
        for (int i = 0; i < population.length; i++)
            population[i] = model.neutral().getOrDefault(FacialMeasures.NAMES.get(i), Double.NaN).floatValue();
    }

    public AuModel model() {
        return model;
    }

    /**
     * The neutral face for a still: the model's population neutral for geometry; the face's own values for texture
     * (and any measure the model has no population value for), which then contribute nothing, since texture depends
     * on the resolution and lighting as much as on the face.
     */
    public float[] stillNeutral(float[] measures) {
        float[] neutral = population.clone();
        for (int i = 0; i < neutral.length; i++) if (Float.isNaN(neutral[i])) neutral[i] = measures[i];
        return neutral;
    }

    /**
     * Offsets for a face compared with a truly neutral one (a neutral segment, the population neutral): the intercept
     * of each fitted AU, so that the neutral face itself scores 0; 0 for prior AUs, whose intercept is part of the rule.
     */
    public float[] neutralOffsets() {
        float[] offsets = new float[ActionUnit.CODED.size()];
        for (int a = 0; a < offsets.length; a++) {
            AuModel.Entry e = model.entry(ActionUnit.CODED.get(a));
            offsets[a] = e.cutoff() == 0 ? 0 : (float) e.intercept();
        }
        return offsets;
    }

    /** Per coded AU the unclipped bilateral prediction before any offset: what the cut-off percentiles are taken of. */
    public float[] raw(float[] measures, float[] neutral) {
        float[] raw = new float[ActionUnit.CODED.size()];
        for (int a = 0; a < raw.length; a++) {
            AuModel.Entry e = model.entry(ActionUnit.CODED.get(a));
            raw[a] = (linear(e, measures, neutral, right[a]) + linear(e, measures, neutral, left[a])) / 2;
        }
        return raw;
    }

    /**
     * @param measures this frame's {@link FacialMeasures}
     * @param neutral  the person's neutral values (same layout)
     * @param offsets  per coded AU, subtracted before clipping ({@link NeutralBaseline#offsets})
     */
    public AuFrame predict(float[] measures, float[] neutral, float[] offsets, QualityGate.Verdict verdict,
                           BaselineMode mode) {
        int n = ActionUnit.CODED.size();
        float[] intensity = new float[n], l = new float[n], r = new float[n];
        float[] population = stillNeutral(measures);
        boolean[] present = new boolean[n];
        Arrays.fill(l, Float.NaN);
        Arrays.fill(r, Float.NaN);
        for (int a = 0; a < n; a++) {
            ActionUnit au = ActionUnit.CODED.get(a);
            AuModel.Entry e = model.entry(au);
            boolean region = UPPER_FACE.contains(au.number()) ? verdict.upper() : verdict.lower();
            if (!verdict.face() || !region) {
                intensity[a] = Float.NaN;
                continue;
            }
            float[] base = prior[a] ? population : neutral;
            float rawR = verdict.right() ? linear(e, measures, base, right[a]) - offsets[a] : Float.NaN;
            float rawL = verdict.left() ? linear(e, measures, base, left[a]) - offsets[a] : Float.NaN;
            float both = Float.isNaN(rawR) ? rawL : Float.isNaN(rawL) ? rawR : (rawR + rawL) / 2;
            if (au.unilateral()) {
                r[a] = clip(rawR);
                l[a] = clip(rawL);
            }
            intensity[a] = clip(both);
            present[a] = intensity[a] >= e.threshold();
        }
        return new AuFrame(intensity, l, r, present, mode);
    }

    private static float linear(AuModel.Entry e, float[] m, float[] neutral, int[] index) {
        double sum = e.intercept();
        for (int i = 0; i < index.length; i++) sum += e.weights()[i] * (m[index[i]] - neutral[index[i]]);
        return (float) sum;
    }

    static float clip(float v) {
        return Float.isNaN(v) ? Float.NaN : Math.max(0, Math.min(MAX_INTENSITY, v));
    }
}
