package org.facsflow.modelprep.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * An ONNX graph held as plain Java values, in the order it will be written.
 *
 * <p>Only what the TF.js converter needs is modelled: float32/int64 tensors with raw data, nodes with
 * int/ints/float/string attributes, and fully static tensor shapes for the graph inputs and outputs.
 * Lists (never hash maps) keep insertion order so that {@link OnnxModelWriter} output is byte-for-byte
 * deterministic.
 */
public record OnnxGraph(String name, List<Node> nodes, List<Tensor> initializers, List<ValueInfo> inputs,
                        List<ValueInfo> outputs) {

    /** TensorProto.DataType FLOAT. */
    public static final int FLOAT = 1;
    /** TensorProto.DataType INT64. */
    public static final int INT64 = 7;

    public OnnxGraph {
        nodes = List.copyOf(nodes);
        initializers = List.copyOf(initializers);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** A NodeProto of the default ("ai.onnx") domain. */
    public record Node(String name, String opType, List<String> inputs, List<String> outputs,
                       List<Attribute> attributes) {
        public Node {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
            attributes = List.copyOf(attributes);
        }
    }

    /** A TensorProto whose data is stored little-endian in raw_data. */
    public record Tensor(String name, int dataType, long[] dims, byte[] rawData) {

        public static Tensor floats(String name, long[] dims, float[] values) {
            ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asFloatBuffer().put(values);
            return new Tensor(name, FLOAT, dims.clone(), buffer.array());
        }

        public static Tensor int64s(String name, long[] dims, long[] values) {
            ByteBuffer buffer = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asLongBuffer().put(values);
            return new Tensor(name, INT64, dims.clone(), buffer.array());
        }
    }

    /** A graph input or output: a tensor of {@code elemType} with a static shape. */
    public record ValueInfo(String name, int elemType, long[] shape) {}

    /**
     * An AttributeProto. {@code type} is the AttributeProto.AttributeType number; exactly the field that
     * belongs to it is meaningful.
     */
    public record Attribute(String name, int type, float f, long i, String s, long[] ints) {
        static final int TYPE_FLOAT = 1;
        static final int TYPE_INT = 2;
        static final int TYPE_STRING = 3;
        static final int TYPE_INTS = 7;

        public static Attribute real(String name, float value) {
            return new Attribute(name, TYPE_FLOAT, value, 0, null, null);
        }

        public static Attribute integer(String name, long value) {
            return new Attribute(name, TYPE_INT, 0, value, null, null);
        }

        public static Attribute string(String name, String value) {
            return new Attribute(name, TYPE_STRING, 0, 0, value, null);
        }

        public static Attribute ints(String name, long... values) {
            return new Attribute(name, TYPE_INTS, 0, 0, null, values.clone());
        }
    }

    /** Accumulates a graph in emission order; nodes must be added in topological order. */
    public static final class Builder {
        private final String name;
        private final List<Node> nodes = new ArrayList<>();
        private final List<Tensor> initializers = new ArrayList<>();
        private final List<ValueInfo> inputs = new ArrayList<>();
        private final List<ValueInfo> outputs = new ArrayList<>();

        public Builder(String name) {
            this.name = name;
        }

        /** Adds a single-output node named after its output and returns that output's name. */
        public String node(String opType, String output, List<String> inputs, Attribute... attributes) {
            nodes.add(new Node(output, opType, inputs, List.of(output), List.of(attributes)));
            return output;
        }

        /** Adds an initializer and returns its name. */
        public String initializer(Tensor tensor) {
            initializers.add(tensor);
            return tensor.name();
        }

        public void input(ValueInfo info) {
            inputs.add(info);
        }

        public void output(ValueInfo info) {
            outputs.add(info);
        }

        public OnnxGraph build() {
            return new OnnxGraph(name, nodes, initializers, inputs, outputs);
        }
    }
}
