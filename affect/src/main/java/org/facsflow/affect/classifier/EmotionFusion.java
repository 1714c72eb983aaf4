package org.facsflow.affect.classifier;

import org.facsflow.affect.Emotion;
import org.facsflow.affect.EmotionScores;

import java.util.EnumMap;
import java.util.Map;

/**
 * Fuses the models' probabilities over the common labels: a weighted average, renormalised to sum to 1 over the
 * labels the models know (contempt stays 0).
 *
 * <p>{@link #STANDARD} weighs face-api's model 0.6 and the FER2013 model 0.4: face-api's is the steadier of the two
 * on video (shared/STACK.md), while FER2013's gray 64 px input loses detail but adds an independently trained view.
 * The weights are a prior, not fitted: no labelled expression data is available here to fit them on.
 */
public record EmotionFusion(Map<ExpressionModel, Float> weights) {
    public static final EmotionFusion STANDARD = new EmotionFusion(Map.of(ExpressionModel.FER, 0.4f,
            ExpressionModel.FACE_API, 0.6f));

    public EmotionFusion {
        weights = Map.copyOf(weights);
        for (Map.Entry<ExpressionModel, Float> w : weights.entrySet())
            if (!(w.getValue() >= 0)) throw new IllegalArgumentException("weight of " + w.getKey() + " is " + w.getValue());
    }

    /** The fused distribution of the models given; a model without a weight counts 0. */
    public EmotionScores fuse(Map<ExpressionModel, EmotionScores> probabilities) {
        float[] sum = new float[Emotion.values().length];
        for (Map.Entry<ExpressionModel, EmotionScores> m : probabilities.entrySet()) {
            float w = weights.getOrDefault(m.getKey(), 0f);
            for (Emotion e : Emotion.CLASSIFIED) sum[e.ordinal()] += w * m.getValue().get(e);
        }
        float total = 0;
        for (float v : sum) total += v;
        if (!(total > 0)) throw new IllegalArgumentException("no model with a positive weight among " + probabilities.keySet());
        for (int i = 0; i < sum.length; i++) sum[i] /= total;
        return new EmotionScores(sum);
    }

    /** Convenience for the two standard models. */
    public EmotionScores fuse(EmotionScores fer, EmotionScores faceApi) {
        Map<ExpressionModel, EmotionScores> m = new EnumMap<>(ExpressionModel.class);
        m.put(ExpressionModel.FER, fer);
        m.put(ExpressionModel.FACE_API, faceApi);
        return fuse(m);
    }
}
