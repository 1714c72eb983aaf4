package org.facsflow.modelprep.tfjs;

import java.util.Arrays;

/**
 * A constant tensor of a TF.js graph, already dequantised: either float32 ({@link #floats()}) or int32
 * ({@link #ints()}) values in row-major order of {@link #shape()} (TF's layout, e.g. HWIO for filters).
 */
public record TfjsTensor(int[] shape, float[] floats, int[] ints) {

    public TfjsTensor {
        shape = shape.clone();
        if ((floats == null) == (ints == null)) {
            throw new IllegalArgumentException("exactly one of floats and ints must be given");
        }
        long size = size(shape);
        long length = floats != null ? floats.length : ints.length;
        if (length != size) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + size + " values, got " + length);
        }
    }

    public static TfjsTensor ofFloats(int[] shape, float... values) {
        return new TfjsTensor(shape, values, null);
    }

    public static TfjsTensor ofInts(int[] shape, int... values) {
        return new TfjsTensor(shape, null, values);
    }

    public boolean isFloat() {
        return floats != null;
    }

    /** The shape as ONNX dims. */
    public long[] dims() {
        return Arrays.stream(shape).asLongStream().toArray();
    }

    static long size(int[] shape) {
        long size = 1;
        for (int dim : shape) {
            size *= dim;
        }
        return size;
    }
}
