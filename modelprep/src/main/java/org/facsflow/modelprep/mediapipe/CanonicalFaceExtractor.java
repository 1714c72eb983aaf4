package org.facsflow.modelprep.mediapipe;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns MediaPipe's {@code geometry_pipeline_metadata_landmarks.binarypb} into facsflow's canonical-face JSON:
 * <pre>
 * {"format": "facsflow-canonical-face-1", "units": "cm", "frame": "...",
 *  "vertices": [x0, y0, z0, x1, ...]     468 x 3, MediaPipe's canonical frame (x to the viewer's right, y up,
 *                                         z towards the viewer, so the nose tip has the largest z),
 *  "procrustesWeights": [w0, ..., w467]  MediaPipe's head-pose landmark basis, 0 where a vertex is not in it,
 *  "triangles": [i0, i1, i2, ...]}       the mesh's triangle indices
 * </pre>
 * The protobuf is read field by field (no generated classes). Field numbers are those of MediaPipe's
 * {@code face_geometry/protos/geometry_pipeline_metadata.proto} and {@code mesh_3d.proto}. Numbers are written
 * as the shortest decimal that reads back as the same float, computed so that the bytes, and the SHA-256 the
 * catalogue records, do not depend on the JDK's float-to-text algorithm.
 */
public final class CanonicalFaceExtractor {
    private static final int VERTICES = 468;

    // GeometryPipelineMetadata
    private static final int CANONICAL_MESH = 1, PROCRUSTES_LANDMARK_BASIS = 2;
    // Mesh3d
    private static final int VERTEX_TYPE = 1, VERTEX_BUFFER = 3, INDEX_BUFFER = 4;
    private static final int VERTEX_PT = 0, FLOATS_PER_VERTEX_PT = 5;
    // WeightedLandmarkRef
    private static final int LANDMARK_ID = 1, WEIGHT = 2;

    private CanonicalFaceExtractor() {
    }

    public static byte[] toJson(byte[] binarypb) throws IOException {
        Parsed parsed = parse(binarypb);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("format", "facsflow-canonical-face-1");
            g.writeStringField("source", "MediaPipe geometry_pipeline_metadata_landmarks.binarypb");
            g.writeStringField("units", "cm");
            g.writeStringField("frame", "MediaPipe canonical face: x to the viewer's right, y up, z towards the viewer");
            g.writeFieldName("vertices");
            writeFloats(g, parsed.vertices);
            g.writeFieldName("procrustesWeights");
            writeFloats(g, parsed.weights);
            g.writeFieldName("triangles");
            g.writeArray(parsed.triangles, 0, parsed.triangles.length);
            g.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }

    private record Parsed(float[] vertices, float[] weights, int[] triangles) {
    }

    private static Parsed parse(byte[] binarypb) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(binarypb);
        List<Float> vertexBuffer = new ArrayList<>();
        List<Integer> indexBuffer = new ArrayList<>();
        float[] weights = new float[VERTICES];
        boolean meshSeen = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case CANONICAL_MESH -> {
                    int limit = in.pushLimit(in.readRawVarint32());
                    readMesh(in, vertexBuffer, indexBuffer);
                    in.popLimit(limit);
                    meshSeen = true;
                }
                case PROCRUSTES_LANDMARK_BASIS -> {
                    int limit = in.pushLimit(in.readRawVarint32());
                    readWeightedLandmark(in, weights);
                    in.popLimit(limit);
                }
                default -> in.skipField(tag);
            }
        }
        if (!meshSeen) throw new IOException("no canonical_mesh in the geometry pipeline metadata");
        if (vertexBuffer.size() != VERTICES * FLOATS_PER_VERTEX_PT)
            throw new IOException("canonical mesh has " + vertexBuffer.size() + " vertex floats, expected "
                    + VERTICES + " x " + FLOATS_PER_VERTEX_PT);
        if (indexBuffer.isEmpty() || indexBuffer.size() % 3 != 0)
            throw new IOException("canonical mesh index buffer has " + indexBuffer.size() + " entries, not triangles");
        float[] xyz = new float[VERTICES * 3];
        for (int v = 0; v < VERTICES; v++)
            for (int c = 0; c < 3; c++) xyz[v * 3 + c] = vertexBuffer.get(v * FLOATS_PER_VERTEX_PT + c);
        int[] triangles = new int[indexBuffer.size()];
        for (int i = 0; i < triangles.length; i++) {
            triangles[i] = indexBuffer.get(i);
            if (triangles[i] < 0 || triangles[i] >= VERTICES)
                throw new IOException("triangle index " + triangles[i] + " out of range");
        }
        boolean anyWeight = false;
        for (float w : weights) anyWeight |= w > 0;
        if (!anyWeight) throw new IOException("no procrustes_landmark_basis in the geometry pipeline metadata");
        return new Parsed(xyz, weights, triangles);
    }

    private static void readMesh(CodedInputStream in, List<Float> vertices, List<Integer> indices) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int type = WireFormat.getTagWireType(tag);
            boolean packed = type == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            switch (WireFormat.getTagFieldNumber(tag)) {
                case VERTEX_TYPE -> {
                    int vertexType = in.readEnum();
                    if (vertexType != VERTEX_PT) throw new IOException("unsupported Mesh3d vertex_type " + vertexType);
                }
                // proto2 repeated fields may arrive packed or one by one; accept both.
                case VERTEX_BUFFER -> {
                    if (!packed) {
                        vertices.add(in.readFloat());
                        continue;
                    }
                    int limit = in.pushLimit(in.readRawVarint32());
                    while (in.getBytesUntilLimit() > 0) vertices.add(in.readFloat());
                    in.popLimit(limit);
                }
                case INDEX_BUFFER -> {
                    if (!packed) {
                        indices.add(in.readUInt32());
                        continue;
                    }
                    int limit = in.pushLimit(in.readRawVarint32());
                    while (in.getBytesUntilLimit() > 0) indices.add(in.readUInt32());
                    in.popLimit(limit);
                }
                default -> in.skipField(tag);
            }
        }
    }

    private static void readWeightedLandmark(CodedInputStream in, float[] weights) throws IOException {
        int id = -1;
        float weight = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case LANDMARK_ID -> id = in.readUInt32();
                case WEIGHT -> weight = in.readFloat();
                default -> in.skipField(tag);
            }
        }
        if (id < 0 || id >= VERTICES) throw new IOException("procrustes landmark id " + id + " out of range");
        weights[id] = weight;
    }

    private static void writeFloats(JsonGenerator g, float[] values) throws IOException {
        g.writeStartArray();
        for (float v : values) g.writeNumber(shortestDecimal(v));
        g.writeEndArray();
    }

    /**
     * The shortest decimal that parses back to {@code v}. Float.toString changed between JDK 17 and 19; this uses
     * only exact BigDecimal rounding and Float.parseFloat (correctly rounded on every JDK).
     */
    static String shortestDecimal(float v) {
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; ; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (digits >= 9 || Float.parseFloat(rounded.toString()) == v)
                return rounded.stripTrailingZeros().toPlainString();
        }
    }
}
