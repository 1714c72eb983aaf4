package org.facsflow.affect;

import org.facsflow.affect.circumplex.ValenceArousal;
import org.facsflow.affect.classifier.ClassifierOutput;
import org.facsflow.affect.rules.RuleScores;

/**
 * The affect layer's reading of one face in one frame.
 *
 * @param classifiers each model's probabilities and their fusion, this frame only
 * @param emotions    the fused probabilities smoothed over time (the per-face emotion to report)
 * @param rules       EMFACS rule scores (NaN without AU intensities)
 * @param circumplex  valence and arousal from {@code emotions} and the AUs
 * @param agreement   whether {@code rules} and {@code emotions} name the same emotion
 */
public record AffectFrame(int faceId, double timestamp, ClassifierOutput classifiers, EmotionScores emotions,
                          RuleScores rules, ValenceArousal circumplex, Agreement agreement) {
}
