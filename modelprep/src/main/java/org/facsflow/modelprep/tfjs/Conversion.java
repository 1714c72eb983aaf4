package org.facsflow.modelprep.tfjs;

import org.facsflow.modelprep.onnx.OnnxGraph;
import org.facsflow.modelprep.onnx.OnnxGraph.Attribute;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * State of one TF.js to ONNX conversion: the ONNX graph being built and the {@link Value} of every TF node
 * converted so far.
 *
 * <p>Naming keeps the output deterministic and readable: TF node {@code X} yields ONNX value {@code X:0}
 * (TF's own tensor name), its helper values and initializers are {@code X/<role>}, and a layout change of
 * value {@code v} is {@code v/nchw} or {@code v/nhwc}.
 */
final class Conversion {
    private final TfjsGraph graph;
    private final OnnxGraph.Builder onnx;
    private final Map<String, Value> values = new HashMap<>();
    /** Transposed copies already emitted, by source value name: each layout change is made once. */
    private final Map<String, Value> relayouts = new HashMap<>();

    Conversion(TfjsGraph graph, OnnxGraph.Builder onnx) {
        this.graph = graph;
        this.onnx = onnx;
    }

    static IllegalArgumentException error(TfjsNode node, String message) {
        return new IllegalArgumentException("TF.js node '" + node.name() + "' (" + node.op() + "): " + message);
    }

    void define(TfjsNode node, Value value) {
        values.put(node.name(), value);
    }

    /** The converted value of a TF node, which must be computed (not a Const). */
    Value value(String tfNode) {
        Value value = values.get(tfNode);
        if (value == null) {
            throw new IllegalStateException("no converted value for TF.js node '" + tfNode + "'");
        }
        return value;
    }

    /** The value of input {@code index} of {@code node}, which must be computed (not a Const). */
    Value input(TfjsNode node, int index) {
        if (isConstant(node, index)) {
            throw error(node, "input " + index + " is a constant where a computed tensor is expected");
        }
        return value(node.input(index));
    }

    boolean isConstant(TfjsNode node, int index) {
        return graph.node(node.input(index)).op().equals("Const");
    }

    /** The value of input {@code index} of {@code node}, which must be a Const. */
    TfjsTensor constant(TfjsNode node, int index) {
        String name = node.input(index);
        TfjsTensor tensor = isConstant(node, index) ? graph.weight(name) : null;
        if (tensor == null) {
            throw error(node, "input " + index + " ('" + name + "') must be a constant with weights");
        }
        return tensor;
    }

    /** Like {@link #constant} but float32. */
    TfjsTensor floatConstant(TfjsNode node, int index) {
        TfjsTensor tensor = constant(node, index);
        if (!tensor.isFloat()) {
            throw error(node, "input " + index + " must be a float32 constant");
        }
        return tensor;
    }

    /** Like {@link #constant} but int32, returned as longs. */
    long[] intConstant(TfjsNode node, int index) {
        TfjsTensor tensor = constant(node, index);
        if (tensor.isFloat()) {
            throw error(node, "input " + index + " must be an int32 constant");
        }
        return Arrays.stream(tensor.ints()).asLongStream().toArray();
    }

    /**
     * Float Const input {@code index} of {@code node} as an initializer that broadcasts against a value of
     * the given layout: for NCHW it is right-aligned to rank 4 (TF broadcasting) and transposed.
     */
    String operand(TfjsNode node, int index, boolean nchw) {
        TfjsTensor tensor = floatConstant(node, index);
        long[] dims = tensor.dims();
        float[] data = tensor.floats();
        if (nchw) {
            if (dims.length > 4) {
                throw error(node, "constant of rank " + dims.length + " cannot broadcast against a rank-4 tensor");
            }
            dims = Layouts.withLeadingOnes(dims, 4);
            data = Layouts.transpose(data, dims, Layouts.NHWC_TO_NCHW);
            dims = Layouts.permute(dims, Layouts.NHWC_TO_NCHW);
        }
        return floats(node, "in" + index, dims, data);
    }

    String floats(TfjsNode node, String role, long[] dims, float[] data) {
        return onnx.initializer(OnnxGraph.Tensor.floats(node.name() + "/" + role, dims, data));
    }

    /** A 1-D int64 initializer. */
    String int64s(TfjsNode node, String role, long... data) {
        return onnx.initializer(OnnxGraph.Tensor.int64s(node.name() + "/" + role, new long[] {data.length}, data));
    }

    /** Emits the ONNX node that computes TF node {@code node} and records its value. */
    Value result(TfjsNode node, String op, long[] shape, boolean nchw, List<String> inputs, Attribute... attrs) {
        Value value = new Value(onnx.node(op, node.name() + ":0", inputs, attrs), shape, nchw);
        define(node, value);
        return value;
    }

    /** Emits an intermediate ONNX node on the way to TF node {@code node}'s value. */
    Value step(TfjsNode node, String role, String op, long[] shape, boolean nchw, List<String> inputs,
               Attribute... attrs) {
        return new Value(onnx.node(op, node.name() + "/" + role, inputs, attrs), shape, nchw);
    }

    /** {@code value} as an NCHW ONNX tensor (it must have rank 4). */
    Value nchw(Value value) {
        if (value.rank() != 4) {
            throw new IllegalStateException("value '" + value.name() + "' has rank " + value.rank() + ", not 4");
        }
        return value.nchw() ? value : relayout(value, true);
    }

    /** {@code value} with its ONNX layout equal to its TF (NHWC) layout. */
    Value nhwc(Value value) {
        return value.nchw() ? relayout(value, false) : value;
    }

    private Value relayout(Value value, boolean toNchw) {
        return relayouts.computeIfAbsent(value.name() + (toNchw ? "/nchw" : "/nhwc"), name -> new Value(
                onnx.node("Transpose", name, List.of(value.name()),
                        Attribute.ints("perm", toInts(toNchw ? Layouts.NHWC_TO_NCHW : Layouts.NCHW_TO_NHWC))),
                value.shape(), toNchw));
    }

    private static long[] toInts(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }
}
