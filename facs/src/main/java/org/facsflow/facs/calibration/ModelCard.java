package org.facsflow.facs.calibration;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuCoder;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.facs.coding.BaselineMode;
import org.facsflow.facs.coding.Curvature;
import org.facsflow.facs.coding.FaceAppearance;
import org.facsflow.facs.coding.FacialMeasures;
import org.facsflow.facs.coding.NeutralBaseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The model card {@code facsflow calibrate} writes beside the model (docs/au-model-card.md): data, folds, features,
 * the model chosen per AU, agreement on held-out people per AU and per person, and the hand-set AUs' checks.
 */
public final class ModelCard {
    /** What the cross-validation produced. */
    public record Results(AuCalibration.CrossValidation cv, Map<BaselineMode, AgreementTable> tables,
                          List<PriorCheck.Result> checks) {
    }

    private static final double[] YAW_EDGES = {0, 10, 20, 30, 35, 40};
    private static final double[] SECONDS_EDGES = {0, 1, 3, 10, Double.POSITIVE_INFINITY};

    private ModelCard() {
    }

    /** The model with each prior AU reported or marked experimental by its check. */
    public static AuModel judgePriors(AuModel model, List<PriorCheck.Result> checks) {
        List<AuModel.Entry> judged = new ArrayList<>();
        for (PriorCheck.Result c : checks)
            judged.add(model.entry(ActionUnit.of(c.au())).judged(c.passed(), c.summary()));
        return model.with(judged, model.note());
    }

    public static String markdown(AuModel model, AuCalibration.Fit fit, Results results, String command) {
        StringBuilder s = new StringBuilder();
        s.append("# AU model card\n\n");
        s.append("Written by `").append(command).append("` (").append(model.note().getOrDefault("date", "")).append(") with the model ")
                .append("`facs/src/main/resources/org/facsflow/facs/au-model.json`; rerun it to reproduce every number here. ")
                .append("The model's `note` lists each input clip with its SHA-256.\n\n");
        data(s, model, results);
        features(s, model);
        perAu(s, model, fit);
        if (results != null) {
            agreement(s, results);
            priors(s, results);
        }
        s.append("## Limits\n\n")
                .append("- The reference is OpenFace 2.0.6, not human FACS coders: agreement says how well facsflow reproduces ")
                .append("OpenFace, including its errors.\n")
                .append("- The descriptor's design (which features, how many components, median inputs) was explored on the ")
                .append("same corpus with 4-fold cross-validation before this run, the bends among nine variants of extra inputs ")
                .append("and the number of inner folds (").append(AuCalibration.INNER_FOLDS).append(" against 3) compared on these outer folds; the nested loop chooses inputs (bends or not), penalties, the median factor, cut-offs, ")
                .append("presence models and thresholds only. The held-out figures are therefore slightly optimistic about ")
                .append("the design; facsflow is validated on other people and videos, not in shared/.\n")
                .append("- Inner folds reuse the outer fold's principal components (fitted on all of its training people).\n")
                .append("- The corpus is mostly light-skinned adults talking with modest expressions (see ")
                .append("shared/training/README.md): expect less on dark skin, children, strong or rare expressions.\n");
        return s.toString();
    }

    private static void data(StringBuilder s, AuModel model, Results results) {
        Object inputs = model.note().get("inputs");
        int clips = inputs instanceof List<?> l ? l.size() : 0;
        long people = inputs instanceof List<?> l ? l.stream().map(o -> ((Map<?, ?>) o).get("person")).distinct().count() : 0;
        long frames = inputs instanceof List<?> l ? l.stream().mapToLong(o -> ((Number) ((Map<?, ?>) o).get("frames")).longValue()).sum() : 0;
        s.append("## Data and folds\n\n")
                .append(String.format(Locale.ROOT, "%d clips of %d people, %d frames: the training corpus (shared/training, "
                        + "OpenFace 2.0.6 references) and the development references (cap12_edit, WolfgangLanger_Pexels, "
                        + "single_face). Never the validation videos (DEVELOPERS.md names them): they stay unseen.\n\n",
                        clips, people, frames))
                .append("Frames used: the face found by the tracking pipeline (the one nearest OpenFace's landmarks), measurable ")
                .append("by the quality gate, where OpenFace succeeded. Each frame weighs 1/sqrt(its person's frame count).\n\n");
        if (results != null)
            s.append(String.format(Locale.ROOT, "Outer folds: %d, grouped by person (people sorted by frame count dealt in "
                    + "turn); inside each, everything is fitted and chosen on the other folds' people only, with %d inner "
                    + "folds grouped the same way. The final model repeats the inner procedure on everyone.\n\n",
                    results.cv().fits().size(), results.cv().fits().stream().mapToInt(AuCalibration.Fit::innerFolds).min().orElseThrow()));
    }

