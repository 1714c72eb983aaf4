package org.facsflow.modelprep.tfjs;

import java.util.List;

/**
 * The output size and ONNX {@code pads} of a TF convolution or pooling window over H and W.
 *
 * <p>TF's SAME pads {@code max((out-1)*stride + k_eff - in, 0)} in total, the smaller half before and the
 * larger after: that is ONNX SAME_UPPER, written here as explicit pads so that no runtime has to
 * reproduce the rule (it matters for stride 2 on even sizes, where the single pad goes after).
 *
 * @param pads ONNX order: top, left, bottom, right
 */
record Window(long outHeight, long outWidth, long[] pads) {

    /**
     * @param node supplies {@code padding} (SAME, VALID or EXPLICIT with {@code explicit_paddings})
     * @param in NHWC input shape
     * @param kernel kernel height and width
     * @param strides stride over H and W
     * @param dilations dilation over H and W
     */
    static Window of(TfjsNode node, long[] in, long[] kernel, long[] strides, long[] dilations) {
        String padding = node.string("padding", "");
        long[] before = new long[2];
        long[] after = new long[2];
        long[] out = new long[2];
        for (int d = 0; d < 2; d++) {
            long size = in[1 + d];
            long extent = (kernel[d] - 1) * dilations[d] + 1;
            switch (padding) {
                case "VALID" -> out[d] = Math.floorDiv(size - extent, strides[d]) + 1;
                case "SAME" -> {
                    out[d] = Math.floorDiv(size + strides[d] - 1, strides[d]);
                    long total = Math.max((out[d] - 1) * strides[d] + extent - size, 0);
                    before[d] = total / 2;
                    after[d] = total - before[d];
                }
                case "EXPLICIT" -> {
                    List<Long> explicit = node.longs("explicit_paddings"); // NHWC (before, after) pairs
                    if (explicit.size() != 8) {
                        throw Conversion.error(node, "EXPLICIT padding needs 8 explicit_paddings, got " + explicit);
                    }
                    before[d] = explicit.get(2 + 2 * d);
                    after[d] = explicit.get(3 + 2 * d);
                    out[d] = Math.floorDiv(size + before[d] + after[d] - extent, strides[d]) + 1;
                }
                default -> throw Conversion.error(node, "unsupported padding '" + padding + "'");
            }
            if (out[d] < 1) {
                throw Conversion.error(node, "window " + extent + " does not fit input size " + size);
            }
        }
        return new Window(out[0], out[1], new long[] {before[0], before[1], after[0], after[1]});
    }

    /** The H and W entries of an NHWC attribute such as strides or ksize, checking N and C are 1. */
    static long[] spatial(TfjsNode node, String attr) {
        List<Long> values = node.longs(attr);
        if (values.isEmpty() && attr.equals("dilations")) {
            return new long[] {1, 1};
        }
        if (values.size() != 4 || values.get(0) != 1 || values.get(3) != 1) {
            throw Conversion.error(node, attr + " must be [1, h, w, 1], got " + values);
        }
        return new long[] {values.get(1), values.get(2)};
    }
}
