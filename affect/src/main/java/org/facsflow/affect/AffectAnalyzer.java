package org.facsflow.affect;

import org.facsflow.affect.circumplex.CircumplexModel;
import org.facsflow.affect.circumplex.ValenceArousal;
import org.facsflow.affect.classifier.ClassifierOutput;
import org.facsflow.affect.classifier.EmotionClassifiers;
import org.facsflow.affect.classifier.EmotionSmoother;
import org.facsflow.affect.classifier.ExpressionModel;
import org.facsflow.affect.rules.EmfacsRules;
import org.facsflow.affect.rules.RuleScores;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.ModelSchedule;
import org.facsflow.media.RgbImage;
import org.facsflow.models.AssetStore;

import java.util.HashMap;
import java.util.Map;

/**
 * The affect layer for one face in one frame: both expression models on the aligned face, their fusion smoothed per
 * face over time, the EMFACS rules on the AU intensities, and valence/arousal. Keeps per-face smoothing state and one
 * session per model: not thread-safe, one per thread (and per video or still-image batch).
 *
 * <p>The expression models are sampled once per {@code classifierIntervalSeconds} for each face, and they take turns:
 * each sample runs one model and fuses its output with the other's from the sample before, so the fusion is renewed
 * every interval at half the cost. A face's first sample, one after a gap of more than two intervals, and one whose
 * timestamp is not after the last (a new still image) run both. Frames between samples reuse the last output. The
 * rules and valence/arousal, which read the AUs, follow every frame.
 */
public final class AffectAnalyzer implements AutoCloseable {
    /**
     * Seconds. The fused probabilities are smoothed with a 0.3 s time constant, so sampling 10 times a second, each
     * model every other time, changes the smoothed values little (DEVELOPERS.md, "Speed work", has the measurement)
     * and costs a sixth of running both models on every frame of 30 fps video.
     */
    public static final double CLASSIFIER_INTERVAL_S = 0.1;

    /** A face's last sample, and the model whose turn is next. */
    private record Classified(double time, ClassifierOutput output, ExpressionModel next) {
    }

    private final EmotionClassifiers classifiers;
    private final EmfacsRules rules;
    private final EmotionSmoother smoother;
    private final CircumplexModel circumplex;
    private final double classifierInterval;
    private final Map<Integer, Classified> lastClassified = new HashMap<>();

    /** @param classifierIntervalSeconds 0 runs the expression models on every frame */
    public AffectAnalyzer(EmotionClassifiers classifiers, EmfacsRules rules, EmotionSmoother smoother,
                          CircumplexModel circumplex, double classifierIntervalSeconds) {
        if (!(classifierIntervalSeconds >= 0)) throw new IllegalArgumentException("classifier interval " + classifierIntervalSeconds);
        this.classifiers = classifiers;
        this.rules = rules;
        this.smoother = smoother;
        this.circumplex = circumplex;
        this.classifierInterval = classifierIntervalSeconds;
    }

    /** Standard rules, smoothing and circumplex; models from the prepared cache. */
    public static AffectAnalyzer create(AssetStore store, double classifierIntervalSeconds) {
        return create(store, EmfacsRules.standard(), classifierIntervalSeconds);
    }

    /** As {@link #create(AssetStore, double)} with the user's rule table ({@link EmfacsRules#load}). */
    public static AffectAnalyzer create(AssetStore store, EmfacsRules rules, double classifierIntervalSeconds) {
        return new AffectAnalyzer(EmotionClassifiers.create(store), rules, new EmotionSmoother(),
                CircumplexModel.standard(), classifierIntervalSeconds);
    }

    /**
     * @param timestamp seconds from the start of the video (any constant for still images: a timestamp not after the
     *                  face's previous one starts its smoothing afresh)
     * @param aus       the AU coder's intensities for this face, or null when not coded
     */
    public AffectFrame analyze(RgbImage image, FaceObservation face, double timestamp, AuIntensities aus) {
        ClassifierOutput probabilities = classify(image, face, timestamp);
        EmotionScores smoothed = smoother.smooth(face.faceId(), timestamp, probabilities.fused());
        RuleScores ruleScores = aus == null ? new RuleScores(EmotionScores.unmeasured(), Map.of()) : rules.score(aus);
        ValenceArousal va = circumplex.estimate(smoothed, aus);
        return new AffectFrame(face.faceId(), timestamp, probabilities, smoothed, ruleScores, va,
                Agreement.of(ruleScores.scores(), smoothed));
    }

    /** This frame's model outputs, or the face's last ones when they are recent enough (see the class comment). */
    private ClassifierOutput classify(RgbImage image, FaceObservation face, double timestamp) {
        Classified last = lastClassified.get(face.faceId());
        if (last != null && !ModelSchedule.due(last.time(), timestamp, classifierInterval)) return last.output();
        // With an interval of 0 no gap is short enough, so every frame runs both.
        boolean takingTurns = last != null && timestamp > last.time() && timestamp - last.time() <= 2 * classifierInterval;
        Classified sample = takingTurns
                ? new Classified(timestamp, classifiers.update(image, face, last.output(), last.next()), other(last.next()))
                : new Classified(timestamp, classifiers.classify(image, face), ExpressionModel.FER);
        lastClassified.put(face.faceId(), sample);
        return sample.output();
    }

    private static ExpressionModel other(ExpressionModel model) {
        return model == ExpressionModel.FER ? ExpressionModel.FACE_API : ExpressionModel.FER;
    }

    /** Forgets a face that has left the video, so a new face given its id starts unsmoothed. */
    public void forget(int faceId) {
        smoother.forget(faceId);
        lastClassified.remove(faceId);
    }

    /** Forgets every face: the next input (another video, a new stream) starts with no smoothing state. */
    public void forgetAll() {
        smoother.forgetAll();
        lastClassified.clear();
    }

    @Override
    public void close() {
        classifiers.close();
    }
}