    private static void features(StringBuilder s, AuModel model) {
        AuModel.Descriptor d = model.descriptor();
        s.append("## Features\n\n")
                .append(String.format(Locale.ROOT, "The descriptor (%d values a face and frame): the %d FACS-named mesh measures "
                                + "(docs/au-measures.md) standardised; %d principal components of the 468 mesh vertices in the "
                                + "head's own frame (pose removed); %d of the HOG of a 112-px similarity-aligned grey face (BoofCV "
                                + "dense HOG, %d bins, 8-px cells, 2x2-cell blocks: %d values); %d of the same face shrunk to 28 x 28 "
                                + "(standardised grey levels). Components are fitted on every %drd training frame and scaled to "
                                + "unit variance.\n\n",
                        d.length(), FacialMeasures.COUNT, d.shape().scale().length, d.appearance().scale().length,
                        FaceAppearance.BINS, FaceAppearance.HOG, d.thumbnail().scale().length, AuCalibration.PCA_FRAME_STEP))
                .append("Per person: the median descriptor over the person's measurable frames (whole video offline, running ")
                .append("live, from histograms of ").append(NeutralBaseline.DESCRIPTOR_BINS).append(" bins over +/-")
                .append((int) NeutralBaseline.SPAN_SD).append(" SD). The running models read the descriptor minus that median ")
                .append("and the median itself (its penalty ").append(factors())
                .append(" times the other inputs', as the inner folds chose: it varies between people, not frames), and, where the inner folds chose them (\"bends\" below), each measure's ")
                .append("deviation from the median above zero and squared (").append(Curvature.LENGTH)
                .append(" values); stills (no median) have their own models on the descriptor alone.\n\n");
    }

