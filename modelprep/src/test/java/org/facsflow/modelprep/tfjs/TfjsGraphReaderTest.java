package org.facsflow.modelprep.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.facsflow.modelprep.onnx.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

class TfjsGraphReaderTest {

    private static String b64(String text) {
        return "\"" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\"";
    }

    /**
     * A model.json in the form the TF.js converter writes: nodes not in topological order, base64 strings,
     * ":0" tensor names and a control input.
     */
    private static Path writeModel(Path dir, String signature) throws Exception {
        String json = """
            {"format": "graph-model", "modelTopology": {"node": [
              {"name": "Identity_10", "op": "Identity", "input": ["conv"]},
              {"name": "conv", "op": "_FusedConv2D", "input": ["x", "w:0", "b", "^x"], "attr": {
                 "T": {"type": "DT_FLOAT"}, "strides": {"list": {"i": ["1", "2", "2", "1"]}},
                 "padding": {"s": %s}, "data_format": {"s": %s}, "fused_ops": {"list": {"s": [%s, %s]}},
                 "explicit_paddings": {"list": {}}, "num_args": {"i": "1"}, "epsilon": {"f": 0.001},
                 "use_cudnn_on_gpu": {"b": true}}},
              {"name": "w", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}, "value": {"tensor": {}}}},
              {"name": "b", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}}},
              {"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"},
                 "shape": {"shape": {"dim": [{"size": "-1"}, {"size": "5"}, {"size": "5"}, {"size": "2"}]}}}},
              {"name": "Identity_2", "op": "Sigmoid", "input": ["conv"]}]},
             %s
             "weightsManifest": [{"paths": ["model.bin"], "weights": [
               {"name": "w", "shape": [3, 3, 2, 3], "dtype": "float32"},
               {"name": "b", "shape": [3], "dtype": "float32"}]}]}
            """.formatted(b64("SAME"), b64("NHWC"), b64("BiasAdd"), b64("Relu"), signature);
        Files.writeString(dir.resolve("model.json"), json);
        ByteBuffer weights = ByteBuffer.allocate((54 + 3) * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : Tensor.random(3, 57).data()) {
            weights.putFloat(v);
        }
        Files.write(dir.resolve("model.bin"), weights.array());
        return dir.resolve("model.json");
    }

    @Test
    void readsNodesAttributesWeightsAndSignatureOutputs(@TempDir Path dir) throws Exception {
        Path model = writeModel(dir, """
            "userDefinedMetadata": {"signature": {"outputs": {
               "Identity_10:0": {"name": "Identity_10:0"}, "Identity_2:0": {"name": "Identity_2:0"}}}},""");
        TfjsGraph graph = TfjsGraphReader.read(model);

        assertThat(graph.outputs()).containsExactly("Identity_2", "Identity_10");
        TfjsNode conv = graph.node("conv");
        assertThat(conv.inputs()).containsExactly("x", "w", "b");
        assertThat(conv.string("padding", null)).isEqualTo("SAME");
        assertThat(conv.strings("fused_ops")).containsExactly("BiasAdd", "Relu");
        assertThat(conv.longs("strides")).containsExactly(1L, 2L, 2L, 1L);
        assertThat(conv.longs("explicit_paddings")).isEmpty();
        assertThat(conv.bool("use_cudnn_on_gpu", false)).isTrue();
        assertThat(conv.attrs()).containsEntry("epsilon", 0.001).containsEntry("T", "DT_FLOAT");
        assertThat(graph.node("x").longs("shape")).containsExactly(-1L, 5L, 5L, 2L);
        assertThat(graph.weight("w").shape()).containsExactly(3, 3, 2, 3);

        Map<String, Tensor> out = Conformance.check(graph, Map.of("x", Tensor.random(1, 1, 5, 5, 2)), 1e-5);
        assertThat(out.get("Identity_10").shape()).containsExactly(1, 3, 3, 3);
    }

    @Test
    void withoutSignatureTheUnconsumedNodesAreTheOutputs(@TempDir Path dir) throws Exception {
        TfjsGraph graph = TfjsGraphReader.read(writeModel(dir, ""));
        assertThat(graph.outputs()).containsExactly("Identity_2", "Identity_10");
    }

    @Test
    void outputOrderComparesNumericSuffixesAsNumbers() {
        List<String> names = new ArrayList<>(List.of("Identity_10", "scores", "Identity_2", "Identity", "Identity_1"));
        names.sort(TfjsGraphReader.OUTPUT_ORDER);
        assertThat(names).containsExactly("Identity", "Identity_1", "Identity_2", "Identity_10", "scores");
    }

    @Test
    void secondOutputsOfMultiOutputOpsAreRejected(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.json");
        Files.writeString(model, """
            {"modelTopology": {"node": [{"name": "y", "op": "Identity", "input": ["split:1"]}]}, "weightsManifest": []}
            """);
        assertThatThrownBy(() -> TfjsGraphReader.read(model)).hasMessageContaining("split:1").hasMessageContaining("'y'");
    }
}
