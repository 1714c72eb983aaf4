package org.facsflow.modelprep.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.facsflow.modelprep.tfjs.Conformance.check;
import static org.facsflow.modelprep.tfjs.Conformance.window;

import org.facsflow.modelprep.onnx.OrtModel;
import org.facsflow.modelprep.onnx.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One small hand-built graph per supported op (and per padding/stride/layout case that converts
 * differently), run in ONNX Runtime and compared with the NHWC reference loops.
 */
class TfjsToOnnxOpsTest {
    private static final double TOLERANCE = 1e-5;

    private static TfjsTensor random(long seed, int... shape) {
        long[] dims = Arrays.stream(shape).asLongStream().toArray();
        return TfjsTensor.ofFloats(shape, Tensor.random(seed, dims).data());
    }

    private static TfjsTensor vector(int... values) {
        return TfjsTensor.ofInts(new int[] {values.length}, values);
    }

    private static TfjsTensor scalar(int value) {
        return TfjsTensor.ofInts(new int[0], value);
    }

    /** TF paddings for a rank-4 tensor: (before, after) per axis. */
    private static TfjsTensor pairs(int... values) {
        return TfjsTensor.ofInts(new int[] {4, 2}, values);
    }

    private static Map<String, Tensor> input(long... shape) {
        return Map.of("x", Tensor.random(42, shape));
    }

    /** x -> op(x, constants...) -> output "y". */
    private static TfjsGraph single(long[] inputShape, String op, Map<String, Object> attrs, TfjsTensor... constants) {
        TfjsGraph.Builder b = new TfjsGraph.Builder();
        String[] inputs = new String[constants.length + 1];
        inputs[0] = b.placeholder("x", inputShape);
        for (int i = 0; i < constants.length; i++) {
            inputs[i + 1] = b.constant("k" + i, constants[i]);
        }
        b.node("y", op, attrs, inputs);
        return b.build("y");
    }

    @Test
    void stride2SameConvolutionPadsAfterLikeTensorFlow() throws Exception {
        // 4x4 input 1..16, 3x3 kernel of ones, stride 2, SAME: TF pads 0 before and 1 after, so the first
        // window covers rows/cols 0..2. (Padding 1 before, SAME_LOWER, would give 14 for the first output.)
        float[] image = new float[16];
        for (int i = 0; i < 16; i++) {
            image[i] = i + 1;
        }
        float[] ones = new float[9];
        Arrays.fill(ones, 1);
        TfjsGraph graph = single(new long[] {1, 4, 4, 1}, "Conv2D", window("SAME", 2),
            TfjsTensor.ofFloats(new int[] {3, 3, 1, 1}, ones));
        try (OrtModel model = new OrtModel(TfjsToOnnx.convert(graph))) {
            Tensor y = model.run(Map.of("x", image)).get("y");
            assertThat(y.shape()).containsExactly(1, 2, 2, 1);
            assertThat(y.data()).containsExactly(54, 45, 72, 54);
        }
    }

    @ParameterizedTest(name = "{0} {1}x{1} kernel {2} stride {3} on {4}x{5}")
    @CsvSource({
        "SAME, 3, 2, 2, 7, 7",
        "SAME, 3, 2, 2, 8, 6",
        "SAME, 5, 2, 2, 9, 9",
        "SAME, 2, 1, 1, 5, 5",
        "VALID, 3, 1, 1, 6, 5",
        "VALID, 2, 2, 2, 7, 7",
        "VALID, 3, 3, 3, 10, 10",
    })
    void fusedConv2dWithBiasAndRelu(String padding, int kernel, int strideH, int strideW, long h, long w)
            throws Exception {
        TfjsGraph graph = single(new long[] {1, h, w, 3}, "_FusedConv2D",
            Map.of("strides", List.of(1L, (long) strideH, (long) strideW, 1L), "padding", padding,
                "fused_ops", List.of("BiasAdd", "Relu"), "num_args", 1L),
            random(1, kernel, kernel, 3, 4), random(2, 4));
        check(graph, input(1, h, w, 3), TOLERANCE);
    }

