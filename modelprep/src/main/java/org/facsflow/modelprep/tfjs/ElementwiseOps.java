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
            prelu(node, c, x, alphaInput);
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
     * TF.js Prelu(x, alpha) = x < 0 ? alpha * x : x. On an NCHW tensor with one alpha per channel it is written
     * alpha * x + (1 - alpha) * Relu(x), every scaling a 1x1 depthwise Conv: ONNX Runtime keeps that chain in its
     * blocked (NCHWc) layout and fuses the Relu and the Add into the convolutions, where its PRelu kernel, or
     * Relu + Min + Mul + Add, leave that layout twice per activation and ran the mesh and iris models about 1.5x
     * slower. When every alpha is below 1, (1 - alpha) * Relu(x) = Relu((1 - alpha) * x) saves one of the three.
     */
    private static void prelu(TfjsNode node, Conversion c, Value x, int alphaInput) {
        float[] alpha = c.floatConstant(node, alphaInput).floats();
        if (!x.nchw() || alpha.length != x.shape()[3]) {
            c.result(node, "PRelu", x.shape(), x.nchw(), List.of(x.name(), c.operand(node, alphaInput, x.nchw())));
            return;
        }
        float[] rest = new float[alpha.length];
        boolean allBelowOne = true;
        for (int i = 0; i < rest.length; i++) {
            rest[i] = 1 - alpha[i];
            allBelowOne &= rest[i] > 0;
        }
        float[] ones = new float[alpha.length];
        Arrays.fill(ones, 1);
        Value linear = channelScale(node, c, x, "linear", alpha);
        Value scaled = channelScale(node, c, x, "rectify", allBelowOne ? rest : ones);
        Value rectified = c.step(node, "rectified", "Relu", x.shape(), true, List.of(scaled.name()));
        if (!allBelowOne) {
            rectified = channelScale(node, c, rectified, "rest", rest);
        }
        c.result(node, "Add", x.shape(), true, List.of(linear.name(), rectified.name()));
    }

    /** x (NCHW) times one factor per channel, as a 1x1 depthwise convolution. */
    private static Value channelScale(TfjsNode node, Conversion c, Value x, String role, float[] factors) {
        long channels = factors.length;
        String weights = c.floats(node, role + "/weights", new long[] {channels, 1, 1, 1}, factors);
        return c.step(node, role, "Conv", x.shape(), true, List.of(x.name(), weights),
                Attribute.ints("kernel_shape", 1, 1),
                Attribute.integer("group", channels));
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
