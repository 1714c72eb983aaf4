package org.facsflow.modelprep.mediapipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedOutputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CanonicalFaceExtractorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void extractsTheRealCanonicalFace() throws Exception {
        byte[] json = CanonicalFaceExtractor.toJson(MediaPipePackage.geometryMetadata());
        JsonNode face = JSON.readTree(json);

        JsonNode v = face.get("vertices");
        assertThat(v.size()).isEqualTo(468 * 3);
        assertThat(face.get("triangles").size()).isEqualTo(898 * 3);
        JsonNode w = face.get("procrustesWeights");
        assertThat(w.size()).isEqualTo(468);
        int weighted = 0;
        for (JsonNode x : w) if (x.floatValue() > 0) weighted++;
        assertThat(weighted).isEqualTo(33);
        assertThat(w.get(4).floatValue()).isCloseTo(0.0709099f, within(1e-6f));

        // The nose tip (4, with 1 just below it) is the most forward point; the face is mirror-symmetric in x.
        int maxZ = 0;
        for (int i = 0; i < 468; i++) if (v.get(i * 3 + 2).floatValue() > v.get(maxZ * 3 + 2).floatValue()) maxZ = i;
        assertThat(maxZ).isEqualTo(4);
        assertThat(v.get(3 + 2).floatValue()).isGreaterThan(v.get(4 * 3 + 2).floatValue() - 0.2f);
        assertThat(v.get(4 * 3).floatValue()).isZero();
        // outer eye corners: subject's right eye (33) on the viewer's left, left eye (263) mirrored
        assertThat(v.get(33 * 3).floatValue()).isCloseTo(-4.445859f, within(1e-5f));
        assertThat(v.get(263 * 3).floatValue()).isEqualTo(-v.get(33 * 3).floatValue());
        assertThat(v.get(263 * 3 + 1).floatValue()).isEqualTo(v.get(33 * 3 + 1).floatValue());
        assertThat(v.get(263 * 3 + 2).floatValue()).isEqualTo(v.get(33 * 3 + 2).floatValue());
        // eyes above the mouth corners (y up), chin (152) lowest
        assertThat(v.get(33 * 3 + 1).floatValue()).isGreaterThan(v.get(61 * 3 + 1).floatValue());
        assertThat(v.get(152 * 3 + 1).floatValue()).isLessThan(v.get(61 * 3 + 1).floatValue());

        assertThat(CanonicalFaceExtractor.toJson(MediaPipePackage.geometryMetadata())).isEqualTo(json);
    }

    @Test
    void packedAndUnpackedEncodingsGiveTheSameJson() throws IOException {
        byte[] unpacked = syntheticMetadata(false);
        byte[] packed = syntheticMetadata(true);
        assertThat(packed).isNotEqualTo(unpacked);
        byte[] json = CanonicalFaceExtractor.toJson(unpacked);
        assertThat(CanonicalFaceExtractor.toJson(packed)).isEqualTo(json);

        JsonNode face = JSON.readTree(json);
        assertThat(face.get("vertices").get(3).asText()).isEqualTo("0.1");
        assertThat(face.get("vertices").get(5).asText()).isEqualTo("-2.5");
        assertThat(face.get("procrustesWeights").get(7).floatValue()).isEqualTo(0.25f);
        assertThat(face.get("triangles").get(2).asInt()).isEqualTo(2);
    }

    @Test
    void rejectsAMeshWithTheWrongVertexCount() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        ByteArrayOutputStream mesh = new ByteArrayOutputStream();
        CodedOutputStream m = CodedOutputStream.newInstance(mesh);
        for (int i = 0; i < 10; i++) m.writeFloat(3, i);
        m.flush();
        out.writeByteArray(1, mesh.toByteArray());
        out.flush();
        assertThatThrownBy(() -> CanonicalFaceExtractor.toJson(bytes.toByteArray())).hasMessageContaining("10 vertex floats");
    }

    @Test
    void writesTheShortestDecimalThatReadsBackAsTheSameFloat() {
        assertThat(CanonicalFaceExtractor.shortestDecimal(0.1f)).isEqualTo("0.1");
        assertThat(CanonicalFaceExtractor.shortestDecimal(0f)).isEqualTo("0");
        assertThat(CanonicalFaceExtractor.shortestDecimal(-0f)).isEqualTo("0");
        assertThat(CanonicalFaceExtractor.shortestDecimal(1e-7f)).isEqualTo("0.0000001");
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 10_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (!Float.isFinite(f)) continue;
            String text = CanonicalFaceExtractor.shortestDecimal(f);
            assertThat(Float.parseFloat(text)).isEqualTo(f == 0 ? 0f : f);
            assertThat(text.replaceAll("[-.]", "").replaceAll("^0+", "").replaceAll("0+$", "").length())
                    .isLessThanOrEqualTo(9);
        }
    }

    /** 468 vertices (vertex 1 = (0.1, 0, -2.5)), one triangle, one weight, encoded the way protobuf-java would. */
    private static byte[] syntheticMetadata(boolean packed) throws IOException {
        ByteArrayOutputStream mesh = new ByteArrayOutputStream();
        CodedOutputStream m = CodedOutputStream.newInstance(mesh);
        m.writeEnum(1, 0);
        float[] vertexBuffer = new float[468 * 5];
        vertexBuffer[5] = 0.1f;
        vertexBuffer[7] = -2.5f;
        int[] indices = {0, 1, 2};
        if (packed) {
            m.writeTag(3, 2);
            m.writeUInt32NoTag(vertexBuffer.length * 4);
            for (float f : vertexBuffer) m.writeFloatNoTag(f);
            m.writeTag(4, 2);
            m.writeUInt32NoTag(indices.length);
            for (int i : indices) m.writeUInt32NoTag(i);
        } else {
            for (float f : vertexBuffer) m.writeFloat(3, f);
            for (int i : indices) m.writeUInt32(4, i);
        }
        m.flush();
        ByteArrayOutputStream weight = new ByteArrayOutputStream();
        CodedOutputStream w = CodedOutputStream.newInstance(weight);
        w.writeUInt32(1, 7);
        w.writeFloat(2, 0.25f);
        w.flush();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeEnum(3, 1);
        out.writeByteArray(1, mesh.toByteArray());
        out.writeByteArray(2, weight.toByteArray());
        out.flush();
        return bytes.toByteArray();
    }
}
