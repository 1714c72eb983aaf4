package org.facsflow.modelprep.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import org.facsflow.modelprep.onnx.OnnxGraph.Attribute;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class OnnxModelWriterTest {

    /**
     * x [1,2,3] -> Add k -> LeakyRelu (float attr) -> Transpose (ints attr) -> Softmax (int attr) -> y,
     * and x -> Pad (string attr, int64 initializer) -> p.
     */
    private static OnnxGraph graph() {
        OnnxGraph.Builder b = new OnnxGraph.Builder("writer-test");
        b.input(new OnnxGraph.ValueInfo("x", OnnxGraph.FLOAT, new long[] {1, 2, 3}));
        String k = b.initializer(OnnxGraph.Tensor.floats("k", new long[] {3}, new float[] {1, -2, 0.5f}));
        String sum = b.node("Add", "sum", List.of("x", k));
        String leaky = b.node("LeakyRelu", "leaky", List.of(sum), Attribute.real("alpha", 0.25f));
        String transposed = b.node("Transpose", "transposed", List.of(leaky), Attribute.ints("perm", 0, 2, 1));
        b.node("Softmax", "y", List.of(transposed), Attribute.integer("axis", 1));
        String pads = b.initializer(OnnxGraph.Tensor.int64s("pads", new long[] {6}, new long[] {0, 0, 1, 0, 0, 0}));
        b.node("Pad", "p", List.of("x", pads), Attribute.string("mode", "edge"));
        b.output(new OnnxGraph.ValueInfo("y", OnnxGraph.FLOAT, new long[] {1, 3, 2}));
        b.output(new OnnxGraph.ValueInfo("p", OnnxGraph.FLOAT, new long[] {1, 2, 4}));
        return b.build();
    }

    @Test
    void onnxRuntimeRunsTheWrittenModel() throws Exception {
        float[] x = {0.5f, 1, -3, -1, 2, 0};
        try (OrtModel model = new OrtModel(OnnxModelWriter.write(graph()))) {
            assertThat(model.outputNames()).containsExactly("y", "p");
            Map<String, Tensor> out = model.run(Map.of("x", x));
            // Add then LeakyRelu: row 0 = [1.5, -1, -2.5] -> [1.5, -0.25, -0.625]; row 1 = [0, 0, 0.5]
            float[][] leaky = {{1.5f, -0.25f, -0.625f}, {0, 0, 0.5f}};
            float[] y = out.get("y").data(); // [1, 3, 2]: softmax over the 3 columns of each original row
            for (int row = 0; row < 2; row++) {
                double sum = 0;
                for (int col = 0; col < 3; col++) {
                    sum += Math.exp(leaky[row][col]);
                }
                for (int col = 0; col < 3; col++) {
                    assertThat(y[col * 2 + row]).isCloseTo((float) (Math.exp(leaky[row][col]) / sum), within(1e-6f));
                }
            }
            assertThat(out.get("p").shape()).containsExactly(1, 2, 4);
            assertThat(out.get("p").data()).containsExactly(0.5f, 0.5f, 1, -3, -1, -1, 2, 0);
        }
    }

    @Test
    void metadataAndTopLevelFieldsAreWhereOnnxExpectsThem() throws Exception {
        byte[] bytes = OnnxModelWriter.write(graph());
        try (OrtSession session = OrtModel.environment().createSession(bytes)) {
            OnnxModelMetadata metadata = session.getMetadata();
            assertThat(metadata.getProducerName()).isEqualTo(OnnxModelWriter.PRODUCER);
            assertThat(metadata.getGraphName()).isEqualTo("writer-test");
        }
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        List<Integer> fields = new ArrayList<>();
        long opset = -1;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            fields.add(field);
            switch (field) {
                case 1 -> assertThat(in.readInt64()).isEqualTo(OnnxModelWriter.IR_VERSION);
                case 8 -> {
                    CodedInputStream opsetId = in.readBytes().newCodedInput();
                    assertThat(WireFormat.getTagFieldNumber(opsetId.readTag())).isEqualTo(2); // version; domain omitted
                    opset = opsetId.readInt64();
                }
                default -> in.skipField(tag);
            }
        }
        assertThat(fields).containsExactly(1, 2, 7, 8);
        assertThat(opset).isEqualTo(OnnxModelWriter.OPSET);
    }

    @Test
    void sameGraphSameBytes() {
        assertThat(OnnxModelWriter.write(graph())).isEqualTo(OnnxModelWriter.write(graph()));
    }
}
