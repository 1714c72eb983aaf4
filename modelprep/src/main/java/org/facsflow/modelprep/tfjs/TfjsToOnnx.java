package org.facsflow.modelprep.tfjs;

import org.facsflow.modelprep.onnx.OnnxGraph;
import org.facsflow.modelprep.onnx.OnnxModelWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Converts a TF.js graph model to an ONNX model (IR 8, opset 13) that ONNX Runtime runs with the same
 * results.
 *
 * <h2>Interface of the converted model</h2>
 * <ul>
 *   <li>Inputs: one float32 input per TF.js {@code Placeholder}, same name and same NHWC shape, with a
 *       batch of -1 fixed to 1, or to the batch size asked for (every shape in the model is static).</li>
 *   <li>Outputs: float32, named after the TF.js output nodes and in the order
 *       {@link TfjsGraphReader} gives (by name, numeric suffixes as numbers), with exactly TF.js's shapes
 *       and element order.</li>
 *   <li>Inside, rank-4 tensors are NCHW; the model transposes at its inputs and outputs, so callers never
 *       see that.</li>
 * </ul>
 *
 * <h2>The four @vladmandic/human 3.3.6 models</h2>
 * Pre- and post-processing below is what human does; the converted model does only the network.
 * <table>
 *   <caption>inputs and outputs</caption>
 *   <tr><th>model</th><th>input</th><th>outputs</th></tr>
 *   <tr><td>blazeface.json (face detector, 256 px "back" model)</td>
 *       <td>{@code input} [1,256,256,3] RGB scaled to [-1,1] (rgb / 127.5 - 1)</td>
 *       <td>{@code Identity} [1,512,1] and {@code Identity_1} [1,384,1]: score logits (sigmoid gives
 *       confidence); {@code Identity_2} [1,512,16] and {@code Identity_3} [1,384,16]: regressors
 *       (dx, dy, w, h, then 6 keypoints x,y) in input pixels relative to the anchor centre. The 512
 *       anchors are a 16x16 grid (stride 16) with 2 anchors per cell, the 384 an 8x8 grid (stride 32)
 *       with 6 per cell; anchor centre = stride * (cell + 0.5).</td></tr>
 *   <tr><td>facemesh.json (468-point mesh)</td>
 *       <td>{@code input_1} [1,192,192,3] RGB in [0,1] (face crop, 1.5x the box, eye line level)</td>
 *       <td>{@code Identity} [1,266] contours, {@code Identity_1} [1,1] face confidence (already a
 *       sigmoid, in [0,1]), {@code Identity_2} [1,1404] = 468 x,y,z in crop pixels (0..192). facsflow keeps
 *       {@code Identity_1} and {@code Identity_2}, which drops the contour head (4% of the time).</td></tr>
 *   <tr><td>iris.json</td>
 *       <td>{@code input_1} [1,64,64,3] RGB in [0,1] (eye crop, left eye mirrored)</td>
 *       <td>{@code Identity} [1,1,1,228] = 71 eye-contour then 5 iris points, x,y,z in crop pixels: the
 *       concatenation of two heads on a shared trunk. facsflow keeps both, in a batch of two (both eyes):
 *       the lid margins (the contour's first 16 points) refine the mesh's, the iris points give the gaze.</td></tr>
 *   <tr><td>emotion.json</td>
 *       <td>{@code input_1} [1,64,64,1] gray = 0.2989R+0.587G+0.114B with RGB in [0,1], then
 *       (gray - 0.5) * 2</td>
 *       <td>{@code Identity} [1,7] softmax probabilities: angry, disgust, fear, happy, sad, surprise,
 *       neutral.</td></tr>
 * </table>
 *
 * <h2>Supported ops</h2>
 * {@code Placeholder, Const, Identity, Conv2D, _FusedConv2D} and {@code FusedDepthwiseConv2dNative}
 * (fused_ops BiasAdd, optionally then Relu, Relu6 or Prelu), {@code DepthwiseConv2dNative}, {@code MaxPool,
 * AvgPool} (padding SAME, VALID or EXPLICIT), {@code BiasAdd, Add, AddV2, Sub, Mul, RealDiv, Relu, Relu6,
 * Sigmoid, Prelu, Softmax, Pad, PadV2, Reshape, ConcatV2, Mean, MatMul} (2-D). Anything else fails with an
 * {@link UnsupportedOperationException} naming the op and node; malformed graphs fail with an
 * {@link IllegalArgumentException} naming the node.
 */
public final class TfjsToOnnx {

    private static final Map<String, BiConsumer<TfjsNode, Conversion>> OPS = Map.ofEntries(
            Map.entry("Identity", ElementwiseOps::identity),
            Map.entry("Conv2D", ConvOps::conv2d),
            Map.entry("_FusedConv2D", ConvOps::conv2d),
            Map.entry("DepthwiseConv2dNative", ConvOps::depthwise),
            Map.entry("FusedDepthwiseConv2dNative", ConvOps::depthwise),
            Map.entry("MaxPool", ConvOps::maxPool),
            Map.entry("AvgPool", ConvOps::avgPool),
            Map.entry("BiasAdd", ElementwiseOps::add),
            Map.entry("Add", ElementwiseOps::add),
            Map.entry("AddV2", ElementwiseOps::add),
            Map.entry("Sub", ElementwiseOps::sub),
            Map.entry("Mul", ElementwiseOps::mul),
            Map.entry("RealDiv", ElementwiseOps::div),
            Map.entry("Relu", ElementwiseOps::relu),
            Map.entry("Relu6", ElementwiseOps::relu6),
            Map.entry("Sigmoid", ElementwiseOps::sigmoid),
            Map.entry("Prelu", ElementwiseOps::prelu),
            Map.entry("Softmax", ElementwiseOps::softmax),
            Map.entry("Pad", ShapeOps::pad),
            Map.entry("PadV2", ShapeOps::pad),
            Map.entry("Reshape", ShapeOps::reshape),
            Map.entry("ConcatV2", ShapeOps::concat),
            Map.entry("Mean", ShapeOps::mean),
            Map.entry("MatMul", ShapeOps::matMul));

    private TfjsToOnnx() {
    }

    /**
     * Converts the TF.js graph model {@code modelJson}, whose weight shards lie beside it.
     *
     * @return ONNX ModelProto bytes, identical for identical input
     */
    public static byte[] convert(Path modelJson) throws IOException {
        return convert(TfjsGraphReader.read(modelJson));
    }

    /**
     * Converts only what {@code outputs} (node names) need, e.g. one head of a two-headed network, for a fixed
     * batch size (several inputs in one run, e.g. both eyes).
     *
     * @param outputs empty: the model's own outputs
     * @param batch   the batch size for a placeholder whose batch is -1
     * @return ONNX ModelProto bytes, identical for identical input
     */
    public static byte[] convert(Path modelJson, List<String> outputs, int batch) throws IOException {
        TfjsGraph graph = TfjsGraphReader.read(modelJson);
        return convert(outputs.isEmpty() ? graph : graph.withOutputs(outputs), batch);
    }

    /** @return ONNX ModelProto bytes, identical for identical input */
    public static byte[] convert(TfjsGraph graph) {
        return convert(graph, 1);
    }

    /** @return ONNX ModelProto bytes for batches of {@code batch}, identical for identical input */
    public static byte[] convert(TfjsGraph graph, int batch) {
        return OnnxModelWriter.write(toOnnx(graph, batch));
    }

    private static OnnxGraph toOnnx(TfjsGraph graph, int batch) {
        OnnxGraph.Builder onnx = new OnnxGraph.Builder("tfjs");
        Conversion conversion = new Conversion(graph, onnx);
        for (TfjsNode node : evaluationOrder(graph)) {
            switch (node.op()) {
                case "Const" -> { } // read by the nodes that use it, in the layout each one needs
                case "Placeholder" -> onnx.input(placeholder(node, batch, conversion));
                default -> {
                    BiConsumer<TfjsNode, Conversion> op = OPS.get(node.op());
                    if (op == null) {
                        throw new UnsupportedOperationException("TF.js op '" + node.op() + "' of node '"
                            + node.name() + "' is not supported; supported ops: " + new TreeSet<>(OPS.keySet()));
                    }
                    op.accept(node, conversion);
                }
            }
        }
        for (String output : graph.outputs()) {
            // Outputs leave in TF layout under the TF node's name.
            Value value = conversion.nhwc(conversion.value(output));
            onnx.node("Identity", output, List.of(value.name()));
            onnx.output(new OnnxGraph.ValueInfo(output, OnnxGraph.FLOAT, value.shape()));
        }
        return onnx.build();
    }

    private static OnnxGraph.ValueInfo placeholder(TfjsNode node, int batch, Conversion conversion) {
        String dtype = node.string("dtype", "DT_FLOAT");
        if (!dtype.equals("DT_FLOAT")) {
            throw new IllegalArgumentException(
                "placeholder '" + node.name() + "' has dtype " + dtype + "; only DT_FLOAT is supported");
        }
        List<Long> dims = node.longs("shape");
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = i == 0 && dims.get(i) == -1 ? batch : dims.get(i);
            if (shape[i] < 1) {
                throw new IllegalArgumentException("placeholder '" + node.name() + "' has a dynamic dimension "
                    + dims + "; only the batch may be -1");
            }
        }
        conversion.define(node, new Value(node.name(), shape, false));
        return new OnnxGraph.ValueInfo(node.name(), OnnxGraph.FLOAT, shape);
    }

    /**
     * The nodes the outputs depend on, each after its inputs: a depth-first walk from the outputs in output
     * order, visiting inputs in order, so the result depends only on the graph (not on the JSON's node order,
     * which TF.js does not keep topological).
     */
    private static List<TfjsNode> evaluationOrder(TfjsGraph graph) {
        List<TfjsNode> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> inProgress = new HashSet<>();
        for (String output : graph.outputs()) {
            visit(graph, graph.node(output), done, inProgress, order);
        }
        return order;
    }

    private static void visit(TfjsGraph graph, TfjsNode node, Set<String> done, Set<String> inProgress,
                              List<TfjsNode> order) {
        if (done.contains(node.name())) {
            return;
        }
        if (!inProgress.add(node.name())) {
            throw new IllegalArgumentException("the graph has a cycle through node '" + node.name() + "'");
        }
        for (String input : node.inputs()) {
            visit(graph, graph.node(input), done, inProgress, order);
        }
        inProgress.remove(node.name());
        done.add(node.name());
        order.add(node);
    }
}
