package org.facsflow.affect.classifier;

import org.facsflow.affect.Emotion;

import java.util.List;

import static org.facsflow.affect.Emotion.ANGER;
import static org.facsflow.affect.Emotion.DISGUST;
import static org.facsflow.affect.Emotion.FEAR;
import static org.facsflow.affect.Emotion.HAPPINESS;
import static org.facsflow.affect.Emotion.NEUTRAL;
import static org.facsflow.affect.Emotion.SADNESS;
import static org.facsflow.affect.Emotion.SURPRISE;

/**
 * The two pre-trained 7-class expression models (shared/STACK.md section 1) and how each reads a face: input side,
 * colour, value range and the order of its softmax outputs in our labels.
 */
public enum ExpressionModel {
    /** {@code @vladmandic/human}'s FER2013 model: 64 x 64 gray (0.2989 R + 0.587 G + 0.114 B) in [0,1], then (g - 0.5) * 2. */
    FER("emotion-fer", "fer", 64, true, 2f / 255, -1f,
            List.of(ANGER, DISGUST, FEAR, HAPPINESS, SADNESS, SURPRISE, NEUTRAL)),
    /** face-api's FaceExpressionNet: 112 x 112 RGB 0-255; the converted graph does its own normalisation. */
    FACE_API("emotion-faceapi", "faceapi", 112, false, 1f, 0f,
            List.of(NEUTRAL, HAPPINESS, SADNESS, ANGER, FEAR, DISGUST, SURPRISE));

    private final String asset;
    private final String columnName;
    private final int side;
    private final boolean gray;
    private final float scale, offset;
    private final List<Emotion> outputs;

    ExpressionModel(String asset, String columnName, int side, boolean gray, float scale, float offset,
                    List<Emotion> outputs) {
        this.asset = asset;
        this.columnName = columnName;
        this.side = side;
        this.gray = gray;
        this.scale = scale;
        this.offset = offset;
        this.outputs = outputs;
    }

    /** Its name in the model catalogue. */
    public String asset() {
        return asset;
    }

    /** Short name used in CSV columns, e.g. "fer" in emo_fer_happiness. */
    public String columnName() {
        return columnName;
    }

    int side() {
        return side;
    }

    boolean gray() {
        return gray;
    }

    /** Pixel value v (0-255) goes in as v * scale + offset. */
    float scale() {
        return scale;
    }

    float offset() {
        return offset;
    }

    /** Our label of each softmax output, in output order. */
    List<Emotion> outputs() {
        return outputs;
    }
}
