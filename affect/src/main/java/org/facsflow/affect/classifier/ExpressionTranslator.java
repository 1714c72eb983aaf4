package org.facsflow.affect.classifier;

import org.facsflow.affect.Emotion;
import org.facsflow.affect.EmotionScores;
import org.facsflow.face.image.Roi;
import org.facsflow.face.image.RoiSampler;
import org.facsflow.face.inference.Translator;
import org.facsflow.media.RgbImage;

import java.nio.FloatBuffer;
import java.util.List;

/** Pre/post-processing of one {@link ExpressionModel}: the face crop in, its softmax out in our label order. */
final class ExpressionTranslator implements Translator<ExpressionTranslator.Request, EmotionScores> {
    record Request(RgbImage image, Roi roi) {
    }

    private final ExpressionModel model;

    ExpressionTranslator(ExpressionModel model) {
        this.model = model;
    }

    @Override
    public void encode(Request in, FloatBuffer tensor) {
        if (model.gray()) RoiSampler.sampleGray(in.image(), in.roi(), model.side(), model.scale(), model.offset(), tensor);
        else RoiSampler.sampleRgb(in.image(), in.roi(), model.side(), model.scale(), model.offset(), tensor);
    }

    @Override
    public EmotionScores decode(float[][] outputs, Request in) {
        List<Emotion> labels = model.outputs();
        float[] raw = outputs[0];
        if (raw.length != labels.size())
            throw new IllegalStateException(model.asset() + " gave " + raw.length + " outputs, expected " + labels.size());
        // Contempt and any label the model lacks stay 0: it cannot see them.
        float[] p = new float[Emotion.values().length];
        for (int i = 0; i < raw.length; i++) p[labels.get(i).ordinal()] = raw[i];
        return new EmotionScores(p);
    }
}
