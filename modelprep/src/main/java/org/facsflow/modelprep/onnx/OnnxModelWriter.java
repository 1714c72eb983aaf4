package org.facsflow.modelprep.onnx;

import com.google.protobuf.CodedOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serialises an {@link OnnxGraph} as ONNX ModelProto bytes without generated protobuf classes.
 *
 * <p>Field numbers are those of onnx/onnx.proto (checked against the upstream file): writing them by hand
 * keeps the build free of protoc and of a 2 MB generated onnx-java jar. Repeated scalars are written
 * unpacked, as proto2 declares them; every parser accepts that. Nothing time- or hash-dependent is written,
 * so the same graph always gives the same bytes.
 */
public final class OnnxModelWriter {

    /** IR version 8 (2021): understood by every ONNX Runtime since 1.10. */
    public static final long IR_VERSION = 8;
    /** Default-domain opset; 13 keeps ReduceMean's axes as an attribute and Pad/Clip take inputs. */
    public static final long OPSET = 13;
    public static final String PRODUCER = "facsflow-modelprep";

    // ModelProto
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_PRODUCER_NAME = 2;
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_OPSET_IMPORT = 8;
    // OperatorSetIdProto
    private static final int OPSET_VERSION = 2;
    // GraphProto
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_NAME = 2;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    // NodeProto
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    // AttributeProto
    private static final int ATTR_NAME = 1;
    private static final int ATTR_F = 2;
    private static final int ATTR_I = 3;
    private static final int ATTR_S = 4;
    private static final int ATTR_INTS = 8;
    private static final int ATTR_TYPE = 20;
    // TensorProto
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    // ValueInfoProto, TypeProto, TypeProto.Tensor, TensorShapeProto(.Dimension)
    private static final int VALUE_INFO_NAME = 1;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR_TYPE = 1;
    private static final int TENSOR_TYPE_ELEM_TYPE = 1;
    private static final int TENSOR_TYPE_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIMENSION_DIM_VALUE = 1;

    private OnnxModelWriter() {
    }

    public static byte[] write(OnnxGraph graph) {
        return message(out -> {
            out.writeInt64(MODEL_IR_VERSION, IR_VERSION);
            out.writeString(MODEL_PRODUCER_NAME, PRODUCER);
            out.writeByteArray(MODEL_GRAPH, graph(graph));
            // The default domain is the empty string, which proto2 lets us omit.
            out.writeByteArray(MODEL_OPSET_IMPORT, message(o -> o.writeInt64(OPSET_VERSION, OPSET)));
        });
    }

    private static byte[] graph(OnnxGraph graph) {
        return message(out -> {
            for (OnnxGraph.Node node : graph.nodes()) {
                out.writeByteArray(GRAPH_NODE, node(node));
            }
            out.writeString(GRAPH_NAME, graph.name());
            for (OnnxGraph.Tensor tensor : graph.initializers()) {
                out.writeByteArray(GRAPH_INITIALIZER, tensor(tensor));
            }
            for (OnnxGraph.ValueInfo input : graph.inputs()) {
                out.writeByteArray(GRAPH_INPUT, valueInfo(input));
            }
            for (OnnxGraph.ValueInfo output : graph.outputs()) {
                out.writeByteArray(GRAPH_OUTPUT, valueInfo(output));
            }
        });
    }

    private static byte[] node(OnnxGraph.Node node) {
        return message(out -> {
            for (String input : node.inputs()) {
                out.writeString(NODE_INPUT, input);
            }
            for (String output : node.outputs()) {
                out.writeString(NODE_OUTPUT, output);
            }
            out.writeString(NODE_NAME, node.name());
            out.writeString(NODE_OP_TYPE, node.opType());
            for (OnnxGraph.Attribute attribute : node.attributes()) {
                out.writeByteArray(NODE_ATTRIBUTE, attribute(attribute));
            }
        });
    }

    private static byte[] attribute(OnnxGraph.Attribute a) {
        return message(out -> {
            out.writeString(ATTR_NAME, a.name());
            switch (a.type()) {
                case OnnxGraph.Attribute.TYPE_FLOAT -> out.writeFloat(ATTR_F, a.f());
                case OnnxGraph.Attribute.TYPE_INT -> out.writeInt64(ATTR_I, a.i());
                case OnnxGraph.Attribute.TYPE_STRING ->
                    out.writeByteArray(ATTR_S, a.s().getBytes(StandardCharsets.UTF_8));
                case OnnxGraph.Attribute.TYPE_INTS -> {
                    for (long value : a.ints()) {
                        out.writeInt64(ATTR_INTS, value);
                    }
                }
                default -> throw new IllegalArgumentException("attribute type " + a.type());
            }
            out.writeEnum(ATTR_TYPE, a.type());
        });
    }

    private static byte[] tensor(OnnxGraph.Tensor t) {
        return message(out -> {
            for (long dim : t.dims()) {
                out.writeInt64(TENSOR_DIMS, dim);
            }
            out.writeInt32(TENSOR_DATA_TYPE, t.dataType());
            out.writeString(TENSOR_NAME, t.name());
            out.writeByteArray(TENSOR_RAW_DATA, t.rawData());
        });
    }

    private static byte[] valueInfo(OnnxGraph.ValueInfo info) {
        byte[] shape = message(out -> {
            for (long dim : info.shape()) {
                out.writeByteArray(SHAPE_DIM, message(o -> o.writeInt64(DIMENSION_DIM_VALUE, dim)));
            }
        });
        byte[] tensorType = message(out -> {
            out.writeInt32(TENSOR_TYPE_ELEM_TYPE, info.elemType());
            out.writeByteArray(TENSOR_TYPE_SHAPE, shape);
        });
        return message(out -> {
            out.writeString(VALUE_INFO_NAME, info.name());
            out.writeByteArray(VALUE_INFO_TYPE, message(o -> o.writeByteArray(TYPE_TENSOR_TYPE, tensorType)));
        });
    }

    /** Body of one protobuf message; nested messages are written length-delimited from their bytes. */
    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            body.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
