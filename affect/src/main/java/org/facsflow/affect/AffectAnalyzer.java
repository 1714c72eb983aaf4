package org.facsflow.affect;

import org.facsflow.affect.circumplex.CircumplexModel;
import org.facsflow.affect.circumplex.ValenceArousal;
import org.facsflow.affect.classifier.ClassifierOutput;
import org.facsflow.affect.classifier.EmotionClassifiers;
import org.facsflow.affect.classifier.EmotionSmoother;
import org.facsflow.affect.rules.EmfacsRules;
import org.facsflow.affect.rules.RuleScores;
import org.facsflow.face.FaceObservation;
import org.facsflow.media.RgbImage;
import org.facsflow.models.AssetStore;

import java.util.Map;

/**
 * The affect layer for one face in one frame: both expression models on the aligned face, their fusion smoothed per
 * face over time, the EMFACS rules on the AU intensities, and valence/arousal. Keeps per-face smoothing state and one
 * session per model: not thread-safe, one per thread (and per video or still-image batch).
 */
public final class AffectAnalyzer implements AutoCloseable {
    private final EmotionClassifiers classifiers;
    private final EmfacsRules rules;
    private final EmotionSmoother smoother;
    private final CircumplexModel circumplex;

    public AffectAnalyzer(EmotionClassifiers classifiers, EmfacsRules rules, EmotionSmoother smoother,
                          CircumplexModel circumplex) {
        this.classifiers = classifiers;
        this.rules = rules;
        this.smoother = smoother;
        this.circumplex = circumplex;
    }

    /** Standard rules, smoothing and circumplex; models from the prepared cache. */
    public static AffectAnalyzer create(AssetStore store) {
        return create(store, EmfacsRules.standard());
    }

    /** As {@link #create(AssetStore)} with the user's rule table ({@link EmfacsRules#load}). */
    public static AffectAnalyzer create(AssetStore store, EmfacsRules rules) {
        return new AffectAnalyzer(EmotionClassifiers.create(store), rules, new EmotionSmoother(),
                CircumplexModel.standard());
    }

    /**
     * @param timestamp seconds from the start of the video (any constant for still images: a timestamp not after the
     *                  face's previous one starts its smoothing afresh)
     * @param aus       the AU coder's intensities for this face, or null when not coded
     */
    public AffectFrame analyze(RgbImage image, FaceObservation face, double timestamp, AuIntensities aus) {
        ClassifierOutput probabilities = classifiers.classify(image, face);
        EmotionScores smoothed = smoother.smooth(face.faceId(), timestamp, probabilities.fused());
        RuleScores ruleScores = aus == null ? new RuleScores(EmotionScores.unmeasured(), Map.of()) : rules.score(aus);
        ValenceArousal va = circumplex.estimate(smoothed, aus);
        return new AffectFrame(face.faceId(), timestamp, probabilities, smoothed, ruleScores, va,
                Agreement.of(ruleScores.scores(), smoothed));
    }

    /** Forgets a face that has left the video, so a new face given its id starts unsmoothed. */
    public void forget(int faceId) {
        smoother.forget(faceId);
    }

    @Override
    public void close() {
        classifiers.close();
    }
}