    @Test
    void fusedConv2dWithExplicitPaddingAndDilation() throws Exception {
        TfjsGraph graph = single(new long[] {1, 9, 8, 2}, "_FusedConv2D",
            window("EXPLICIT", 1, "explicit_paddings", List.of(0L, 0L, 1L, 2L, 3L, 0L, 0L, 0L),
                "dilations", List.of(1L, 2L, 2L, 1L), "fused_ops", List.of("BiasAdd")),
            random(1, 3, 3, 2, 5), random(2, 5));
        check(graph, input(1, 9, 8, 2), TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Relu6", "Prelu"})
    void fusedConv2dWithActivation(String activation) throws Exception {
        TfjsTensor[] constants = activation.equals("Prelu")
            ? new TfjsTensor[] {random(1, 1, 1, 3, 6), random(2, 6), random(3, 1, 1, 6)}
            : new TfjsTensor[] {TfjsTensor.ofFloats(new int[] {1, 1, 3, 6}, scaled(random(1, 1, 1, 3, 6), 8)),
                random(2, 6)};
        TfjsGraph graph = single(new long[] {1, 5, 5, 3}, "_FusedConv2D",
            window("VALID", 1, "fused_ops", List.of("BiasAdd", activation)), constants);
        Map<String, Tensor> out = check(graph, input(1, 5, 5, 3), TOLERANCE);
        if (activation.equals("Relu6")) {
            assertThat(out.get("y").data()).contains(6f).contains(0f); // both bounds of the clip are reached
        }
    }

    @Test
    void fusedConv2dWithPreluSlopesAboveOne() throws Exception {
        // Slopes in [-3, 3): the converter's other PRelu form, needed when some alpha is at least 1.
        TfjsTensor alpha = TfjsTensor.ofFloats(new int[] {1, 1, 6}, scaled(random(3, 1, 1, 6), 3));
        float steepest = Float.NEGATIVE_INFINITY;
        for (float a : alpha.floats()) steepest = Math.max(steepest, a);
        assertThat(steepest).isGreaterThanOrEqualTo(1f);
        TfjsGraph graph = single(new long[] {1, 5, 5, 3}, "_FusedConv2D",
            window("VALID", 1, "fused_ops", List.of("BiasAdd", "Prelu")), random(1, 1, 1, 3, 6), random(2, 6), alpha);
        check(graph, input(1, 5, 5, 3), TOLERANCE);
    }

    private static float[] scaled(TfjsTensor t, float factor) {
        float[] out = t.floats().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }

    @ParameterizedTest(name = "multiplier {0} stride {1} on {2}x{2}")
    @CsvSource({"1, 1, 6", "1, 2, 7", "2, 2, 8", "3, 1, 5"})
    void depthwiseConvolution(int multiplier, long stride, long size) throws Exception {
        TfjsGraph graph = single(new long[] {1, size, size, 4}, "DepthwiseConv2dNative", window("SAME", stride),
            random(1, 3, 3, 4, multiplier));
        check(graph, input(1, size, size, 4), TOLERANCE);
    }

    @Test
    void fusedDepthwiseConvolution() throws Exception {
        TfjsGraph graph = single(new long[] {1, 7, 6, 3}, "FusedDepthwiseConv2dNative",
            window("VALID", 1, "fused_ops", List.of("BiasAdd", "Relu")), random(1, 3, 3, 3, 2), random(2, 6));
        check(graph, input(1, 7, 6, 3), TOLERANCE);
    }

    @ParameterizedTest(name = "{0} {1} ksize {2} stride {3} on {4}x{4}")
    @CsvSource({
        "MaxPool, SAME, 3, 2, 7",
        "MaxPool, SAME, 2, 2, 5",
        "MaxPool, VALID, 2, 2, 8",
        "AvgPool, SAME, 3, 2, 7",
        "AvgPool, SAME, 3, 1, 4",
        "AvgPool, VALID, 7, 2, 7",
    })
    void pooling(String op, String padding, long k, long stride, long size) throws Exception {
        // Inputs in [-1, 1): padding taken as 0 would win a max over negative values and skew averages.
        TfjsGraph graph = single(new long[] {1, size, size, 3}, op,
            window(padding, stride, "ksize", List.of(1L, k, k, 1L)));
        check(graph, input(1, size, size, 3), TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BiasAdd", "Add", "AddV2", "Sub", "Mul", "RealDiv", "Prelu"})
    void binaryWithChannelConstant(String op) throws Exception {
        TfjsTensor constant = op.equals("Prelu") ? random(3, 1, 1, 5)
            : TfjsTensor.ofFloats(new int[] {5}, 0.5f, -2f, 3f, 1.5f, -0.25f);
        check(single(new long[] {1, 3, 4, 5}, op, Map.of(), constant), input(1, 3, 4, 5), TOLERANCE);
    }

    @Test
    void constantFirstOperandKeepsOperandOrder() throws Exception {
        TfjsGraph.Builder b = new TfjsGraph.Builder();
        String x = b.placeholder("x", 1, 2, 3, 4);
        String k = b.constant("k", random(5, 2, 1, 4));
        b.node("y", "Sub", Map.of(), k, x);
        b.node("z", "RealDiv", Map.of(), b.constant("two", TfjsTensor.ofFloats(new int[0], 2f)), x);
        check(b.build("y", "z"), input(1, 2, 3, 4), TOLERANCE);
    }

    @Test
    void binaryOfTwoComputedTensors() throws Exception {
        TfjsGraph.Builder b = new TfjsGraph.Builder();
        String x = b.placeholder("x", 1, 4, 4, 3);
        String r = b.node("r", "Relu", Map.of(), x);
        String s = b.node("s", "Sigmoid", Map.of(), x);
        String sum = b.node("sum", "AddV2", Map.of(), r, s);
        String flat = b.node("flat", "Reshape", Map.of(), x, b.constant("shape", vector(48)));
        String rank3 = b.node("rank3", "Reshape", Map.of(), x,
            b.constant("shape3", vector(4, 4, 3)));
        b.node("mixed", "Mul", Map.of(), sum, rank3); // rank 4 (NCHW inside) times rank 3 (TF layout)
        b.node("product", "Mul", Map.of(), flat, flat);
        check(b.build("mixed", "product"), input(1, 4, 4, 3), TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Relu", "Relu6", "Sigmoid", "Identity"})
    void unary(String op) throws Exception {
        TfjsGraph.Builder b = new TfjsGraph.Builder();
        String x = b.placeholder("x", 1, 3, 3, 2);
        String scaled = b.node("scaled", "Mul", Map.of(), x, b.constant("k", TfjsTensor.ofFloats(new int[0], 9f)));
        b.node("y", op, Map.of(), scaled);
        check(b.build("y"), input(1, 3, 3, 2), TOLERANCE);
    }

    @Test
    void softmaxOverLastAxisOfRank4AndRank2() throws Exception {
        TfjsGraph.Builder b = new TfjsGraph.Builder();
        String x = b.placeholder("x", 1, 2, 3, 5);
        b.node("y4", "Softmax", Map.of(), x);
        String flat = b.node("flat", "Reshape", Map.of(), x, b.constant("shape", vector(1, -1)));
        b.node("y2", "Softmax", Map.of(), flat);
        check(b.build("y2", "y4"), input(1, 2, 3, 5), TOLERANCE);
    }

    @Test
    void padChannelsAndSpaceAndWithValue() throws Exception {
        TfjsGraph.Builder b = new TfjsGraph.Builder();
        String x = b.placeholder("x", 1, 3, 4, 2);
        b.node("channels", "Pad", Map.of(), x, b.constant("p1", pairs(0, 0, 0, 0, 0, 0, 0, 3)));
        b.node("space", "Pad", Map.of(), x, b.constant("p2", pairs(0, 0, 1, 2, 0, 1, 0, 0)));
        b.node("valued", "PadV2", Map.of(), x, b.constant("p3", pairs(0, 0, 2, 0, 1, 1, 1, 0)),
            b.constant("v", TfjsTensor.ofFloats(new int[0], -7f)));
        check(b.build("channels", "space", "valued"), input(1, 3, 4, 2), TOLERANCE);
    }

    @Test
    void reshapeKeepsTensorFlowElementOrder() throws Exception {
        // Like BlazeFace's heads: a convolution output [1,4,4,6] read as [1,48,2] (anchor-major).
        TfjsGraph.Builder b = new TfjsGraph.Builder();
        String x = b.placeholder("x", 1, 4, 4, 3);
        String conv = b.node("conv", "Conv2D", window("VALID", 1), x, b.constant("w", random(1, 1, 1, 3, 6)));
        b.node("anchors", "Reshape", Map.of(), conv, b.constant("s1", vector(1, -1, 2)));
        // And back to rank 4, feeding an op that needs NCHW again.
        String square = b.node("square", "Reshape", Map.of(), conv, b.constant("s2", vector(1, 8, 4, 3)));
        b.node("pooled", "MaxPool", window("VALID", 2, "ksize", List.of(1L, 2L, 2L, 1L)), square);
        check(b.build("anchors", "pooled"), input(1, 4, 4, 3), TOLERANCE);
    }

    @Test
    void concatOnChannelsAndOnOtherAxes() throws Exception {
        TfjsGraph.Builder b = new TfjsGraph.Builder();
        String x = b.placeholder("x", 1, 3, 3, 2);
        String r = b.node("r", "Relu", Map.of(), x);
        b.node("channels", "ConcatV2", Map.of(), x, r, x, b.constant("a1", scalar(-1)));
        b.node("rows", "ConcatV2", Map.of(), x, r, b.constant("a2", scalar(1)));
        String flat = b.node("flat", "Reshape", Map.of(), x, b.constant("s", vector(1, 18)));
        b.node("flatConcat", "ConcatV2", Map.of(), flat, flat, b.constant("a3", scalar(1)));
        check(b.build("channels", "flatConcat", "rows"), input(1, 3, 3, 2), TOLERANCE);
    }

    @Test
    void meanWithAndWithoutKeptDimensions() throws Exception {
        TfjsGraph.Builder b = new TfjsGraph.Builder();
        String x = b.placeholder("x", 1, 4, 3, 5);
        b.node("global", "Mean", Map.of("keep_dims", false), x, b.constant("a1", vector(1, 2)));
        b.node("kept", "Mean", Map.of("keep_dims", true), x, b.constant("a2", vector(1, 2)));
        b.node("channels", "Mean", Map.of("keep_dims", false), x, b.constant("a3", scalar(3)));
        b.node("width", "Mean", Map.of("keep_dims", false), x, b.constant("a4", vector(-2)));
        check(b.build("channels", "global", "kept", "width"), input(1, 4, 3, 5), TOLERANCE);
    }

    @Test
    void matMulWithConstantAndTransposes() throws Exception {
        TfjsGraph.Builder b = new TfjsGraph.Builder();
        String x = b.placeholder("x", 1, 6);
        b.node("plain", "MatMul", Map.of(), x, b.constant("w", random(1, 6, 4)));
        b.node("transposedB", "MatMul", Map.of("transpose_b", true), x, b.constant("wt", random(2, 4, 6)));
        b.node("transposedA", "MatMul", Map.of("transpose_a", true), b.constant("at", random(3, 6, 2)),
            b.node("col", "Reshape", Map.of(), x, b.constant("s", vector(6, 1))));
        check(b.build("plain", "transposedA", "transposedB"), input(1, 6), TOLERANCE);
    }

    @Test
    void outputsKeepTheirNamesAndOrderAndTfLayout() throws Exception {
        TfjsGraph.Builder b = new TfjsGraph.Builder();
        String x = b.placeholder("x", -1, 5, 4, 3);
        String r = b.node("r", "Relu", Map.of(), x);
        b.node("Identity", "Identity", Map.of(), r);
        b.node("Identity_2", "Identity", Map.of(), b.node("s", "Sigmoid", Map.of(), x));
        b.node("Identity_10", "Identity", Map.of(), x);
        TfjsGraph graph = b.build("Identity", "Identity_2", "Identity_10");
        Map<String, Tensor> out = check(graph, input(1, 5, 4, 3), TOLERANCE);
        assertThat(out.keySet()).containsExactly("Identity", "Identity_2", "Identity_10");
        assertThat(out.get("Identity_10").data()).containsExactly(input(1, 5, 4, 3).get("x").data());
    }

    @Test
    void conversionIsDeterministic() {
        TfjsGraph graph = single(new long[] {1, 6, 6, 3}, "_FusedConv2D",
            window("SAME", 2, "fused_ops", List.of("BiasAdd", "Prelu")), random(1, 3, 3, 3, 4), random(2, 4),
            random(3, 1, 1, 4));
        assertThat(TfjsToOnnx.convert(graph)).isEqualTo(TfjsToOnnx.convert(graph));
    }

    @Test
    void unsupportedOpIsNamedWithItsNode() {
        TfjsGraph.Builder b = new TfjsGraph.Builder();
        b.node("spooky", "Cumprod", Map.of(), b.placeholder("x", 1, 4));
        assertThatThrownBy(() -> TfjsToOnnx.convert(b.build("spooky")))
            .isInstanceOf(UnsupportedOperationException.class)
            .hasMessageContaining("'Cumprod'").hasMessageContaining("'spooky'");
    }

    @Test
    void malformedGraphsAreRejectedNamingTheNode() {
        TfjsGraph.Builder dangling = new TfjsGraph.Builder();
        dangling.node("y", "Relu", Map.of(), "nowhere");
        assertThatThrownBy(() -> dangling.build("y")).hasMessageContaining("'y'").hasMessageContaining("'nowhere'");

        TfjsGraph.Builder cycle = new TfjsGraph.Builder();
        cycle.node("a", "Relu", Map.of(), "b");
        cycle.node("b", "Relu", Map.of(), "a");
        assertThatThrownBy(() -> TfjsToOnnx.convert(cycle.build("a"))).hasMessageContaining("cycle");

        TfjsGraph constantInput = single(new long[] {1, 4}, "MatMul", Map.of("transpose_b", true),
            random(1, 3, 4, 2));
        assertThatThrownBy(() -> TfjsToOnnx.convert(constantInput))
            .hasMessageContaining("'y'").hasMessageContaining("rank 3");
    }

    @Test
    void unsupportedFusedOpIsNamedWithItsNode() {
        TfjsGraph graph = single(new long[] {1, 4, 4, 1}, "_FusedConv2D",
            window("SAME", 1, "fused_ops", List.of("FusedBatchNorm")), random(1, 1, 1, 1, 1), random(2, 1));
        assertThatThrownBy(() -> TfjsToOnnx.convert(graph))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'y'").hasMessageContaining("FusedBatchNorm");
    }
}
