package org.facsflow.affect.classifier;

import org.facsflow.face.FaceObservation;
import org.facsflow.media.RgbImage;
import org.facsflow.models.AssetStore;

/** Both expression models and their fusion. Holds one session per model: not thread-safe, one per thread. */
public final class EmotionClassifiers implements AutoCloseable {
    private final ExpressionClassifier fer;
    private final ExpressionClassifier faceApi;
    private final EmotionFusion fusion;

    public EmotionClassifiers(ExpressionClassifier fer, ExpressionClassifier faceApi, EmotionFusion fusion) {
        if (fer.model() != ExpressionModel.FER || faceApi.model() != ExpressionModel.FACE_API)
            throw new IllegalArgumentException("expected the FER and face-api models, got " + fer.model() + ", " + faceApi.model());
        this.fer = fer;
        this.faceApi = faceApi;
        this.fusion = fusion;
    }

    /** Loads both models from the prepared cache (an AssetUnavailableException says what to run). */
    public static EmotionClassifiers create(AssetStore store) {
        ExpressionClassifier fer = new ExpressionClassifier(ExpressionModel.FER, store.require(ExpressionModel.FER.asset()));
        try {
            return new EmotionClassifiers(fer, new ExpressionClassifier(ExpressionModel.FACE_API,
                    store.require(ExpressionModel.FACE_API.asset())), EmotionFusion.STANDARD);
        } catch (RuntimeException e) {
            fer.close();
            throw e;
        }
    }

    /** Runs both models. */
    public ClassifierOutput classify(RgbImage image, FaceObservation face) {
        var a = fer.classify(image, face);
        var b = faceApi.classify(image, face);
        return new ClassifierOutput(a, b, fusion.fuse(a, b));
    }

    /** Runs one model and fuses its output with the other model's output in {@code last}. */
    public ClassifierOutput update(RgbImage image, FaceObservation face, ClassifierOutput last, ExpressionModel model) {
        var a = model == ExpressionModel.FER ? fer.classify(image, face) : last.fer();
        var b = model == ExpressionModel.FACE_API ? faceApi.classify(image, face) : last.faceApi();
        return new ClassifierOutput(a, b, fusion.fuse(a, b));
    }

    @Override
    public void close() {
        fer.close();
        faceApi.close();
    }
}