    private static void perAu(StringBuilder s, AuModel model, AuCalibration.Fit fit) {
        s.append("## Model per AU (final fit)\n\n")
                .append("Ridge regression per AU; inputs (linear, or with the bends), penalty (relative to the total weight, ")
                .append("inputs scaled by their spread), the median factor (how many times that penalty weighs on the ")
                .append("person's median inputs), ")
                .append("the running model's share of the running intensity (the rest from the still model on the same frame), ")
                .append("cut-off (the percentile of the person's predictions taken off, OpenFace-style; 0 = none) and ")
                .append("presence (a threshold on the intensity, or a separate presence regression's score) chosen by ")
                .append("pooled r and F1 in the inner folds; offline intensities are averaged over 3 frames. Then, with ")
                .append("those models fixed, boosted regression trees (XGBoost, fixed settings) on what each running model ")
                .append("leaves of the reference, on the running inputs with the bends: the inner folds keep ")
                .append(Arrays.stream(BoostedTrees.ROUNDS).mapToObj(String::valueOf).collect(Collectors.joining(" or ")))
                .append(" rounds of them, or none (\"trees\"; the inner r and presence are then with them).\n\n")
                .append("| AU | inputs | penalty | median factor | running share | cut-off | trees | inner r | presence | threshold | inner F1 | still penalty | still threshold | inner still r |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (AuCalibration.Choice c : fit.choices())
            s.append(String.format(Locale.ROOT, "| AU%d | %s | %s | %s | %s | %s | %s | %.2f | %s | %s | %.2f | %s | %s | %.2f |%n", c.au(),
                    c.curved() ? "bends" : "linear", number(c.penalty()), number(c.medianPenalty()), number(c.blend()), number(c.cutoff()),
                    c.trees() == 0 ? "none" : String.valueOf(c.trees()), c.innerR(), c.presence().equals("score")
                            ? "score (penalty " + number(c.presencePenalty()) + ")" : "intensity",
                    number(c.threshold()), c.innerF1(), number(c.stillPenalty()), number(c.stillThreshold()), c.innerStillR()));
        s.append('\n');
    }

    /** The median factors tried, as "1, 10 or 100". */
    private static String factors() {
        return Arrays.stream(AuCalibration.MEDIAN_PENALTIES).mapToObj(ModelCard::number)
                .collect(Collectors.joining(", ")).replaceFirst(", ([^,]*)$", " or $1");
    }

    private static void agreement(StringBuilder s, Results results) {
        s.append("## Agreement with OpenFace on people held out\n\n")
                .append("Each person coded by the model fitted without them (outer folds), with the real coder: offline ")
                .append("(whole-video median, cut-offs, 3-frame smoothing), running (causal running median; a face's first ")
                .append(AuCoder.MIN_RUNNING_FRAMES).append(" frames as stills, then blended with them as below) and still ")
                .append("(every frame alone). Pooled over all frames of all people; the mean ")
                .append("r and CCC are over the 17 intensity AUs, the mean F1 over the 18 presence AUs (AU28 is a hand-set ")
                .append("rule; its F1 is shown, not fitted). The last column is OpenFace against itself: the best F1 its own ")
                .append("intensity reaches against its own presence at one threshold, over the offline frames (its presence ")
                .append("comes from separate classifiers; the mean is over the 17 intensity AUs).\n\n");
        List<BaselineMode> modes = new ArrayList<>(results.tables().keySet());
        List<AgreementTable.Limits> limits = AgreementTable.limits(results.cv().clips(), results.cv().coded().get(BaselineMode.OFFLINE));
        Map<String, Double> own = limits.stream().collect(Collectors.toMap(l -> "AU" + l.au(), AgreementTable.Limits::referenceF1));
        s.append("| AU |");
        for (BaselineMode m : modes) s.append(" ").append(m.label()).append(" r | CCC | F1 |");
        s.append(" OpenFace's own F1 |\n|---|");
        s.append("---|---|---|".repeat(modes.size())).append("---|\n");
        AgreementTable first = results.tables().get(modes.get(0));
        for (int i = 0; i < first.pooled().size(); i++) {
            String label = first.pooled().get(i).label();
            s.append("| ").append(label.equals("mean") ? "**mean**" : label).append(" |");
            for (BaselineMode m : modes) {
                AgreementTable.Row r = results.tables().get(m).pooled().get(i);
                s.append(' ').append(number2(r.r())).append(" | ").append(number2(r.ccc())).append(" | ").append(number2(r.f1())).append(" |");
            }
            double f1 = label.equals("mean") ? own.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)
                    : own.getOrDefault(label, Double.NaN);
            s.append(' ').append(number2(f1)).append(" |\n");
        }
        s.append("\nPer person (offline; mean over the AUs defined for that person: r and CCC need the reference to vary, ")
                .append("F1 needs a presence in either):\n\n| person | frames | mean r | mean CCC | mean F1 |\n|---|---|---|---|---|\n");
        AgreementTable offline = results.tables().get(BaselineMode.OFFLINE);
        List<Double> rs = new ArrayList<>();
        offline.perPerson().forEach((person, rows) -> {
            AgreementTable.Row mean = rows.get(rows.size() - 1);
            rs.add(mean.r());
            s.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", person, mean.frames(), number2(mean.r()),
                    number2(mean.ccc()), number2(mean.f1())));
        });
        s.append("\nBy head turn (offline, our |yaw|; the quality gate leaves frames beyond ")
                .append((int) org.facsflow.facs.coding.QualityGate.MAX_YAW_DEGREES).append(" degrees unmeasured):\n\n")
                .append("| abs(yaw), degrees | frames | mean r | mean CCC | mean F1 |\n|---|---|---|---|---|\n");
        for (AgreementTable.Row row : AgreementTable.byYaw(results.cv().clips(), results.cv().coded().get(BaselineMode.OFFLINE), YAW_EDGES))
            s.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", row.label(), row.frames(), number2(row.r()),
                    number2(row.ccc()), number2(row.f1())));
        s.append("\nBy seconds since the clip's first measurable face, live (running) against offline on the same frames: ")
                .append("the running median learns the face as the clip goes on, and a face's first ")
                .append(AuCoder.MIN_RUNNING_FRAMES).append(" frames are coded as stills, later ones blended with the still ")
                .append("models while the running median is young (the running models weigh n / (n + ")
                .append(AuCoder.MIN_RUNNING_FRAMES).append(") after n frames). Later ")
                .append("bins hold only the longer clips, so compare the two modes within a row, not rows with each other.\n\n")
                .append("| seconds | frames | running r | offline r | running CCC | offline CCC | running F1 | offline F1 |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        List<AgreementTable.Row> running = AgreementTable.bySeconds(results.cv().clips(),
                results.cv().coded().get(BaselineMode.RUNNING), SECONDS_EDGES);
        List<AgreementTable.Row> offlineBySeconds = AgreementTable.bySeconds(results.cv().clips(),
                results.cv().coded().get(BaselineMode.OFFLINE), SECONDS_EDGES);
        for (int b = 0; b < running.size(); b++) {
            AgreementTable.Row live = running.get(b), whole = offlineBySeconds.get(b);
            s.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s |%n", live.label(), live.frames(),
                    number2(live.r()), number2(whole.r()), number2(live.ccc()), number2(whole.ccc()), number2(live.f1()),
                    number2(whole.f1())));
        }
        s.append('\n');
        double[] sorted = rs.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length > 0)
            s.append(String.format(Locale.ROOT, "%nPer-person mean r: median %.2f, quartiles %.2f-%.2f, range %.2f-%.2f over %d people.%n%n",
                    AuCalibration.quantile(sorted, 0.5), AuCalibration.quantile(sorted, 0.25), AuCalibration.quantile(sorted, 0.75),
                    sorted[0], sorted[sorted.length - 1], sorted.length));
        s.append("Within and between people (offline): the mean over people of each one's r, the r across people of each ")
                .append("one's mean intensity (ours against OpenFace's), and the pooled r with each person's values moved so ")
                .append("that their mean is OpenFace's. Where the second is low, people's overall levels are off; the last column ")
                .append("says what getting every level right would give, and the rest of the way to 1 is the movements within ")
                .append("people.\n\n")
                .append("| AU | people | pooled r | within-person mean r | between-person r | pooled r, levels matched |\n")
                .append("|---|---|---|---|---|---|\n");
        for (AgreementTable.Limits l : limits)
            s.append(String.format(Locale.ROOT, "| AU%d | %d | %s | %s | %s | %s |%n", l.au(), l.people(),
                    number2(offline.row(l.au()).r()), number2(l.within()), number2(l.between()), number2(l.levelsMatched())));
        s.append('\n');
    }

    private static void priors(StringBuilder s, Results results) {
        s.append("## Hand-set AUs (11, 16, 18, 22, 24, 27, 28, 43)\n\n")
                .append(String.format(Locale.ROOT, "No reference has their intensity, so their rules are set by hand from "
                        + "FACS (facs/.../calibration/PriorRules.java) and checked on the corpus (offline coding, held-out "
                        + "folds): reported by default only if present in at most %.0f%% of near-neutral frames (every "
                        + "OpenFace intensity below %.1f), not correlated beyond |r| %.1f with the reference intensity of "
                        + "an AU they are easily mistaken for, and, where the reference has their presence after all "
                        + "(AU28_c), agreeing with it at an F1 of at least %.1f. Otherwise experimental: coded, but left out "
                        + "of default outputs (`AuModel.reported()` / `experimental()`). Passing says a rule does not misfire "
                        + "on this corpus, not that it finds its AU: no reference shows that.%n%n", 100 * PriorCheck.MAX_NEUTRAL_RATE,
                        PriorCheck.NEUTRAL_BELOW, PriorCheck.MAX_CONFUSION_R, PriorCheck.MIN_REFERENCE_F1))
                .append("| AU | decision | near-neutral frames | present there | present overall | r with confusable AUs |\n")
                .append("|---|---|---|---|---|---|\n");
        for (PriorCheck.Result c : results.checks()) {
            StringBuilder conf = new StringBuilder();
            c.confusion().forEach((au, r) -> conf.append(conf.length() == 0 ? "" : ", ").append("AU").append(au).append(' ').append(number2(r)));
            if (!Double.isNaN(c.f1())) conf.append("; F1 vs AU28_c ").append(number2(c.f1()));
            s.append(String.format(Locale.ROOT, "| AU%d | %s | %d | %.1f%% | %.1f%% | %s |%n", c.au(), c.passed() ? "reported" : "experimental",
                    c.neutralFrames(), 100 * c.neutralRate(), 100 * c.rate(), conf));
        }
        s.append('\n');
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String number2(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }
}
