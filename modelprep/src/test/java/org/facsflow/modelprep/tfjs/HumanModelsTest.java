package org.facsflow.modelprep.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.facsflow.modelprep.onnx.OrtModel;
import org.facsflow.modelprep.onnx.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The four @vladmandic/human models: they convert deterministically, run in ONNX Runtime with the expected
 * interface, agree with the NHWC reference, and find faces, a laugh and a face flag on face-api's sample1.jpg.
 */
class HumanModelsTest {
    /** Where sample1.jpg's three faces are (image pixels), judged by eye. */
    private static final int[][] FACE_CENTRES = {{515, 480}, {930, 540}, {1570, 340}};

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "blazeface | input   | 1,256,256,3 | Identity:1,512,1 Identity_1:1,384,1 Identity_2:1,512,16 Identity_3:1,384,16",
        "facemesh  | input_1 | 1,192,192,3 | Identity:1,266 Identity_1:1,1 Identity_2:1,1404",
        "iris      | input_1 | 1,64,64,3   | Identity:1,1,1,228",
        "emotion   | input_1 | 1,64,64,1   | Identity:1,7",
    })
    void convertsDeterministicallyAndMatchesTheReference(String name, String input, String inputShape,
                                                         String outputs) throws Exception {
        TfjsGraph graph = TfjsGraphReader.read(TestAssets.humanModel(name));
        byte[] onnx = TfjsToOnnx.convert(graph);
        assertThat(TfjsToOnnx.convert(TestAssets.humanModel(name))).isEqualTo(onnx);

        long[] shape = Arrays.stream(inputShape.split(",")).mapToLong(Long::parseLong).toArray();
        try (OrtModel model = new OrtModel(onnx)) {
            assertThat(model.inputNames()).containsExactly(input);
            assertThat(model.inputShape(input)).containsExactly(shape);
            Map<String, Tensor> gray = model.run(Map.of(input, Tensor.filled(0.5f, shape).data()));
            List<String> described = new ArrayList<>();
            gray.forEach((output, value) -> {
                described.add(output + ":" + Arrays.stream(value.shape()).mapToObj(Long::toString)
                    .reduce((a, b) -> a + "," + b).orElseThrow());
                for (float v : value.data()) {
                    assertThat(v).as(output).isFinite();
                }
            });
            assertThat(String.join(" ", described)).isEqualTo(outputs);
        }
        Conformance.check(graph, Map.of(input, Tensor.random(7, shape)), 2e-4);
    }

    @Test
    void theIrisHeadAloneInABatchOfTwoGivesTheWholeModelsIrisPointsForEachEye() throws Exception {
        String irisHead = "StatefulPartitionedCall/model/conv_iris/BiasAdd";
        byte[] whole = TfjsToOnnx.convert(TestAssets.humanModel("iris"));
        byte[] head = TfjsToOnnx.convert(TestAssets.humanModel("iris"), List.of(irisHead), 2);
        assertThat(head.length).isLessThan(whole.length * 2 / 3);
        // The laughing woman's eyes; by eye, the first iris centre is at (35, 32) of its 64 px crop.
        float[][] eyes = {
            scaled(TestAssets.crop(TestAssets.sample1(), 1525, 248, 64, 64), 1 / 255f, 0),
            scaled(TestAssets.crop(TestAssets.sample1(), 1588, 308, 64, 64), 1 / 255f, 0)};
        float[] batch = new float[eyes[0].length * 2];
        System.arraycopy(eyes[0], 0, batch, 0, eyes[0].length);
        System.arraycopy(eyes[1], 0, batch, eyes[0].length, eyes[1].length);
        try (OrtModel wholeModel = new OrtModel(whole); OrtModel headModel = new OrtModel(head)) {
            assertThat(headModel.inputShape("input_1")).containsExactly(2, 64, 64, 3);
            Tensor iris = headModel.run(Map.of("input_1", batch)).get(irisHead);
            assertThat(iris.shape()).containsExactly(2, 1, 1, 15);
            for (int eye = 0; eye < 2; eye++) {
                float[] all = wholeModel.run(Map.of("input_1", eyes[eye])).get("Identity").data();
                for (int i = 0; i < 15; i++)
                    assertThat(iris.data()[15 * eye + i]).as("eye %d value %d", eye, i).isCloseTo(all[71 * 3 + i], within(1e-4f));
            }
            assertThat(iris.data()[0]).isCloseTo(35f, within(4f));
            assertThat(iris.data()[1]).isCloseTo(32f, within(4f));
        }
    }

    @Test
    void blazefaceFindsTheThreeFacesAndNothingElse() throws Exception {
        // Human's detector input: the image padded to a square, resized to 256, scaled to [-1, 1].
        float[] x = scaled(TestAssets.crop(TestAssets.sample1(), 0, -320, 1920, 256), 1 / 127.5f, -1);
        double toImage = 1920 / 256.0;
        List<double[]> detections = new ArrayList<>();
        try (OrtModel model = new OrtModel(TfjsToOnnx.convert(TestAssets.humanModel("blazeface")))) {
            Map<String, Tensor> out = model.run(Map.of("input", x));
            detections.addAll(detections(out.get("Identity"), out.get("Identity_2"), 16, 2));
            detections.addAll(detections(out.get("Identity_1"), out.get("Identity_3"), 32, 6));
        }
        assertThat(detections).isNotEmpty();
        boolean[] found = new boolean[FACE_CENTRES.length];
        for (double[] centre : detections) {
            double ix = centre[0] * toImage;
            double iy = centre[1] * toImage - 320;
            int nearest = nearestFace(ix, iy);
            assertThat(Math.hypot(ix - FACE_CENTRES[nearest][0], iy - FACE_CENTRES[nearest][1]))
                .as("detection at %.0f,%.0f", ix, iy).isLessThan(80);
            found[nearest] = true;
        }
        assertThat(found).containsOnly(true);
    }

    /** Centres (input pixels) of the anchors whose score is above 0.5 (logit above 0). */
    private static List<double[]> detections(Tensor logits, Tensor regressors, int stride, int perCell) {
        List<double[]> centres = new ArrayList<>();
        int cells = 256 / stride;
        for (int anchor = 0; anchor < logits.size(); anchor++) {
            if (logits.data()[anchor] > 0) {
                int cell = anchor / perCell;
                double ax = stride * (cell % cells + 0.5);
                double ay = stride * (cell / cells + 0.5);
                float[] r = regressors.data();
                centres.add(new double[] {ax + r[anchor * 16], ay + r[anchor * 16 + 1]});
            }
        }
        return centres;
    }

    private static int nearestFace(double x, double y) {
        int nearest = 0;
        for (int i = 1; i < FACE_CENTRES.length; i++) {
            if (Math.hypot(x - FACE_CENTRES[i][0], y - FACE_CENTRES[i][1])
                    < Math.hypot(x - FACE_CENTRES[nearest][0], y - FACE_CENTRES[nearest][1])) {
                nearest = i;
            }
        }
        return nearest;
    }

    @Test
    void facemeshFlagsAFaceAndPlacesItsFeatures() throws Exception {
        BufferedImage image = TestAssets.sample1();
        try (OrtModel model = new OrtModel(TfjsToOnnx.convert(TestAssets.humanModel("facemesh")))) {
            // Human's mesh input: 1.5x the face box, RGB in [0, 1].
            float[] faceCrop = scaled(TestAssets.crop(image, 318, 283, 375, 192), 1 / 255f, 0);
            float[] wallCrop = scaled(TestAssets.crop(image, 0, 0, 375, 192), 1 / 255f, 0);
            Map<String, Tensor> face = model.run(Map.of("input_1", faceCrop));
            Map<String, Tensor> wall = model.run(Map.of("input_1", wallCrop));
            assertThat(face.get("Identity_1").data()[0]).isGreaterThan(0.99f);
            assertThat(wall.get("Identity_1").data()[0]).isLessThan(0.01f);
            float[] mesh = face.get("Identity_2").data();
            float[] rightEyeOuter = point(mesh, 33);
            float[] leftEyeOuter = point(mesh, 263);
            float[] noseTip = point(mesh, 1);
            float[] upperLip = point(mesh, 13);
            assertThat(rightEyeOuter[0]).isLessThan(noseTip[0]);
            assertThat(noseTip[0]).isLessThan(leftEyeOuter[0]);
            assertThat(Math.max(rightEyeOuter[1], leftEyeOuter[1])).isLessThan(noseTip[1]);
            assertThat(noseTip[1]).isLessThan(upperLip[1]);
        }
    }

    private static float[] point(float[] mesh, int index) {
        return new float[] {mesh[3 * index], mesh[3 * index + 1]};
    }

    @Test
    void emotionSeesTheLaughAndSumsToOne() throws Exception {
        float[] rgb = TestAssets.crop(TestAssets.sample1(), 1460, 220, 240, 64);
        float[] gray = new float[64 * 64];
        for (int i = 0; i < gray.length; i++) {
            float g = (0.2989f * rgb[3 * i] + 0.587f * rgb[3 * i + 1] + 0.114f * rgb[3 * i + 2]) / 255;
            gray[i] = (g - 0.5f) * 2;
        }
        try (OrtModel model = new OrtModel(TfjsToOnnx.convert(TestAssets.humanModel("emotion")))) {
            float[] p = model.run(Map.of("input_1", gray)).get("Identity").data();
            double sum = 0;
            for (float v : p) {
                sum += v;
            }
            assertThat(sum).isCloseTo(1, within(1e-5));
            assertThat(p[3]).as("happy in %s", Arrays.toString(p)).isGreaterThan(0.9f);
        }
    }

    private static float[] scaled(float[] rgb, float factor, float offset) {
        float[] out = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = rgb[i] * factor + offset;
        }
        return out;
    }
}
