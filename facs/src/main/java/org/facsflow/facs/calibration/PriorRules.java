package org.facsflow.facs.calibration;

import org.facsflow.facs.coding.AuModel;

import java.util.List;
import java.util.Map;

/**
 * The AUs no reference output has an intensity for (OpenFace codes 17 AUs; facsflow codes 25), as hand-set rules
 * from the FACS description on the {@link org.facsflow.facs.coding.FacialMeasures}, read against the population
 * neutral face. Nothing is fitted here; calibration checks each rule on the training corpus ({@link PriorCheck}) and
 * writes whether it is reported by default.
 */
public final class PriorRules {
    /** Presence of a prior AU: its rule's value at or above this (FACS letter A starts at 1 on facsflow's scale). */
    public static final double THRESHOLD = 1.0;

    private PriorRules() {
    }

    /** The rules, by AU: measures, weights (per mm, or per log unit for texture) and intercept. */
    public static List<AuModel.Entry> entries() {
        return List.of(
                // AU11 nasolabial furrow deepener: the furrow darkens and the upper lip beside the ala rises a little.
                rule(11, List.of("nasolabial_texture", "upper_lip_to_ala"), new double[]{2.0, -0.2}, 0),
                // AU16 lower lip depressor: the lower lip is pulled down away from the chin and everted.
                rule(16, List.of("chin_to_lower_lip", "lower_lip_thickness"), new double[]{-0.6, 0.4}, 0),
                // AU18 lip pucker: the corners are drawn in (narrower mouth) and the lips pushed forward.
                rule(18, List.of("corner_width", "lip_protrusion"), new double[]{-0.5, 0.4}, 0),
                // AU22 lip funneler: lips forward, corners in, lips apart in a funnel.
                rule(22, List.of("lip_protrusion", "corner_width", "inner_lip_gap"), new double[]{0.4, -0.3, 0.2}, 0),
                // AU24 lip pressor: both lips thinned by pressing, no gap.
                rule(24, List.of("upper_lip_thickness", "lower_lip_thickness", "inner_lip_gap"), new double[]{-0.5, -0.5, -0.3}, 0),
                // AU27 mouth stretch: the jaw pulled far down, beyond what AU26 lets fall (about 10 mm).
                rule(27, List.of("jaw_drop"), new double[]{0.2}, -2.0),
                // AU28 lip suck: both lips pulled in, the red of the lips disappearing.
                rule(28, List.of("upper_lip_thickness", "lower_lip_thickness"), new double[]{-0.6, -0.6}, -1.0),
                // AU43 eyes closed: the lids close; in video only when held half a second (HeldClosure: a shorter
                // closure is the AU45 blink).
                rule(43, List.of("eye_aperture"), new double[]{-0.6}, -1.5));
    }

    /**
     * What each prior AU is most easily mistaken for in the measures it reads: its check requires its value not to
     * follow those AUs' reference intensities closely.
     */
    public static final Map<Integer, List<Integer>> CONFUSABLE = Map.of(
            11, List.of(10, 12), 16, List.of(25, 26), 18, List.of(12, 20, 23), 22, List.of(12, 25, 26),
            24, List.of(17, 23), 27, List.of(25, 26), 28, List.of(17, 23), 43, List.of(45));

    private static AuModel.Entry rule(int au, List<String> measures, double[] weights, double intercept) {
        return new AuModel.Entry(au, AuModel.PRIOR, false, "not checked yet", null, null, 0, null, null, THRESHOLD, THRESHOLD,
                null, null, measures, weights, intercept);
    }
}
