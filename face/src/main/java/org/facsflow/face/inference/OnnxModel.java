package org.facsflow.face.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import org.facsflow.models.OnnxRuntimeLibraries;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ONNX model with one float input, run by ONNX Runtime. It owns direct input and output buffers, wrapped once as
 * tensors that every run reuses: its {@link Translator} fills the input in place, and ONNX Runtime writes the
 * outputs into theirs, so a call allocates no native memory. Not thread-safe: one per thread.
 */
public final class OnnxModel implements AutoCloseable {
    private static final OrtEnvironment ENV;

    static {
        OnnxRuntimeLibraries.useCachedCopy();
        ENV = OrtEnvironment.getEnvironment();
    }

    private final OrtSession session;
    private final long[] inputShape;
    private final FloatBuffer input;
    private final Map<String, OnnxTensor> inputs;
    private final FloatBuffer[] outputs;
    private final Map<String, OnnxTensor> pinnedOutputs = new LinkedHashMap<>();

    public OnnxModel(Path file) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            // Spinning worker threads made a 2-core machine 2-4x slower (STACK.md).
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = OptimizedModels.open(ENV, file, options);
            Map.Entry<String, NodeInfo> in = session.getInputInfo().entrySet().iterator().next();
            inputShape = batchOfOne(in.getValue());
            input = floats(inputShape);
            inputs = Map.of(in.getKey(), OnnxTensor.createTensor(ENV, input, inputShape));
            List<FloatBuffer> buffers = new ArrayList<>();
            for (Map.Entry<String, NodeInfo> out : session.getOutputInfo().entrySet()) {
                long[] shape = batchOfOne(out.getValue());
                FloatBuffer buffer = floats(shape);
                buffers.add(buffer);
                pinnedOutputs.put(out.getKey(), OnnxTensor.createTensor(ENV, buffer, shape));
            }
            outputs = buffers.toArray(FloatBuffer[]::new);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load ONNX model " + file + ": " + e.getMessage(), e);
        }
    }

    /** The tensor's shape with a dynamic batch fixed to 1; every other dimension of our models is static. */
    private static long[] batchOfOne(NodeInfo info) {
        long[] shape = ((TensorInfo) info.getInfo()).getShape().clone();
        if (shape[0] < 0) shape[0] = 1;
        return shape;
    }

    private static FloatBuffer floats(long[] shape) {
        long elements = 1;
        for (long d : shape) elements *= d;
        return ByteBuffer.allocateDirect((int) elements * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** The input shape, batch fixed to 1 (NHWC for every model facsflow converts). */
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** The input buffer, rewound, for a translator to fill. */
    public FloatBuffer inputBuffer() {
        return input.clear();
    }

    /** Runs the model on the filled input buffer; outputs in the model's declared order, each flattened. */
    public float[][] run() {
        try (OrtSession.Result ignored = session.run(inputs, pinnedOutputs)) {
            float[][] values = new float[outputs.length][];
            for (int i = 0; i < values.length; i++) {
                FloatBuffer out = outputs[i].rewind();
                values[i] = new float[out.remaining()];
                out.get(values[i]);
            }
            return values;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        inputs.values().forEach(OnnxTensor::close);
        pinnedOutputs.values().forEach(OnnxTensor::close);
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
