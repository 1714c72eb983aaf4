package org.facsflow.modelprep.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import org.facsflow.models.OnnxRuntimeLibraries;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An ONNX model loaded in ONNX Runtime on one thread, run with float32 inputs of their declared shapes. */
public final class OrtModel implements AutoCloseable {
    private static final OrtEnvironment ENV;

    static {
        OnnxRuntimeLibraries.useCachedCopy();
        ENV = OrtEnvironment.getEnvironment();
    }

    /** ONNX Runtime's environment, its libraries loaded from facsflow's cache. */
    static OrtEnvironment environment() {
        return ENV;
    }
    private final OrtSession session;

    public OrtModel(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = ENV.createSession(model, options);
        }
    }

    public List<String> inputNames() {
        return List.copyOf(session.getInputNames());
    }

    /** Output names in the model's output order. */
    public List<String> outputNames() {
        return List.copyOf(session.getOutputNames());
    }

    public long[] inputShape(String name) throws OrtException {
        return ((TensorInfo) session.getInputInfo().get(name).getInfo()).getShape();
    }

    /** Runs the model; returns every output (with its shape) by name, in output order. */
    public Map<String, Tensor> run(Map<String, float[]> inputs) throws OrtException {
        Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, float[]> input : inputs.entrySet()) {
                feeds.put(input.getKey(), OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input.getValue()),
                    inputShape(input.getKey())));
            }
            Map<String, Tensor> outputs = new LinkedHashMap<>();
            try (OrtSession.Result result = session.run(feeds)) {
                for (Map.Entry<String, OnnxValue> output : result) {
                    OnnxTensor tensor = (OnnxTensor) output.getValue();
                    FloatBuffer buffer = tensor.getFloatBuffer();
                    float[] data = new float[buffer.remaining()];
                    buffer.get(data);
                    outputs.put(output.getKey(), new Tensor(tensor.getInfo().getShape(), data));
                }
            }
            return outputs;
        } finally {
            for (OnnxTensor tensor : feeds.values()) {
                tensor.close();
            }
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
