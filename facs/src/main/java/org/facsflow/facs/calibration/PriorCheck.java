package org.facsflow.facs.calibration;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.facs.validation.Agreement;
import org.facsflow.facs.validation.FrameKey;
import org.facsflow.facs.validation.OpenFaceRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The check a hand-set prior AU ({@link PriorRules}) must pass to be reported by default, on coded training clips:
 * <ol>
 *   <li>it stays off the face at rest: on near-neutral frames (every reference intensity below
 *   {@value #NEUTRAL_BELOW}) it is present in at most {@value #MAX_NEUTRAL_RATE} of them;</li>
 *   <li>it is not a copy of what it is most easily mistaken for ({@link PriorRules#CONFUSABLE}): its intensity's
 *   Pearson r with each of those AUs' reference intensities is at most {@value #MAX_CONFUSION_R} in size;</li>
 *   <li>where the reference has its presence after all (OpenFace's AU28_c), it agrees with it at an F1 of at least
 *   {@value #MIN_REFERENCE_F1}.</li>
 * </ol>
 * Neither proves the AU right (no reference has it); failing either shows it wrong often enough to keep it out of
 * default outputs.
 */
public final class PriorCheck {
    public static final double NEUTRAL_BELOW = 0.5, MAX_NEUTRAL_RATE = 0.05, MAX_CONFUSION_R = 0.4, MIN_REFERENCE_F1 = 0.3;

    /**
     * One prior AU's result.
     *
     * @param neutralRate share of near-neutral frames where it is present
     * @param rate        share of all frames where it is present
     * @param confusion   per confusable AU, Pearson r with its reference intensity
     * @param f1          F1 against the reference presence where one exists (AU28), else NaN
     */
    public record Result(int au, int neutralFrames, double neutralRate, double rate, Map<Integer, Double> confusion,
                         double f1) {
        public boolean passed() {
            return neutralRate <= MAX_NEUTRAL_RATE
                    && confusion.values().stream().allMatch(r -> Double.isNaN(r) || Math.abs(r) <= MAX_CONFUSION_R)
                    && (Double.isNaN(f1) || f1 >= MIN_REFERENCE_F1);
        }

        /** One line saying what was measured and what it decided. */
        public String summary() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s: present in %.1f%% of %d near-neutral frames "
                    + "(limit %.0f%%), %.1f%% of all frames", passed() ? "reported" : "experimental", 100 * neutralRate,
                    neutralFrames, 100 * MAX_NEUTRAL_RATE, 100 * rate));
            confusion.forEach((au, r) -> s.append(String.format(Locale.ROOT, "; r with AU%d %.2f", au, r)));
            s.append(String.format(Locale.ROOT, " (limit |r| %.1f)", MAX_CONFUSION_R));
            if (!Double.isNaN(f1))
                s.append(String.format(Locale.ROOT, "; presence F1 against AU%02d_c %.2f (at least %.1f)", au, f1, MIN_REFERENCE_F1));
            return s.toString();
        }
    }

    private PriorCheck() {
    }

    /** @param coded per clip, the coder's frames (null where no face) */
    public static List<Result> run(List<TrainingClip> clips, List<List<AuFrame>> coded) {
        List<Result> results = new ArrayList<>();
        for (AuModel.Entry prior : PriorRules.entries()) results.add(check(prior.au(), clips, coded));
        return results;
    }

    private static Result check(int au, List<TrainingClip> clips, List<List<AuFrame>> coded) {
        ActionUnit unit = ActionUnit.of(au);
        List<Integer> confusable = PriorRules.CONFUSABLE.get(au);
        List<Double> ours = new ArrayList<>();
        List<double[]> theirs = new ArrayList<>();
        List<Boolean> predicted = new ArrayList<>(), reference = new ArrayList<>();
        int neutral = 0, neutralPresent = 0, present = 0;
        for (int c = 0; c < clips.size(); c++) {
            List<AuFrame> frames = coded.get(c);
            for (int i = 0; i < frames.size(); i++) {
                AuFrame f = frames.get(i);
                if (f == null || Float.isNaN(f.intensity(unit))) continue;
                OpenFaceRow row = clips.get(c).reference().row(new FrameKey(i + 1, 0)).orElse(null);
                if (row == null || !row.success()) continue;
                boolean calm = true;
                for (int r : ReducedClip.INTENSITY_AUS) calm &= row.value(String.format(Locale.ROOT, "AU%02d_r", r)) < NEUTRAL_BELOW;
                if (calm) {
                    neutral++;
                    if (f.present(unit)) neutralPresent++;
                }
                if (f.present(unit)) present++;
                ours.add((double) f.intensity(unit));
                double[] t = new double[confusable.size()];
                for (int k = 0; k < t.length; k++) t[k] = row.value(String.format(Locale.ROOT, "AU%02d_r", confusable.get(k)));
                theirs.add(t);
                String column = String.format(Locale.ROOT, "AU%02d_c", au);
                if (!Double.isNaN(row.value(column))) {
                    predicted.add(f.present(unit));
                    reference.add(row.value(column) >= 0.5);
                }
            }
        }
        double[] x = ours.stream().mapToDouble(Double::doubleValue).toArray();
        Map<Integer, Double> confusion = new LinkedHashMap<>();
        for (int k = 0; k < confusable.size(); k++) {
            int kk = k;
            confusion.put(confusable.get(k), Agreement.pearson(x, theirs.stream().mapToDouble(t -> t[kk]).toArray()));
        }
        double f1 = Double.NaN;
        if (!reference.isEmpty()) {
            boolean[] p = new boolean[predicted.size()], r = new boolean[reference.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = predicted.get(i);
                r[i] = reference.get(i);
            }
            f1 = Agreement.f1(r, p);
        }
        return new Result(au, neutral, neutral == 0 ? Double.NaN : (double) neutralPresent / neutral,
                x.length == 0 ? Double.NaN : (double) present / x.length, confusion, f1);
    }
}
