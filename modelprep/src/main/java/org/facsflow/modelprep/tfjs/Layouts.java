package org.facsflow.modelprep.tfjs;

import java.util.Arrays;

/** Axis permutations between TF's NHWC/HWIO layouts and ONNX's NCHW/OIHW, for shapes and for data. */
final class Layouts {
    /** ONNX Transpose perm taking NHWC to NCHW. */
    static final int[] NHWC_TO_NCHW = {0, 3, 1, 2};
    /** ONNX Transpose perm taking NCHW to NHWC. */
    static final int[] NCHW_TO_NHWC = {0, 2, 3, 1};
    /** Conv2D filter [kh, kw, in, out] to ONNX Conv weight [out, in, kh, kw]. */
    static final int[] HWIO_TO_OIHW = {3, 2, 0, 1};
    /**
     * Depthwise filter [kh, kw, C, M] to [C, M, kh, kw], which in memory is the ONNX grouped-Conv weight
     * [C*M, 1, kh, kw]: TF numbers depthwise output channels c*M + m, as ONNX does with group = C.
     */
    static final int[] HWCM_TO_CMHW = {2, 3, 0, 1};
    /** Where NHWC axis i sits in NCHW. */
    private static final int[] NCHW_AXIS = {0, 2, 3, 1};

    private Layouts() {
    }

    static int nchwAxis(int nhwcAxis) {
        return NCHW_AXIS[nhwcAxis];
    }

    /** out[i] = shape[perm[i]], the shape ONNX Transpose gives. */
    static long[] permute(long[] shape, int[] perm) {
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = shape[perm[i]];
        }
        return out;
    }

    /** Row-major {@code data} of {@code shape}, transposed like ONNX Transpose with {@code perm}. */
    static float[] transpose(float[] data, long[] shape, int[] perm) {
        int rank = shape.length;
        long[] strides = new long[rank];
        long stride = 1;
        for (int axis = rank - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        long[] outShape = permute(shape, perm);
        float[] out = new float[data.length];
        long[] index = new long[rank]; // index into outShape, advanced like an odometer
        for (int i = 0; i < out.length; i++) {
            long source = 0;
            for (int axis = 0; axis < rank; axis++) {
                source += index[axis] * strides[perm[axis]];
            }
            out[i] = data[(int) source];
            for (int axis = rank - 1; axis >= 0 && ++index[axis] == outShape[axis]; axis--) {
                index[axis] = 0;
            }
        }
        return out;
    }

    /** {@code shape} with leading 1s up to {@code rank}, as numpy-style broadcasting aligns it. */
    static long[] withLeadingOnes(long[] shape, int rank) {
        long[] out = new long[rank];
        Arrays.fill(out, 1);
        System.arraycopy(shape, 0, out, rank - shape.length, shape.length);
        return out;
    }

    /** The numpy-style broadcast of two shapes, or null when they do not broadcast. */
    static long[] broadcast(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] x = withLeadingOnes(a, rank);
        long[] y = withLeadingOnes(b, rank);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            if (x[i] != y[i] && x[i] != 1 && y[i] != 1) {
                return null;
            }
            out[i] = Math.max(x[i], y[i]);
        }
        return out;
    }
}
