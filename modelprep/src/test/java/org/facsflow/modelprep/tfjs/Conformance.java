package org.facsflow.modelprep.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.facsflow.modelprep.onnx.OrtModel;
import org.facsflow.modelprep.onnx.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts a graph, runs it in ONNX Runtime and compares every output with {@link ReferenceInterpreter}. */
public final class Conformance {
    private Conformance() {
    }

    /**
     * @param inputs placeholder values by name
     * @param tolerance allowed |onnx - reference| per element, scaled by max(1, |reference|)
     * @return the ONNX Runtime outputs
     */
    public static Map<String, Tensor> check(TfjsGraph graph, Map<String, Tensor> inputs, double tolerance)
            throws Exception {
        Map<String, float[]> feeds = new LinkedHashMap<>();
        inputs.forEach((name, tensor) -> feeds.put(name, tensor.data()));
        Map<String, Tensor> expected = ReferenceInterpreter.run(graph, feeds);
        Map<String, Tensor> actual;
        try (OrtModel model = new OrtModel(TfjsToOnnx.convert(graph))) {
            assertThat(model.outputNames()).containsExactlyElementsOf(graph.outputs());
            for (Map.Entry<String, Tensor> input : inputs.entrySet()) {
                assertThat(model.inputShape(input.getKey())).containsExactly(input.getValue().shape());
            }
            actual = model.run(feeds);
        }
        for (String output : graph.outputs()) {
            assertClose(output, actual.get(output), expected.get(output), tolerance);
        }
        return actual;
    }

    public static void assertClose(String what, Tensor actual, Tensor expected, double tolerance) {
        assertThat(actual.shape()).as(what + " shape").containsExactly(expected.shape());
        for (int i = 0; i < expected.size(); i++) {
            float e = expected.data()[i];
            assertThat(actual.data()[i]).as("%s[%d] of %s", what, i, Arrays.toString(expected.shape()))
                .isCloseTo(e, within((float) (tolerance * Math.max(1, Math.abs(e)))));
        }
    }

    /** Attributes of an NHWC window op. */
    public static Map<String, Object> window(String padding, long stride, Object... more) {
        Map<String, Object> attrs = new LinkedHashMap<>(Map.of(
            "strides", List.of(1L, stride, stride, 1L), "padding", padding, "data_format", "NHWC"));
        for (int i = 0; i < more.length; i += 2) {
            attrs.put((String) more[i], more[i + 1]);
        }
        return attrs;
    }
}
