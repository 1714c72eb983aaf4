package org.facsflow.modelprep.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.facsflow.modelprep.onnx.OrtModel;
import org.facsflow.modelprep.onnx.Tensor;
import org.facsflow.modelprep.tfjs.Conformance;
import org.facsflow.modelprep.tfjs.TestAssets;
import org.facsflow.modelprep.tfjs.TfjsToOnnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** face-api's landmark and expression nets rebuilt from their weights, checked on sample1.jpg's faces. */
class FaceApiNetsTest {
    /** Square face boxes (x, y, side) in sample1.jpg: left woman, laughing woman on the right. */
    private static final int[] LEFT_FACE = {395, 360, 250};
    private static final int[] LAUGHING_FACE = {1460, 220, 240};

    private static float[] crop(BufferedImage image, int[] box) {
        return TestAssets.crop(image, box[0], box[1], box[2], FaceApiNets.INPUT_SIZE);
    }

    @Test
    void landmarksConvertDeterministicallyAndMatchTheReference() throws Exception {
        Path manifest = TestAssets.faceApiManifest("face_landmark_68_model");
        assertThat(FaceApiNets.landmarks68(manifest)).isEqualTo(FaceApiNets.landmarks68(manifest));
        float[] face = crop(TestAssets.sample1(), LEFT_FACE);
        Map<String, Tensor> out = Conformance.check(FaceApiNets.landmarks68Graph(manifest),
            Map.of(FaceApiNets.INPUT, new Tensor(new long[] {1, 112, 112, 3}, face)), 1e-5);
        assertThat(out.get(FaceApiNets.LANDMARKS).shape()).containsExactly(1, 136);
    }

    @Test
    void landmarksLieOnTheFace() throws Exception {
        float[] landmarks;
        Path manifest = TestAssets.faceApiManifest("face_landmark_68_model");
        try (OrtModel model = new OrtModel(FaceApiNets.landmarks68(manifest))) {
            assertThat(model.inputNames()).containsExactly(FaceApiNets.INPUT);
            assertThat(model.inputShape(FaceApiNets.INPUT)).containsExactly(1, 112, 112, 3);
            landmarks = model.run(Map.of(FaceApiNets.INPUT, crop(TestAssets.sample1(), LEFT_FACE)))
                .get(FaceApiNets.LANDMARKS).data();
        }
        for (float v : landmarks) {
            assertThat(v).isBetween(0f, 1f);
        }
        // iBUG numbering: 36-41 right eye, 42-47 left eye, 30 nose tip, 48-67 mouth, 8 chin (image left = right eye).
        float[] rightEye = mean(landmarks, 36, 41);
        float[] leftEye = mean(landmarks, 42, 47);
        float[] mouth = mean(landmarks, 48, 67);
        float[] nose = mean(landmarks, 30, 30);
        assertThat(rightEye[0]).isLessThan(leftEye[0]);
        assertThat(Math.max(rightEye[1], leftEye[1])).isLessThan(nose[1]);
        assertThat(nose[1]).isLessThan(mouth[1]);
        assertThat(mouth[1]).isLessThan(mean(landmarks, 8, 8)[1]);
        // Where the eyes and mouth are in this crop, read off the image by eye.
        assertThat(rightEye[0]).isCloseTo(0.18f, within(0.04f));
        assertThat(rightEye[1]).isCloseTo(0.36f, within(0.04f));
        assertThat(leftEye[0]).isCloseTo(0.50f, within(0.04f));
        assertThat(mouth[1]).isCloseTo(0.74f, within(0.05f));
    }

    private static float[] mean(float[] landmarks, int first, int last) {
        float x = 0;
        float y = 0;
        for (int i = first; i <= last; i++) {
            x += landmarks[2 * i];
            y += landmarks[2 * i + 1];
        }
        int n = last - first + 1;
        return new float[] {x / n, y / n};
    }

    @Test
    void expressionSeesTheLaughAndSumsToOne() throws Exception {
        Path manifest = TestAssets.faceApiManifest("face_expression_model");
        byte[] onnx = FaceApiNets.expression(manifest);
        assertThat(FaceApiNets.expression(manifest)).isEqualTo(onnx);
        BufferedImage image = TestAssets.sample1();
        try (OrtModel model = new OrtModel(onnx)) {
            for (int[] box : new int[][] {LEFT_FACE, LAUGHING_FACE}) {
                float[] p = model.run(Map.of(FaceApiNets.INPUT, crop(image, box))).get(FaceApiNets.EXPRESSIONS).data();
                assertThat(p).hasSize(FaceApiNets.EXPRESSION_LABELS.size());
                double sum = 0;
                for (float v : p) {
                    sum += v;
                }
                assertThat(sum).isCloseTo(1, within(1e-5));
                if (box == LAUGHING_FACE) {
                    float happy = p[FaceApiNets.EXPRESSION_LABELS.indexOf("happy")];
                    assertThat(happy).as(Arrays.toString(p)).isGreaterThan(0.9f);
                }
            }
        }
        Conformance.check(FaceApiNets.expressionGraph(manifest),
            Map.of(FaceApiNets.INPUT, new Tensor(new long[] {1, 112, 112, 3}, crop(image, LEFT_FACE))), 1e-5);
    }

    @Test
    void aManifestWithoutAnExpectedWeightIsRejectedByName(@TempDir Path dir) throws Exception {
        Path manifest = dir.resolve("tiny-weights_manifest.json");
        Files.writeString(manifest, "[{\"paths\": [\"tiny.bin\"], \"weights\": ["
            + "{\"name\": \"dense0/conv0/filters\", \"shape\": [1], \"dtype\": \"float32\"}]}]");
        Files.write(dir.resolve("tiny.bin"), new byte[4]);
        assertThatThrownBy(() -> FaceApiNets.landmarks68(manifest)).hasMessageContaining("'dense0/conv0/bias'");
    }
}
