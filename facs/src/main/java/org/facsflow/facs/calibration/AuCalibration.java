package org.facsflow.facs.calibration;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuCoder;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.facs.coding.AuPredictor;
import org.facsflow.facs.coding.BaselineMode;
import org.facsflow.facs.coding.Curvature;
import org.facsflow.facs.coding.FaceFeatures;
import org.facsflow.facs.coding.FacialMeasures;
import org.facsflow.facs.coding.Projection;
import org.facsflow.facs.coding.RegressionTrees;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Fits the {@link AuModel} to frame-level reference outputs (OpenFace's {@code AUxx_r} and {@code AUxx_c}) and
 * measures how well that generalises to people it never saw.
 *
 * <p>{@link #fit}: the descriptor's reductions (principal components of shape, HOG and thumbnail on every
 * {@value #PCA_FRAME_STEP}rd frame, measure standardisation) from the training frames; then, per AU, ridge regressions
 * on {@code [descriptor - clip median, clip median]}, with or without the {@link Curvature} bends, whose inputs,
 * penalty, cut-off, presence model and thresholds are chosen by (up to) {@value #INNER_FOLDS}-fold cross-validation grouped by
 * person on those training people alone (pooled Pearson r of the post-processed intensities, pooled F1 of presence);
 * then, in the same folds, {@link BoostedTrees} on what each chosen running model leaves, kept per AU where they raise
 * that r; then the chosen models refitted on all of them. Frames are weighted by 1 / sqrt(the person's frame count), so a
 * long video counts more than a short one, but not in proportion.
 *
 * <p>{@link #crossValidate}: the whole of {@link #fit} inside each outer fold (people held out together), the
 * held-out people coded by the real coder ({@link AuCoder#codeVideo}) in each baseline mode: what the agreement
 * report is made of. Deterministic: the same clips give the same model and the same report.
 */
public final class AuCalibration {
    public static final int SHAPE_COMPONENTS = 32, APPEARANCE_COMPONENTS = 128, THUMBNAIL_COMPONENTS = 32;
    static final int PCA_FRAME_STEP = 3;
    public static final double[] PENALTIES = {0.01, 0.03, 0.1, 0.3, 1};
    /**
     * How many times the penalty weighs on the person's median inputs. They vary between some 70 people, not
     * thousands of frames, so a heavier penalty there keeps a person's look from standing in for their expression.
     */
    public static final double[] MEDIAN_PENALTIES = {1, 10, 100};
    /** Cut-off percentiles tried (0: none). */
    public static final double[] CUTOFFS = {0, 0.05, 0.1, 0.2};
    /**
     * Shares of the running model in the running intensity tried, the rest from the still model on the same frame
     * (some AUs follow OpenFace better from the face as it is than from its change against the person's median).
     */
    public static final double[] BLENDS = {1, 0.5, 0};
    /** Inner folds: five, or one per person where fewer people are given (a user's own videos; at least three). */
    public static final int INNER_FOLDS = 5, MIN_PEOPLE = 3;
    static final double SIDE_PENALTY = 0.1, PERSON_WEIGHT_POWER = 0.5;
    /** The share of a person's frames, lowest in summed reference intensity, whose median is their neutral face. */
    static final double CALM_SHARE = 0.2;

    private static final int R = ReducedClip.INTENSITY_AUS.length, C = ReducedClip.PRESENCE_AUS.length;

    /** Per fitted AU, the measures FACS names for it that have a side: they split its intensity between the sides. */
    static final Map<Integer, List<String>> SIDES = Map.ofEntries(
            Map.entry(1, List.of("brow_inner_height")), Map.entry(2, List.of("brow_outer_height")),
            Map.entry(4, List.of("brow_inner_height", "brow_inner_to_midline")),
            Map.entry(5, List.of("upper_lid_over_iris", "eye_aperture")),
            Map.entry(6, List.of("cheek_height", "lower_lid_under_iris", "crows_feet_texture", "infraorbital_texture")),
            Map.entry(7, List.of("lower_lid_under_iris", "eye_aperture", "infraorbital_texture")),
            Map.entry(9, List.of("ala_to_eye", "upper_lip_to_ala")),
            Map.entry(10, List.of("upper_lip_to_ala", "nasolabial_texture")),
            Map.entry(12, List.of("corner_height", "corner_width", "corner_depth", "nasolabial_texture")),
            Map.entry(14, List.of("corner_depth", "corner_width", "corner_below_lips")),
            Map.entry(15, List.of("corner_below_lips", "corner_height")),
            Map.entry(20, List.of("corner_width", "corner_height", "corner_depth")),
            Map.entry(45, List.of("eye_aperture", "upper_lid_over_iris")));

    /**
     * What the inner cross-validation chose for one AU, and the pooled scores that chose it.
     *
     * @param curved   whether the running and presence models read the {@link Curvature} bends as well
     * @param medianPenalty how many times the penalty weighs on the median inputs of the running and presence models
     * @param blend    the running model's share of the running intensity (the rest: the still model)
     * @param trees    rounds of {@link BoostedTrees} added to the running intensity (0: none); {@code innerR} and the
     *                 presence choice are with them
     * @param presence "intensity" (the intensity at a threshold) or "score" (a separate presence regression)
     */
    public record Choice(int au, double penalty, boolean curved, double medianPenalty, double blend, double cutoff, int trees,
                         double innerR, String presence, double presencePenalty, double threshold, double innerF1,
                         double stillPenalty, double stillThreshold, double innerStillR) {
        /** The same linear models with {@code rounds} of trees, the inner r they reached and the presence it gives. */
        Choice withTrees(int rounds, double r, String presence, double threshold, double f1) {
            return new Choice(au, penalty, curved, medianPenalty, blend, cutoff, rounds, r, presence, presencePenalty, threshold,
                    f1, stillPenalty, stillThreshold, innerStillR);
        }
    }

    /** A fitted model, what was chosen for it, and in how many inner folds. */
    public record Fit(AuModel model, List<Choice> choices, int innerFolds) {
    }

    private AuCalibration() {
    }

    /** Fits a model on {@code clips} (at least {@value #MIN_PEOPLE} people), choosing its settings inside. */
    public static Fit fit(List<TrainingClip> clips, Map<String, Object> note, Consumer<String> log) {
        AuModel.Descriptor descriptor = reduction(clips);
        List<ReducedClip> reduced = ReducedClip.of(clips, descriptor);
        List<String> people = clips.stream().map(TrainingClip::person).toList();
        int inner = Math.max(MIN_PEOPLE, Math.min(INNER_FOLDS, (int) people.stream().distinct().count()));
        int[] folds = PersonFolds.assign(people, clips.stream().mapToInt(TrainingClip::frames).toArray(), inner);
        Predictions oof = new Predictions(reduced);
        List<Training> trainings = new ArrayList<>();
        for (int f = 0; f < inner; f++) {
            int fold = f;
            Training t = new Training(reduced, c -> folds[c] != fold);
            oof.predict(c -> folds[c] == fold, t);
            trainings.add(t);
            log.accept(String.format(Locale.ROOT, "  inner fold %d/%d: %d frames", f + 1, inner, t.rows()));
        }
        List<Choice> linear = new ArrayList<>();
        for (int a = 0; a < R; a++) linear.add(oof.choose(a));
        // the trees learn what each chosen linear model leaves, so they are fitted and scored once those are chosen
        for (int f = 0; f < inner; f++) {
            int fold = f;
            oof.predictTrees(c -> folds[c] == fold, trainings.get(f), linear);
            log.accept(String.format(Locale.ROOT, "  inner fold %d/%d: boosted trees", f + 1, inner));
        }
        trainings.clear();
        List<Choice> choices = new ArrayList<>();
        for (int a = 0; a < R; a++) choices.add(oof.chooseTrees(linear.get(a), a));
        Training all = new Training(reduced, c -> true);
        AuModel.Trees[] residual = all.trees(choices);
        List<AuModel.Entry> entries = new ArrayList<>();
        for (int a = 0; a < R; a++) {
            Choice ch = choices.get(a);
            AuModel.Linear presence = ch.presence().equals("score") ? all.presence(ch) : null;
            int au = ch.au();
            List<String> sides = ActionUnit.of(au).unilateral() ? SIDES.getOrDefault(au, List.of()) : List.of();
            entries.add(AuModel.Entry.ofFitted(au, all.running(ch, a), residual[a], ch.cutoff(), all.still(ch, a), presence,
                    ch.threshold(), ch.stillThreshold(), sides, sideWeights(reduced, a, sides)));
        }
        entries.addAll(PriorRules.entries());
        entries.sort((x, y) -> Integer.compare(x.au(), y.au()));
        return new Fit(new AuModel(note, descriptor, populationNeutral(reduced), entries), choices, inner);
    }

    /** The outer loop: per fold, a model fitted without its people, and those people coded by it. */
    public record CrossValidation(List<TrainingClip> clips, int[] folds, List<Fit> fits,
                                  Map<BaselineMode, List<List<AuFrame>>> coded) {
    }

    /** {@link #fit} inside each of {@code k} folds grouped by person; the held-out people coded in every mode. */
    public static CrossValidation crossValidate(List<TrainingClip> clips, int k, Consumer<String> log) {
        int[] folds = PersonFolds.assign(clips.stream().map(TrainingClip::person).toList(),
                clips.stream().mapToInt(TrainingClip::frames).toArray(), k);
        Map<BaselineMode, List<List<AuFrame>>> coded = new EnumMap<>(BaselineMode.class);
        for (BaselineMode mode : List.of(BaselineMode.OFFLINE, BaselineMode.RUNNING, BaselineMode.STILL))
            coded.put(mode, new ArrayList<>(java.util.Collections.nCopies(clips.size(), null)));
        List<Fit> fits = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int fold = f;
            List<TrainingClip> training = new ArrayList<>();
            for (int c = 0; c < clips.size(); c++) if (folds[c] != fold) training.add(clips.get(c));
            log.accept(String.format(Locale.ROOT, "outer fold %d/%d: fitting on %d clips", f + 1, k, training.size()));
            Fit fit = fit(training, Map.of(), log);
            fits.add(fit);
            AuPredictor predictor = new AuPredictor(fit.model());
            for (int c = 0; c < clips.size(); c++) {
                if (folds[c] != fold) continue;
                AuCoder.Series series = new ReducedClip(clips.get(c), fit.model().descriptor()).series();
                for (BaselineMode mode : coded.keySet()) {
                    List<AuFrame> frames;
                    try {
                        frames = AuCoder.codeVideo(series, predictor, mode, 0, 0, mode == BaselineMode.OFFLINE);
                    } catch (IllegalArgumentException noBaseline) {
                        // a clip (or its first --max-frames) without one whole face: nothing of it to compare
                        log.accept(String.format(Locale.ROOT, "  %s, %s baseline: %s; left out of the agreement",
                                clips.get(c).name(), mode.label(), noBaseline.getMessage()));
                        frames = java.util.Collections.nCopies(series.descriptors().size(), null);
                    }
                    coded.get(mode).set(c, frames);
                }
            }
        }
        return new CrossValidation(List.copyOf(clips), folds, fits, coded);
    }

    /** The descriptor's reductions, learned on every {@value #PCA_FRAME_STEP}rd measurable frame. */
    static AuModel.Descriptor reduction(List<TrainingClip> clips) {
        List<float[]> rows = new ArrayList<>();
        for (TrainingClip clip : clips)
            for (int i = 0; i < clip.frames(); i += PCA_FRAME_STEP)
                if (clip.measurable(i)) rows.add(clip.features()[i]);
        float[] mean = new float[FacialMeasures.COUNT], scale = new float[FacialMeasures.COUNT];
        for (int m = 0; m < mean.length; m++) {
            double sum = 0, squares = 0;
            for (float[] r : rows) {
                sum += r[FaceFeatures.MEASURES + m];
                squares += (double) r[FaceFeatures.MEASURES + m] * r[FaceFeatures.MEASURES + m];
            }
            mean[m] = (float) (sum / rows.size());
            scale[m] = (float) Math.sqrt(Math.max(1e-12, squares / rows.size() - (sum / rows.size()) * (sum / rows.size())));
        }
        // A handful of frames (a quick trial) has fewer components than asked for.
        int most = rows.size() - 1;
        Projection shape = PrincipalComponents.fit(rows, FaceFeatures.SHAPE, FaceFeatures.SHAPE_VALUES, Math.min(most, SHAPE_COMPONENTS));
        Projection hog = PrincipalComponents.fit(rows, FaceFeatures.HOG, FaceFeatures.THUMBNAIL - FaceFeatures.HOG,
                Math.min(most, APPEARANCE_COMPONENTS));
        Projection thumbnail = PrincipalComponents.fit(rows, FaceFeatures.THUMBNAIL, FaceFeatures.LENGTH - FaceFeatures.THUMBNAIL,
                Math.min(most, THUMBNAIL_COMPONENTS));
        return new AuModel.Descriptor(mean, scale, AuModel.Reduction.of(shape), AuModel.Reduction.of(hog),
                AuModel.Reduction.of(thumbnail));
    }

    /** A running model's penalty, whether it reads the {@link Curvature} bends, and the median inputs' penalty factor. */
    private record Inputs(double penalty, boolean curved, double medianPenalty) {
    }

    /**
     * The training rows of some clips: dynamic inputs with intensity and presence targets, still inputs, weights; the
     * ridge systems on them, each penalty's models solved once; the boosted trees on what chosen models leave.
     */
    private static final class Training {
        final Ridge dynamic, still;
        /** Rows, and the descriptor's length (the median inputs follow the deviations). */
        private final int rows, length;
        /** The dynamic inputs and reference intensities of the rows (the trees' training data), and their weights. */
        private final List<float[]> inputs, intensities;
        private final double[] weights;
        private final Map<Inputs, double[][]> solvedDynamic = new LinkedHashMap<>();
        private final Map<Double, double[][]> solvedStill = new LinkedHashMap<>();

        Training(List<ReducedClip> clips, IntPredicate include) {
            Map<String, Integer> perPerson = new LinkedHashMap<>();
            for (int c = 0; c < clips.size(); c++)
                if (include.test(c))
                    for (int i = 0; i < clips.get(c).frames(); i++)
                        if (clips.get(c).usable(i)) perPerson.merge(clips.get(c).clip.person(), 1, Integer::sum);
            List<float[]> xd = new ArrayList<>(), xs = new ArrayList<>(), yd = new ArrayList<>(), ys = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            length = clips.get(0).median.length;
            double[] sum = new double[length + Curvature.LENGTH], squares = new double[length + Curvature.LENGTH];
            for (int c = 0; c < clips.size(); c++) {
                if (!include.test(c)) continue;
                ReducedClip clip = clips.get(c);
                for (int i = 0; i < clip.frames(); i++) {
                    if (!clip.usable(i)) continue;
                    float[] d = clip.descriptors[i], x = clip.dynamicInput(i);
                    for (int j = 0; j < length + Curvature.LENGTH; j++) {
                        float v = j < length ? d[j] : x[length + j];
                        sum[j] += v;
                        squares[j] += (double) v * v;
                    }
                    xd.add(x);
                    xs.add(d);
                    float[] targets = Arrays.copyOf(clip.intensity[i], R + C);
                    System.arraycopy(clip.presence[i], 0, targets, R, C);
                    yd.add(targets);
                    ys.add(clip.intensity[i]);
                    w.add(Math.pow(perPerson.get(clip.clip.person()), -PERSON_WEIGHT_POWER));
                }
            }
            rows = xd.size();
            // the deviation and the median halves take the descriptor's spread, the bends their own
            double[] scale = new double[length], both = new double[2 * length + Curvature.LENGTH];
            for (int j = 0; j < length + Curvature.LENGTH; j++) {
                double spread = Math.sqrt(Math.max(1e-12, squares[j] / rows - (sum[j] / rows) * (sum[j] / rows)));
                if (j < length) scale[j] = both[j] = both[length + j] = spread;
                else both[length + j] = spread;
            }
            weights = w.stream().mapToDouble(Double::doubleValue).toArray();
            inputs = xd;
            intensities = ys;
            dynamic = new Ridge(xd, yd, weights, both);
            still = new Ridge(xs, ys, weights, scale);
        }

        int rows() {
            return rows;
        }

        /** The running and presence models: on {@code [d - n, n]}, or on that and the bends. */
        double[][] solve(Inputs inputs) {
            return dynamic.solve(inputs.penalty(), dynamic.inputs() - (inputs.curved() ? 0 : Curvature.LENGTH), length,
                    2 * length, inputs.medianPenalty());
        }

        /** Intensity {@code a}'s running model as chosen: the dynamic model blended with the still one. */
        AuModel.Linear running(Choice ch, int a) {
            double[][] d = solvedDynamic.computeIfAbsent(new Inputs(ch.penalty(), ch.curved(), ch.medianPenalty()), this::solve);
            return blend(d[a], solvedStill.computeIfAbsent(ch.stillPenalty(), still::solve)[a], ch.blend());
        }

        AuModel.Linear still(Choice ch, int a) {
            return linear(solvedStill.computeIfAbsent(ch.stillPenalty(), still::solve)[a]);
        }

        /** The separate presence model of a choice whose presence is a score. */
        AuModel.Linear presence(Choice ch) {
            return linear(solvedDynamic.computeIfAbsent(new Inputs(ch.presencePenalty(), ch.curved(), ch.medianPenalty()),
                    this::solve)[R + presenceIndex(ch.au())]);
        }

        /**
         * Per intensity, trees fitted to what its chosen running model leaves of the reference: with {@code trial},
         * every AU's, {@link BoostedTrees#ROUNDS}'s most of them (the inner folds score their first rounds); else as
         * many as each choice keeps, null where it keeps none.
         */
        RegressionTrees[] boost(List<Choice> choices, boolean trial) {
            RegressionTrees[] out = new RegressionTrees[R];
            if (!trial && choices.stream().allMatch(ch -> ch.trees() == 0)) return out;
            try (BoostedTrees boosted = new BoostedTrees(inputs, weights)) {
                for (int a = 0; a < R; a++) {
                    Choice ch = choices.get(a);
                    if (!trial && ch.trees() == 0) continue;
                    AuModel.Linear model = running(ch, a);
                    float[] residual = new float[rows];
                    for (int i = 0; i < rows; i++) residual[i] = intensities.get(i)[a] - model.apply(inputs.get(i));
                    RegressionTrees trees = boosted.fit(residual);
                    out[a] = trial ? trees : trees.first(ch.trees());
                }
            }
            return out;
        }

        /** The trees each choice keeps, as stored (null: none). */
        AuModel.Trees[] trees(List<Choice> choices) {
            RegressionTrees[] fitted = boost(choices, false);
            AuModel.Trees[] out = new AuModel.Trees[R];
            for (int a = 0; a < R; a++) if (fitted[a] != null) out[a] = AuModel.Trees.of(fitted[a]);
            return out;
        }
    }

    /** Out-of-fold raw predictions of the inner loop, for every penalty; and the choices made on them. */
    private static final class Predictions {
        private final List<ReducedClip> clips;
        /**
         * [curved][median penalty][penalty][clip][frame][target]: dynamic targets (R intensities, C presences)
         * without and with the bends; [penalty][clip][frame][target]: still intensities.
         */
        private final float[][][][][][] dynamic;
        private final float[][][][] still;
        /** [rounds][intensity][clip][frame]: the chosen running model plus that many rounds of trees. */
        private final float[][][][] boosted;

        Predictions(List<ReducedClip> clips) {
            this.clips = clips;
            dynamic = new float[2][MEDIAN_PENALTIES.length][PENALTIES.length][clips.size()][][];
            still = new float[PENALTIES.length][clips.size()][][];
            boosted = new float[BoostedTrees.ROUNDS.length][R][clips.size()][];
        }

        /** Predicts the clips {@code held} with each chosen running model (fitted on {@code t}) plus its trees. */
        void predictTrees(IntPredicate held, Training t, List<Choice> linear) {
            RegressionTrees[] trees = t.boost(linear, true);
            AuModel.Linear[] running = new AuModel.Linear[R];
            for (int a = 0; a < R; a++) running[a] = t.running(linear.get(a), a);
            RegressionTrees[][] rounds = new RegressionTrees[BoostedTrees.ROUNDS.length][R];
            for (int k = 0; k < rounds.length; k++)
                for (int a = 0; a < R; a++) rounds[k][a] = trees[a].first(BoostedTrees.ROUNDS[k]);
            for (int c = 0; c < clips.size(); c++) {
                if (!held.test(c)) continue;
                ReducedClip clip = clips.get(c);
                for (float[][][] byRounds : boosted)
                    for (float[][] byAu : byRounds) {
                        byAu[c] = new float[clip.frames()];
                        Arrays.fill(byAu[c], Float.NaN);
                    }
                for (int i = 0; i < clip.frames(); i++) {
                    if (clip.descriptors[i] == null) continue;
                    float[] x = clip.dynamicInput(i);
                    for (int a = 0; a < R; a++) {
                        float base = running[a].apply(x);
                        for (int k = 0; k < rounds.length; k++) boosted[k][a][c][i] = base + rounds[k][a].apply(x);
                    }
                }
            }
        }

        /**
         * Whether trees beat {@code linear}'s pooled r on the same post-processing, and with how many rounds (none wins
         * ties); the presence threshold on the intensity is chosen again where it is kept or now does better.
         */
        Choice chooseTrees(Choice linear, int a) {
            double bestR = linear.innerR();
            int rounds = 0;
            float[][] values = null;
            for (int k = 0; k < boosted.length; k++) {
                float[][] v = post(boosted[k][a], linear.cutoff(), true);
                double r = pearson(v, a);
                if (r > bestR + 1e-9) {
                    bestR = r;
                    rounds = BoostedTrees.ROUNDS[k];
                    values = v;
                }
            }
            if (rounds == 0) return linear;
            double[] byIntensity = bestF1(values, presenceIndex(linear.au()), 0.05, 3.0, 0.05);
            boolean intensity = linear.presence().equals("intensity") || byIntensity[0] > linear.innerF1() + 1e-9;
            return intensity ? linear.withTrees(rounds, bestR, "intensity", byIntensity[1], byIntensity[0])
                    : linear.withTrees(rounds, bestR, linear.presence(), linear.threshold(), linear.innerF1());
        }

        /**
         * Predicts the clips {@code held} (out of {@code t}) with every penalty, without and with the bends, with
         * every median penalty factor.
         */
        void predict(IntPredicate held, Training t) {
            for (int p = 0; p < PENALTIES.length; p++) {
                double[][][][] models = new double[2][MEDIAN_PENALTIES.length][][];
                for (int k = 0; k < 2; k++)
                    for (int m = 0; m < MEDIAN_PENALTIES.length; m++)
                        models[k][m] = t.solve(new Inputs(PENALTIES[p], k == 1, MEDIAN_PENALTIES[m]));
                double[][] s = t.still.solve(PENALTIES[p]);
                for (int c = 0; c < clips.size(); c++) {
                    if (!held.test(c)) continue;
                    ReducedClip clip = clips.get(c);
                    for (float[][][][][] byCurve : dynamic)
                        for (float[][][][] byMedian : byCurve) byMedian[p][c] = new float[clip.frames()][];
                    still[p][c] = new float[clip.frames()][];
                    for (int i = 0; i < clip.frames(); i++) {
                        if (clip.descriptors[i] == null) continue;
                        float[] x = clip.dynamicInput(i);
                        for (int k = 0; k < 2; k++)
                            for (int m = 0; m < MEDIAN_PENALTIES.length; m++) dynamic[k][m][p][c][i] = apply(models[k][m], x);
                        still[p][c][i] = apply(s, clip.descriptors[i]);
                    }
                }
            }
        }

        Choice choose(int a) {
            int au = ReducedClip.INTENSITY_AUS[a];
            double stillR = Double.NEGATIVE_INFINITY, stillPenalty = 0;
            int sp = 0;
            for (int p = 0; p < PENALTIES.length; p++) {
                double r = pearson(clipped(target(still[p], a)), a);
                if (r > stillR + 1e-9) {
                    stillR = r;
                    stillPenalty = PENALTIES[p];
                    sp = p;
                }
            }
            double stillThreshold = bestF1(clipped(target(still[sp], a)), presenceIndex(au), 0.05, 3.0, 0.05)[1];
            float[][] stillValues = target(still[sp], a);
            double bestR = Double.NEGATIVE_INFINITY, penalty = 0, cutoff = 0, blend = 1;
            int curved = 0, median = 0;
            float[][] bestValues = null;
            // the bends and heavier median penalties must earn their place: the plainer model wins ties
            for (int k = 0; k < dynamic.length; k++)
                for (int m = 0; m < MEDIAN_PENALTIES.length; m++)
                    for (double alpha : BLENDS)
                        for (int p = 0; p < PENALTIES.length; p++) {
                            // the still model alone: no running inputs to choose
                            if (alpha == 0 && (p > 0 || k > 0 || m > 0)) continue;
                            float[][] raw = mix(target(dynamic[k][m][p], a), stillValues, alpha);
                            for (double q : CUTOFFS) {
                                float[][] values = post(raw, q, true);
                                double r = pearson(values, a);
                                if (r > bestR + 1e-9) {
                                    bestR = r;
                                    penalty = alpha == 0 ? stillPenalty : PENALTIES[p];
                                    curved = k;
                                    median = m;
                                    cutoff = q;
                                    blend = alpha;
                                    bestValues = values;
                                }
                            }
                        }
            int c = presenceIndex(au);
            double[] byIntensity = bestF1(bestValues, c, 0.05, 3.0, 0.05);
            String presence = "intensity";
            double threshold = byIntensity[1], f1 = byIntensity[0], presencePenalty = penalty;
            for (int p = 0; p < PENALTIES.length; p++) {
                double[] byScore = bestF1(post(target(dynamic[curved][median][p], R + c), 0, false), c, -0.3, 1.5, 0.02);
                if (byScore[0] > f1 + 1e-9) {
                    presence = "score";
                    f1 = byScore[0];
                    threshold = byScore[1];
                    presencePenalty = PENALTIES[p];
                }
            }
            return new Choice(au, penalty, curved == 1, MEDIAN_PENALTIES[median], blend, cutoff, 0, bestR, presence, presencePenalty, threshold, f1, stillPenalty,
                    stillThreshold, stillR);
        }

        /** One target of every clip's predictions: [clip][frame], NaN where no face, null for clips not predicted. */
        private float[][] target(float[][][] raw, int target) {
            float[][] out = new float[clips.size()][];
            for (int c = 0; c < clips.size(); c++) {
                if (raw[c] == null) continue;
                out[c] = new float[raw[c].length];
                for (int i = 0; i < out[c].length; i++) out[c][i] = raw[c][i] == null ? Float.NaN : raw[c][i][target];
            }
            return out;
        }

        private static float[][] mix(float[][] running, float[][] still, double alpha) {
            float[][] out = new float[running.length][];
            for (int c = 0; c < running.length; c++) {
                if (running[c] == null) continue;
                out[c] = new float[running[c].length];
                for (int i = 0; i < out[c].length; i++) out[c][i] = (float) (alpha * running[c][i] + (1 - alpha) * still[c][i]);
            }
            return out;
        }

        /**
         * As the offline coder post-processes: per clip, the cut-off percentile of the predictions of its whole
         * frames taken off (intensity only), clipped to [0, 5], then the 3-frame centred mean. NaN where no face.
         */
        private float[][] post(float[][] raw, double cutoff, boolean intensity) {
            float[][] out = new float[clips.size()][];
            for (int c = 0; c < clips.size(); c++) {
                float[] p = raw[c];
                if (p == null) continue;
                ReducedClip clip = clips.get(c);
                float offset = 0;
                if (intensity && cutoff > 0) {
                    float[] values = new float[p.length];
                    int n = 0;
                    for (int i = 0; i < p.length; i++)
                        if (!Float.isNaN(p[i]) && AuCoder.isWhole(clip.verdicts[i])) values[n++] = p[i];
                    if (n > 0) {
                        Arrays.sort(values, 0, n);
                        offset = values[Math.max(1, (int) Math.ceil(cutoff * n)) - 1];
                    }
                }
                out[c] = new float[p.length];
                for (int i = 0; i < p.length; i++) {
                    out[c][i] = Float.NaN;
                    if (Float.isNaN(p[i])) continue;
                    float sum = 0;
                    int k = 0;
                    for (int t = Math.max(0, i - 1); t <= Math.min(p.length - 1, i + 1); t++) {
                        if (Float.isNaN(p[t])) continue;
                        float v = p[t] - offset;
                        sum += intensity ? Math.max(0, Math.min(AuPredictor.MAX_INTENSITY, v)) : v;
                        k++;
                    }
                    out[c][i] = sum / k;
                }
            }
            return out;
        }

        private static float[][] clipped(float[][] raw) {
            float[][] out = new float[raw.length][];
            for (int c = 0; c < raw.length; c++) {
                if (raw[c] == null) continue;
                out[c] = new float[raw[c].length];
                for (int i = 0; i < raw[c].length; i++) out[c][i] = Math.max(0, Math.min(AuPredictor.MAX_INTENSITY, raw[c][i]));
            }
            return out;
        }

        /** Pooled Pearson r over the usable frames of the clips predicted, against reference intensity {@code a}. */
        private double pearson(float[][] values, int a) {
            double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
            for (int c = 0; c < clips.size(); c++) {
                if (values[c] == null) continue;
                ReducedClip clip = clips.get(c);
                for (int i = 0; i < clip.frames(); i++) {
                    if (!clip.usable(i) || Float.isNaN(values[c][i])) continue;
                    double x = values[c][i], y = clip.intensity[i][a];
                    n++;
                    sx += x;
                    sy += y;
                    sxx += x * x;
                    syy += y * y;
                    sxy += x * y;
                }
            }
            double vx = sxx - sx * sx / n, vy = syy - sy * sy / n;
            return vx <= 0 || vy <= 0 ? 0 : (sxy - sx * sy / n) / Math.sqrt(vx * vy);
        }

        /** The threshold on {@code values} with the best pooled F1 against reference presence {@code c}: {f1, threshold}. */
        private double[] bestF1(float[][] values, int c, double from, double to, double step) {
            int steps = (int) Math.round((to - from) / step) + 1;
            int[] tp = new int[steps], fp = new int[steps], fn = new int[steps];
            for (int k = 0; k < clips.size(); k++) {
                if (values[k] == null) continue;
                ReducedClip clip = clips.get(k);
                for (int i = 0; i < clip.frames(); i++) {
                    if (!clip.usable(i) || Float.isNaN(values[k][i])) continue;
                    boolean truth = clip.presence[i][c] >= 0.5;
                    for (int s = 0; s < steps; s++) {
                        boolean predicted = values[k][i] >= from + s * step;
                        if (predicted && truth) tp[s]++;
                        else if (predicted) fp[s]++;
                        else if (truth) fn[s]++;
                    }
                }
            }
            double best = -1, threshold = from;
            for (int s = 0; s < steps; s++) {
                int denominator = 2 * tp[s] + fp[s] + fn[s];
                double f1 = denominator == 0 ? 0 : 2.0 * tp[s] / denominator;
                if (f1 > best + 1e-9) {
                    best = f1;
                    threshold = Math.round((from + s * step) * 1000) / 1000.0;
                }
            }
            return new double[]{best, threshold};
        }
    }

    /** Coefficients (weights, then the intercept) on the leading inputs of {@code x}. */
    private static float[] apply(double[][] coefficients, float[] x) {
        float[] out = new float[coefficients.length];
        for (int t = 0; t < coefficients.length; t++) {
            double[] w = coefficients[t];
            int inputs = w.length - 1;
            double sum = w[inputs];
            for (int j = 0; j < inputs; j++) sum += w[j] * x[j];
            out[t] = (float) sum;
        }
        return out;
    }

    /**
     * The running model blended with the still model into one linear function of {@code [d - n, n]} (and the bends,
     * where the running model reads them): the still model's weights on d apply to both halves, since
     * d = (d - n) + n; the bends keep the running model's share of its weights.
     */
    private static AuModel.Linear blend(double[] running, double[] still, double alpha) {
        int length = still.length - 1, inputs = running.length - 1;
        double[] mixed = new double[running.length];
        for (int j = 0; j < inputs; j++) mixed[j] = alpha * running[j] + (j < 2 * length ? (1 - alpha) * still[j % length] : 0);
        mixed[inputs] = alpha * running[inputs] + (1 - alpha) * still[length];
        return linear(mixed);
    }

    private static AuModel.Linear linear(double[] coefficients) {
        float[] w = new float[coefficients.length - 1];
        for (int j = 0; j < w.length; j++) w[j] = (float) coefficients[j];
        return new AuModel.Linear(w, coefficients[w.length]);
    }

    static int presenceIndex(int au) {
        for (int c = 0; c < C; c++) if (ReducedClip.PRESENCE_AUS[c] == au) return c;
        throw new IllegalArgumentException("AU" + au + " has no presence reference");
    }

    /**
     * Weights of the sided measures for intensity {@code a}: ridge on each measure's deviation from the clip median,
     * averaged over both sides (standardised units), so that a one-sided change splits the intensity the same way.
     */
    private static float[] sideWeights(List<ReducedClip> clips, int a, List<String> sides) {
        if (sides.isEmpty()) return new float[0];
        List<float[]> x = new ArrayList<>(), y = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        Map<String, Integer> perPerson = new LinkedHashMap<>();
        for (ReducedClip clip : clips)
            for (int i = 0; i < clip.frames(); i++) if (clip.usable(i)) perPerson.merge(clip.clip.person(), 1, Integer::sum);
        double[] sum = new double[sides.size()], squares = new double[sides.size()];
        for (ReducedClip clip : clips)
            for (int i = 0; i < clip.frames(); i++) {
                if (!clip.usable(i)) continue;
                float[] row = new float[sides.size()];
                for (int m = 0; m < row.length; m++) {
                    int s = FacialMeasures.SIDED.indexOf(sides.get(m));
                    int right = FacialMeasures.right(s), left = FacialMeasures.left(s);
                    row[m] = ((clip.descriptors[i][right] - clip.median[right]) + (clip.descriptors[i][left] - clip.median[left])) / 2;
                    sum[m] += row[m];
                    squares[m] += (double) row[m] * row[m];
                }
                x.add(row);
                y.add(new float[]{clip.intensity[i][a]});
                w.add(Math.pow(perPerson.get(clip.clip.person()), -PERSON_WEIGHT_POWER));
            }
        double[] scale = new double[sides.size()];
        for (int m = 0; m < scale.length; m++)
            scale[m] = Math.sqrt(Math.max(1e-12, squares[m] / x.size() - (sum[m] / x.size()) * (sum[m] / x.size())));
        double[] coefficients = new Ridge(x, y, w.stream().mapToDouble(Double::doubleValue).toArray(), scale).solve(SIDE_PENALTY)[0];
        float[] out = new float[sides.size()];
        for (int m = 0; m < out.length; m++) out[m] = (float) coefficients[m];
        return out;
    }

    /**
     * The population neutral face of the prior AUs: per geometric measure, the mean over people of its median over
     * their calmest {@value #CALM_SHARE} of whole frames by summed reference intensity.
     */
    static Map<String, Double> populationNeutral(List<ReducedClip> clips) {
        Map<String, List<float[]>> frames = new LinkedHashMap<>();
        Map<String, List<Double>> calm = new LinkedHashMap<>();
        for (ReducedClip clip : clips)
            for (int i = 0; i < clip.frames(); i++) {
                if (!clip.usable(i) || !AuCoder.isWhole(clip.verdicts[i])) continue;
                double sum = 0;
                for (float v : clip.intensity[i]) sum += v;
                frames.computeIfAbsent(clip.clip.person(), p -> new ArrayList<>()).add(clip.clip.features()[i]);
                calm.computeIfAbsent(clip.clip.person(), p -> new ArrayList<>()).add(sum);
            }
        double[] total = new double[FacialMeasures.COUNT];
        for (String person : frames.keySet()) {
            List<float[]> f = frames.get(person);
            double[] sums = calm.get(person).stream().mapToDouble(Double::doubleValue).toArray();
            double limit = quantile(sums, CALM_SHARE);
            for (int m = 0; m < total.length; m++) {
                List<Double> values = new ArrayList<>();
                for (int i = 0; i < f.size(); i++) if (sums[i] <= limit) values.add((double) f.get(i)[FaceFeatures.MEASURES + m]);
                total[m] += quantile(values.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
            }
        }
        Map<String, Double> neutral = new LinkedHashMap<>();
        for (int m = 0; m < total.length; m++)
            if (!FacialMeasures.isTexture(m)) neutral.put(FacialMeasures.NAMES.get(m), Math.round(total[m] / frames.size() * 1e6) / 1e6);
        return neutral;
    }

    /** The q-quantile by rank. */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
