package org.facsflow.modelprep.faceapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.facsflow.modelprep.tfjs.TfjsGraph;
import org.facsflow.modelprep.tfjs.TfjsTensor;
import org.facsflow.modelprep.tfjs.TfjsToOnnx;
import org.facsflow.modelprep.tfjs.TfjsWeights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds @vladmandic/face-api 1.7.15's 68-point landmark net and expression net from their weights-only
 * manifests, as {@link TfjsGraph}s that {@link TfjsToOnnx} converts like any TF.js graph model.
 *
 * <p>The architecture follows face-api's sources: {@code FaceFeatureExtractor} normalises the input and runs
 * four dense blocks ({@code denseBlock4}: the first convolution of block 0 is a plain 3x3 convolution, every
 * other one a depthwise-separable convolution, all with SAME padding; the first of each block has stride 2;
 * block outputs are the ReLU of running sums of the convolutions), then a 7x7 average pool (stride 2, VALID)
 * leaves [1,1,1,256]; {@code FaceProcessor} flattens that and applies the fully connected layer {@code fc}.
 *
 * <h2>Interface of both ONNX models</h2>
 * <ul>
 *   <li>Input {@value #INPUT}: float32 [1,112,112,3], RGB in 0..255 (not normalised: the model subtracts
 *       the mean RGB [122.782, 117.001, 104.298] and divides by 255 itself). The crop must be square;
 *       face-api pads a non-square face box to a square with black at the bottom or right (or centred) and
 *       resizes it bilinearly to 112x112.</li>
 *   <li>{@link #landmarks68}: output {@value #LANDMARKS} [1,136] = x0, y0, x1, y1, ... x67, y67 for the
 *       68 iBUG points, as fractions of the 112-pixel crop (0..1, top-left origin; multiply by the crop's
 *       side to get pixels).</li>
 *   <li>{@link #expression}: output {@value #EXPRESSIONS} [1,7] softmax probabilities in the order of
 *       {@link #EXPRESSION_LABELS}: neutral, happy, sad, angry, fearful, disgusted, surprised.</li>
 * </ul>
 */
public final class FaceApiNets {
    public static final String INPUT = "input";
    public static final String LANDMARKS = "landmarks";
    public static final String EXPRESSIONS = "expressions";
    public static final List<String> EXPRESSION_LABELS =
        List.of("neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised");
    public static final int INPUT_SIZE = 112;

    private static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};
    private static final int FEATURES = 256;

    private FaceApiNets() {
    }

    /** face_landmark_68_model: {@code manifestJson} is its weights manifest, the .bin shard beside it. */
    public static byte[] landmarks68(Path manifestJson) throws IOException {
        return TfjsToOnnx.convert(landmarks68Graph(manifestJson));
    }

    /** face_expression_model: {@code manifestJson} is its weights manifest, the .bin shard beside it. */
    public static byte[] expression(Path manifestJson) throws IOException {
        return TfjsToOnnx.convert(expressionGraph(manifestJson));
    }

    public static TfjsGraph landmarks68Graph(Path manifestJson) throws IOException {
        Net net = new Net(weights(manifestJson));
        return net.builder.build(net.node(LANDMARKS, "Identity", Map.of(), net.head()));
    }

    public static TfjsGraph expressionGraph(Path manifestJson) throws IOException {
        Net net = new Net(weights(manifestJson));
        return net.builder.build(net.node(EXPRESSIONS, "Softmax", Map.of(), net.head()));
    }

    private static Map<String, TfjsTensor> weights(Path manifestJson) throws IOException {
        return TfjsWeights.read(new ObjectMapper().readTree(manifestJson.toFile()),
            manifestJson.toAbsolutePath().getParent());
    }

    /** Adds face-api's layers to a graph builder, taking each layer's weights from the manifest by name. */
    private static final class Net {
        final TfjsGraph.Builder builder = new TfjsGraph.Builder();
        private final Map<String, TfjsTensor> weights;

        Net(Map<String, TfjsTensor> weights) {
            this.weights = weights;
        }

        /** Normalisation, feature extractor and fully connected layer: the logits, [1, outputs]. */
        String head() {
            String input = builder.placeholder(INPUT, 1, INPUT_SIZE, INPUT_SIZE, 3);
            String centred = node("centred", "Sub", Map.of(), input,
                builder.constant("mean_rgb", TfjsTensor.ofFloats(new int[] {3}, MEAN_RGB)));
            String x = node("normalised", "RealDiv", Map.of(), centred,
                builder.constant("255", TfjsTensor.ofFloats(new int[0], 255f)));
            for (int block = 0; block < 4; block++) {
                x = denseBlock("dense" + block, x);
            }
            String pooled = node("pool", "AvgPool", Map.of("ksize", List.of(1L, 7L, 7L, 1L),
                "strides", List.of(1L, 2L, 2L, 1L), "padding", "VALID"), x);
            String flat = node("flatten", "Reshape", Map.of(), pooled,
                builder.constant("flatten/shape", TfjsTensor.ofInts(new int[] {2}, 1, FEATURES)));
            String product = node("fc/matmul", "MatMul", Map.of(), flat, weight("fc/weights"));
            return node("fc", "BiasAdd", Map.of(), product, weight("fc/bias"));
        }

        /**
         * face-api's denseBlock4: out1 = relu(conv0(x)) with stride 2; out2 = conv1(out1);
         * out3 = conv2(relu(out1 + out2)); out4 = conv3(relu(out1 + out2 + out3));
         * result relu(out1 + out2 + out3 + out4). face-api nests the sums the other way, (out1 + (out2 + (out3 +
         * out4))); here each sum extends the previous one, which changes values only by float rounding and lets ONNX
         * Runtime add each sum inside the convolution that feeds it (five Add nodes fewer per block).
         */
        private String denseBlock(String prefix, String x) {
            String out1 = prefix.equals("dense0")
                ? convolution(prefix + "/conv0", x, weight(prefix + "/conv0/filters"), 2, true)
                : separable(prefix + "/conv0", x, 2, true);
            String out2 = separable(prefix + "/conv1", out1, 1, false);
            String sum12 = add(prefix + "/in3/sum", out1, out2);
            String out3 = separable(prefix + "/conv2", relu(prefix + "/in3", sum12), 1, false);
            String sum123 = add(prefix + "/in4/sum", sum12, out3);
            String out4 = separable(prefix + "/conv3", relu(prefix + "/in4", sum123), 1, false);
            return relu(prefix + "/out", add(prefix + "/out/sum", sum123, out4));
        }

        /** tf.separableConv2d(x, depthwise, pointwise, stride, 'same') + bias, optionally then ReLU. */
        private String separable(String prefix, String x, long stride, boolean relu) {
            String depthwise = node(prefix + "/depthwise", "DepthwiseConv2dNative",
                Map.of("strides", List.of(1L, stride, stride, 1L), "padding", "SAME"),
                x, weight(prefix + "/depthwise_filter"));
            return convolution(prefix, depthwise, weight(prefix + "/pointwise_filter"), 1, relu);
        }

        /** Convolution (SAME) with the bias {@code <name>/bias}, optionally then ReLU, as one fused node. */
        private String convolution(String name, String x, String filter, long stride, boolean relu) {
            List<String> fused = relu ? List.of("BiasAdd", "Relu") : List.of("BiasAdd");
            return node(name, "_FusedConv2D", Map.of("strides", List.of(1L, stride, stride, 1L),
                "padding", "SAME", "fused_ops", fused), x, filter, weight(name + "/bias"));
        }

        private String add(String name, String a, String b) {
            return node(name, "AddV2", Map.of(), a, b);
        }

        private String relu(String name, String x) {
            return node(name, "Relu", Map.of(), x);
        }

        String node(String name, String op, Map<String, Object> attrs, String... inputs) {
            return builder.node(name, op, attrs, inputs);
        }

        private String weight(String name) {
            TfjsTensor tensor = weights.get(name);
            if (tensor == null) {
                throw new IllegalArgumentException("the face-api weights manifest has no weight '" + name + "'");
            }
            return builder.constant(name, tensor);
        }
    }
}
