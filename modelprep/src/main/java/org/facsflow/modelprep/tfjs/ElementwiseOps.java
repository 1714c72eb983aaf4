package org.facsflow.modelprep.tfjs;

import org.facsflow.modelprep.onnx.OnnxGraph.Attribute;

import java.util.Arrays;
import java.util.List;

/**
 * Element-wise ops, which work in whatever layout their input already has: binary arithmetic with TF
 * broadcasting, activations, Softmax and Identity.
 */
final class ElementwiseOps {
    private ElementwiseOps() {
    }

    static void add(TfjsNode node, Conversion c) {
        binary(node, c, "Add");
    }

    static void sub(TfjsNode node, Conversion c) {
        binary(node, c, "Sub");
    }

    static void mul(TfjsNode node, Conversion c) {
        binary(node, c, "Mul");
    }

    static void div(TfjsNode node, Conversion c) {
        binary(node, c, "Div");
    }

    static void relu(TfjsNode node, Conversion c) {
        activation(node, c, "Relu", c.input(node, 0), -1);
    }

    static void relu6(TfjsNode node, Conversion c) {
        activation(node, c, "Relu6", c.input(node, 0), -1);
    }

    static void sigmoid(TfjsNode node, Conversion c) {
        activation(node, c, "Sigmoid", c.input(node, 0), -1);
    }

    static void prelu(TfjsNode node, Conversion c) {
        activation(node, c, "Prelu", c.input(node, 0), 1);
    }

    /** Identity adds no ONNX node: the TF node just names its input's value. */
    static void identity(TfjsNode node, Conversion c) {
        c.define(node, c.input(node, 0));
    }

    /** TF's Softmax normalises the last axis, which is axis 1 when the value is held as NCHW. */
    static void softmax(TfjsNode node, Conversion c) {
        Value x = c.input(node, 0);
        c.result(node, "Softmax", x.shape(), x.nchw(), List.of(x.name()), Attribute.integer("axis", x.nchw() ? 1 : -1));
    }

    /**
     * Applies TF activation {@code kind} to {@code x} as the value of {@code node}.
     *
     * @param alphaInput the node input holding Prelu's alpha (unused by other kinds)
     */
    static void activation(TfjsNode node, Conversion c, String kind, Value x, int alphaInput) {
        if (kind.equals("Prelu")) {
            prelu(node, c, x, c.operand(node, alphaInput, x.nchw()));
            return;
        }
        List<String> inputs = switch (kind) {
            case "Relu", "Sigmoid" -> List.of(x.name());
            // Relu6 is Clip(0, 6); since opset 11 Clip takes its bounds as scalar inputs.
            case "Relu6" -> List.of(x.name(), c.floats(node, "min", new long[0], new float[] {0}),
                    c.floats(node, "max", new long[0], new float[] {6}));
            default -> throw Conversion.error(node, "unsupported activation " + kind);
        };
        String op = kind.equals("Relu6") ? "Clip" : kind;
        c.result(node, op, x.shape(), x.nchw(), inputs);
    }

    /**
     * TF.js Prelu(x, alpha) = x < 0 ? alpha * x : x, written as Relu(x) + alpha * Min(x, 0): the same values as ONNX's
     * PRelu, but ONNX Runtime's PRelu kernel made the mesh and iris models about 1.8x slower on a CPU.
     */
    private static void prelu(TfjsNode node, Conversion c, Value x, String alpha) {
        Value positive = c.step(node, "positive", "Relu", x.shape(), x.nchw(), List.of(x.name()));
        String zero = c.floats(node, "zero", new long[0], new float[] {0});
        Value negative = c.step(node, "negative", "Min", x.shape(), x.nchw(), List.of(x.name(), zero));
        Value scaled = c.step(node, "scaled", "Mul", x.shape(), x.nchw(), List.of(negative.name(), alpha));
        c.result(node, "Add", x.shape(), x.nchw(), List.of(positive.name(), scaled.name()));
    }

    /** Binary arithmetic with numpy-style broadcasting; at most one operand may be a constant. */
    private static void binary(TfjsNode node, Conversion c, String onnxOp) {
        boolean constantA = c.isConstant(node, 0);
        boolean constantB = c.isConstant(node, 1);
        if (constantA && constantB) {
            throw Conversion.error(node, "both operands are constants");
        }
        Value a;
        Value b;
        if (constantA || constantB) {
            int computed = constantA ? 1 : 0;
            Value x = c.input(node, computed);
            if (x.rank() == 4) {
                x = c.nchw(x);
            }
            // The constant's initializer is laid out to broadcast against x; its TF shape drives the result shape.
            TfjsTensor k = c.floatConstant(node, 1 - computed);
            Value constant = new Value(c.operand(node, 1 - computed, x.nchw()), k.dims(), false);
            a = constantA ? constant : x;
            b = constantA ? x : constant;
        } else {
            a = c.input(node, 0);
            b = c.input(node, 1);
            // Two rank-4 tensors meet in NCHW; anything else broadcasts in TF layout.
            boolean nchw = a.rank() == 4 && b.rank() == 4;
            a = nchw ? c.nchw(a) : c.nhwc(a);
            b = nchw ? c.nchw(b) : c.nhwc(b);
        }
        long[] shape = Layouts.broadcast(a.shape(), b.shape());
        if (shape == null) {
            throw Conversion.error(node, "shapes " + Arrays.toString(a.shape()) + " and "
                    + Arrays.toString(b.shape()) + " do not broadcast");
        }
        c.result(node, onnxOp, shape, a.nchw() || b.nchw(), List.of(a.name(), b.name()));
    }
}
