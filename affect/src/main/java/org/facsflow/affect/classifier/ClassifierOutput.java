package org.facsflow.affect.classifier;

import org.facsflow.affect.EmotionScores;

/** Both models' probabilities for one face in one frame and their fusion (this frame only, before smoothing). */
public record ClassifierOutput(EmotionScores fer, EmotionScores faceApi, EmotionScores fused) {
}
