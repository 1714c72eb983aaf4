package org.facsflow.face.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One ONNX model with one float input, run by ONNX Runtime. It owns a direct input buffer that its
 * {@link Translator} fills in place, so a frame costs no tensor copies. Not thread-safe: one per thread.
 */
public final class OnnxModel implements AutoCloseable {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private final OrtSession session;
    private final String inputName;
    private final long[] inputShape;
    private final FloatBuffer input;
    private final List<String> outputNames;

    public OnnxModel(Path file) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            // Spinning worker threads made a 2-core machine 2-4x slower (STACK.md).
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = ENV.createSession(file.toString(), options);
            Map.Entry<String, NodeInfo> in = session.getInputInfo().entrySet().iterator().next();
            inputName = in.getKey();
            inputShape = ((TensorInfo) in.getValue().getInfo()).getShape().clone();
            if (inputShape[0] < 0) inputShape[0] = 1;
            long elements = 1;
            for (long d : inputShape) elements *= d;
            input = ByteBuffer.allocateDirect((int) elements * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            outputNames = new ArrayList<>(session.getOutputNames());
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load ONNX model " + file + ": " + e.getMessage(), e);
        }
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
        input.rewind();
        try (OnnxTensor tensor = OnnxTensor.createTensor(ENV, input, inputShape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            float[][] outputs = new float[outputNames.size()][];
            for (int i = 0; i < outputs.length; i++) {
                FloatBuffer out = ((OnnxTensor) result.get(i)).getFloatBuffer();
                outputs[i] = new float[out.remaining()];
                out.get(outputs[i]);
            }
            return outputs;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
