package org.facsflow.modelprep.tfjs;

import org.facsflow.modelprep.onnx.OnnxGraph.Attribute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Convolutions and pooling: NHWC windows become ONNX NCHW Conv/MaxPool/AveragePool with explicit pads. */
final class ConvOps {
    private ConvOps() {
    }

    /** Conv2D and _FusedConv2D. */
    static void conv2d(TfjsNode node, Conversion c) {
        convolution(node, c, false);
    }

    /** DepthwiseConv2dNative and FusedDepthwiseConv2dNative. */
    static void depthwise(TfjsNode node, Conversion c) {
        convolution(node, c, true);
    }

    static void maxPool(TfjsNode node, Conversion c) {
        pool(node, c, "MaxPool");
    }

    /** TF's AvgPool leaves padding out of the average, like ONNX's default count_include_pad = 0. */
    static void avgPool(TfjsNode node, Conversion c) {
        pool(node, c, "AveragePool");
    }

    private static void convolution(TfjsNode node, Conversion c, boolean depthwise) {
        requireNhwc(node);
        Value x = c.nchw(c.input(node, 0));
        TfjsTensor filter = c.floatConstant(node, 1);
        int[] f = filter.shape(); // [kh, kw, in, out] or, depthwise, [kh, kw, channels, multiplier]
        long channels = x.shape()[3];
        if (f.length != 4 || f[2] != channels) {
            throw Conversion.error(node, "filter shape " + Arrays.toString(f) + " does not fit "
                    + channels + " input channels");
        }
        long outChannels = depthwise ? (long) f[2] * f[3] : f[3];
        long[] kernel = {f[0], f[1]};
        long[] strides = Window.spatial(node, "strides");
        long[] dilations = Window.spatial(node, "dilations");
        Window window = Window.of(node, x.shape(), kernel, strides, dilations);
        float[] weights = Layouts.transpose(filter.floats(), filter.dims(),
                depthwise ? Layouts.HWCM_TO_CMHW : Layouts.HWIO_TO_OIHW);
        long[] weightDims = depthwise ? new long[] {outChannels, 1, f[0], f[1]} : new long[] {f[3], f[2], f[0], f[1]};
        List<String> inputs = new ArrayList<>(List.of(x.name(), c.floats(node, "weights", weightDims, weights)));

        List<String> fused = node.strings("fused_ops");
        if (!fused.isEmpty()) {
            if (!fused.get(0).equals("BiasAdd") || fused.size() > 2) {
                throw Conversion.error(node,
                    "unsupported fused_ops " + fused + " (BiasAdd with an optional activation)");
            }
            TfjsTensor bias = c.floatConstant(node, 2);
            if (bias.floats().length != outChannels) {
                throw Conversion.error(node,
                    "bias has " + bias.floats().length + " values for " + outChannels + " channels");
            }
            inputs.add(c.floats(node, "bias", new long[] {outChannels}, bias.floats()));
        }
        long[] shape = {x.shape()[0], window.outHeight(), window.outWidth(), outChannels};
        Attribute[] attrs = {
                Attribute.ints("kernel_shape", kernel),
                Attribute.ints("strides", strides),
                Attribute.ints("dilations", dilations),
                Attribute.ints("pads", window.pads()),
                Attribute.integer("group", depthwise ? channels : 1)};
        if (fused.size() == 2) {
            // The activation's parameters, if any (Prelu alpha), follow the bias: input 3.
            Value conv = c.step(node, "conv", "Conv", shape, true, inputs, attrs);
            ElementwiseOps.activation(node, c, fused.get(1), conv, 3);
        } else {
            c.result(node, "Conv", shape, true, inputs, attrs);
        }
    }

    private static void pool(TfjsNode node, Conversion c, String onnxOp) {
        requireNhwc(node);
        Value x = c.nchw(c.input(node, 0));
        long[] kernel = Window.spatial(node, "ksize");
        long[] strides = Window.spatial(node, "strides");
        Window window = Window.of(node, x.shape(), kernel, strides, new long[] {1, 1});
        long[] shape = {x.shape()[0], window.outHeight(), window.outWidth(), x.shape()[3]};
        c.result(node, onnxOp, shape, true, List.of(x.name()),
                Attribute.ints("kernel_shape", kernel),
                Attribute.ints("strides", strides),
                Attribute.ints("pads", window.pads()));
    }

    private static void requireNhwc(TfjsNode node) {
        String format = node.string("data_format", "NHWC");
        if (!format.equals("NHWC")) {
            throw Conversion.error(node, "data_format " + format + " is not supported (NHWC only)");
        }
    }
}
