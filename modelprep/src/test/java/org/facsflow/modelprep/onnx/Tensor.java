package org.facsflow.modelprep.onnx;

import java.util.Arrays;
import java.util.Random;

/** A float tensor in row-major order, for test inputs, references and runtime outputs. */
public record Tensor(long[] shape, float[] data) {

    public Tensor {
        if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != data.length) {
            throw new IllegalArgumentException(Arrays.toString(shape) + " does not hold " + data.length + " values");
        }
    }

    public int size() {
        return data.length;
    }

    public int rank() {
        return shape.length;
    }

    /** Seeded values uniform in [-1, 1). */
    public static Tensor random(long seed, long... shape) {
        Random random = new Random(seed);
        float[] data = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b))];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat() * 2 - 1;
        }
        return new Tensor(shape, data);
    }

    public static Tensor filled(float value, long... shape) {
        float[] data = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b))];
        Arrays.fill(data, value);
        return new Tensor(shape, data);
    }
}
