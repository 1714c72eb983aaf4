package org.facsflow.modelprep.tfjs;

import org.facsflow.modelprep.onnx.OnnxGraph.Attribute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Ops whose axes or element order depend on the layout: Reshape, ConcatV2, Pad, Mean and MatMul. */
final class ShapeOps {
    private ShapeOps() {
    }

    /** The shape comes from a constant; -1 is resolved here so that the ONNX model is fully static. */
    static void reshape(TfjsNode node, Conversion c) {
        Value x = c.input(node, 0);
        long[] shape = c.intConstant(node, 1);
        long size = Arrays.stream(x.shape()).reduce(1, (p, d) -> p * d);
        long known = 1;
        int unknown = -1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1 && unknown < 0) {
                unknown = i;
            } else {
                known *= shape[i];
            }
        }
        if (unknown >= 0 && known > 0) {
            shape[unknown] = size / known;
            known *= shape[unknown];
        }
        if (known != size) {
            throw Conversion.error(node, "cannot reshape " + Arrays.toString(x.shape()) + " to "
                    + Arrays.toString(c.intConstant(node, 1)));
        }
        reshapeTo(node, c, x, shape);
    }

    /** ConcatV2: inputs 0..n-2 are the tensors, the last input the axis. */
    static void concat(TfjsNode node, Conversion c) {
        int count = node.inputs().size() - 1;
        Value first = c.input(node, 0);
        int rank = first.rank();
        int axis = axis(node, c.intConstant(node, count)[0], rank);
        long[] shape = first.shape().clone();
        shape[axis] = 0;
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Value x = c.input(node, i);
            if (x.rank() != rank) {
                throw Conversion.error(node, "inputs of different ranks");
            }
            x = rank == 4 ? c.nchw(x) : x;
            inputs.add(x.name());
            shape[axis] += x.shape()[axis];
        }
        c.result(node, "Concat", shape, rank == 4, inputs,
                Attribute.integer("axis", rank == 4 ? Layouts.nchwAxis(axis) : axis));
    }

    /** Pad (zeros) and PadV2 (a constant value, input 2); paddings are [rank, 2] (before, after) pairs. */
    static void pad(TfjsNode node, Conversion c) {
        Value x = c.input(node, 0);
        if (x.rank() == 4) {
            x = c.nchw(x);
        }
        long[] paddings = c.intConstant(node, 1);
        int rank = x.rank();
        if (paddings.length != 2 * rank) {
            throw Conversion.error(node, "paddings " + Arrays.toString(paddings) + " do not fit rank " + rank);
        }
        long[] pads = new long[2 * rank]; // ONNX: all befores, then all afters, in ONNX axis order
        long[] shape = x.shape().clone();
        for (int axis = 0; axis < rank; axis++) {
            int onnxAxis = x.nchw() ? Layouts.nchwAxis(axis) : axis;
            pads[onnxAxis] = paddings[2 * axis];
            pads[rank + onnxAxis] = paddings[2 * axis + 1];
            shape[axis] += paddings[2 * axis] + paddings[2 * axis + 1];
        }
        if (x.nchw() && node.inputs().size() == 2 && onlyTrailingChannels(paddings)) {
            channelPadding(node, c, x, shape);
            return;
        }
        List<String> inputs = new ArrayList<>(List.of(x.name(), c.int64s(node, "pads", pads)));
        if (node.inputs().size() > 2) {
            inputs.add(c.operand(node, 2, false));
        }
        c.result(node, "Pad", shape, x.nchw(), inputs);
    }

    /** Whether rank-4 NHWC paddings pad only after the channels (axis 3's "after" entry, index 2 * 3 + 1). */
    private static boolean onlyTrailingChannels(long[] paddings) {
        int channelsAfter = 2 * 3 + 1;
        for (int i = 0; i < paddings.length; i++) {
            if (paddings[i] != 0 && i != channelsAfter) return false;
        }
        return true;
    }

    /**
     * Zeros appended to the channels (BlazeFace-style residual blocks widen their shortcut so) as a 1x1 Conv whose
     * weights copy the input channels: ONNX Runtime runs it in its blocked (NCHWc) layout, where its Pad kernel
     * makes it convert the tensor out of that layout and back.
     */
    private static void channelPadding(TfjsNode node, Conversion c, Value x, long[] shape) {
        int in = (int) x.shape()[3];
        int out = (int) shape[3];
        float[] weights = new float[out * in];
        for (int i = 0; i < in; i++) weights[i * in + i] = 1;
        c.result(node, "Conv", shape, true, List.of(x.name(), c.floats(node, "copy", new long[] {out, in, 1, 1}, weights)),
                Attribute.ints("kernel_shape", 1, 1));
    }

    /** Mean over constant axes; without keep_dims the reduced axes are then removed by a reshape. */
    static void mean(TfjsNode node, Conversion c) {
        Value x = c.input(node, 0);
        if (x.rank() == 4) {
            x = c.nchw(x);
        }
        long[] kept = x.shape().clone();
        List<Long> onnxAxes = new ArrayList<>();
        List<Long> remaining = new ArrayList<>();
        boolean[] reduced = new boolean[x.rank()];
        for (long a : c.intConstant(node, 1)) {
            reduced[axis(node, a, x.rank())] = true;
        }
        for (int axis = 0; axis < x.rank(); axis++) {
            if (reduced[axis]) {
                kept[axis] = 1;
                onnxAxes.add((long) (x.nchw() ? Layouts.nchwAxis(axis) : axis));
            } else {
                remaining.add(x.shape()[axis]);
            }
        }
        List<String> inputs = List.of(x.name());
        Attribute axes = Attribute.ints("axes", onnxAxes.stream().sorted().mapToLong(Long::longValue).toArray());
        if (node.bool("keep_dims", false)) {
            c.result(node, "ReduceMean", kept, x.nchw(), inputs, axes, Attribute.integer("keepdims", 1));
        } else {
            Value mean = c.step(node, "mean", "ReduceMean", kept, x.nchw(), inputs, axes,
                Attribute.integer("keepdims", 1));
            reshapeTo(node, c, mean, remaining.stream().mapToLong(Long::longValue).toArray());
        }
    }

    /** 2-D MatMul; transpose_a / transpose_b become Transpose nodes (constant-folded by runtimes). */
    static void matMul(TfjsNode node, Conversion c) {
        Value a = matrix(node, c, 0, node.bool("transpose_a", false));
        Value b = matrix(node, c, 1, node.bool("transpose_b", false));
        if (a.shape()[1] != b.shape()[0]) {
            throw Conversion.error(node,
                "cannot multiply " + Arrays.toString(a.shape()) + " by " + Arrays.toString(b.shape()));
        }
        c.result(node, "MatMul", new long[] {a.shape()[0], b.shape()[1]}, false, List.of(a.name(), b.name()));
    }

    private static Value matrix(TfjsNode node, Conversion c, int index, boolean transpose) {
        Value m = c.isConstant(node, index)
                ? new Value(c.operand(node, index, false), c.floatConstant(node, index).dims(), false)
                : c.input(node, index);
        if (m.rank() != 2) {
            throw Conversion.error(node, "MatMul input " + index + " has rank " + m.rank() + ", only 2 is supported");
        }
        if (!transpose) {
            return m;
        }
        return c.step(node, "transpose" + index, "Transpose", new long[] {m.shape()[1], m.shape()[0]}, false,
                List.of(m.name()), Attribute.ints("perm", 1, 0));
    }

    /**
     * Reshapes in TF element order: an NCHW value is first transposed back to NHWC, so that flattening
     * gives the same sequence as in TF.js.
     */
    private static void reshapeTo(TfjsNode node, Conversion c, Value x, long[] shape) {
        Value source = c.nhwc(x);
        c.result(node, "Reshape", shape, false, List.of(source.name(), c.int64s(node, "shape", shape)));
    }

    private static int axis(TfjsNode node, long axis, int rank) {
        long normalised = axis < 0 ? axis + rank : axis;
        if (normalised < 0 || normalised >= rank) {
            throw Conversion.error(node, "axis " + axis + " out of range for rank " + rank);
        }
        return (int) normalised;
    }
}
