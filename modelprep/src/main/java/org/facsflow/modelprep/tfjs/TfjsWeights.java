package org.facsflow.modelprep.tfjs;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes a TF.js {@code weightsManifest} and its weight files into {@link TfjsTensor}s, the way
 * tfjs-core's {@code decodeWeights} does.
 *
 * <p>Each manifest group concatenates its {@code paths} (shards) into one little-endian buffer, in which
 * the group's weights lie back to back. Supported encodings: float32, int32, and the quantisations
 * {@code float16}, {@code uint8} and {@code uint16} (value = q * scale + min, rounded for int32 weights).
 */
public final class TfjsWeights {

    private TfjsWeights() {
    }

    /**
     * @param manifest the weightsManifest array (list of groups with {@code paths} and {@code weights})
     * @param directory where the shard files named in {@code paths} lie
     * @return weights by name, in manifest order
     */
    public static Map<String, TfjsTensor> read(JsonNode manifest, Path directory) throws IOException {
        Map<String, TfjsTensor> weights = new LinkedHashMap<>();
        for (JsonNode group : manifest) {
            ByteBuffer buffer = ByteBuffer.wrap(concatenate(group.get("paths"), directory))
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode spec : group.get("weights")) {
                String name = spec.get("name").asText();
                try {
                    weights.put(name, decode(spec, buffer));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("weight '" + name + "': " + e.getMessage(), e);
                }
            }
            if (buffer.hasRemaining()) {
                throw new IllegalArgumentException(
                        "weights of group " + group.get("paths") + " leave " + buffer.remaining() + " bytes unread");
            }
        }
        return weights;
    }

    private static byte[] concatenate(JsonNode paths, Path directory) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (JsonNode path : paths) {
            bytes.write(Files.readAllBytes(directory.resolve(path.asText())));
        }
        return bytes.toByteArray();
    }

    private static TfjsTensor decode(JsonNode spec, ByteBuffer buffer) {
        int[] shape = new int[spec.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = spec.get("shape").get(i).asInt();
        }
        int count = Math.toIntExact(TfjsTensor.size(shape));
        String dtype = spec.get("dtype").asText();
        if (!dtype.equals("float32") && !dtype.equals("int32")) {
            throw new IllegalArgumentException("unsupported dtype " + dtype);
        }
        boolean isFloat = dtype.equals("float32");
        JsonNode quantization = spec.get("quantization");
        if (buffer.remaining() < (long) count * bytesPerValue(dtype, quantization)) {
            throw new IllegalArgumentException("weight data ends early");
        }
        if (quantization == null) {
            return isFloat ? TfjsTensor.ofFloats(shape, floats(buffer, count))
                : TfjsTensor.ofInts(shape, ints(buffer, count));
        }
        String quantized = quantization.get("dtype").asText();
        if (quantized.equals("float16")) {
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = halfToFloat(buffer.getShort());
            }
            return isFloat ? TfjsTensor.ofFloats(shape, values) : TfjsTensor.ofInts(shape, round(values));
        }
        double scale = quantization.get("scale").asDouble();
        double min = quantization.get("min").asDouble();
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            int q = switch (quantized) {
                case "uint8" -> Byte.toUnsignedInt(buffer.get());
                case "uint16" -> Short.toUnsignedInt(buffer.getShort());
                default -> throw new IllegalArgumentException("unsupported quantization dtype " + quantized);
            };
            // tfjs computes q * scale + min in double precision and stores it in a Float32Array.
            values[i] = (float) (q * scale + min);
        }
        return isFloat ? TfjsTensor.ofFloats(shape, values) : TfjsTensor.ofInts(shape, round(values));
    }

    private static int bytesPerValue(String dtype, JsonNode quantization) {
        if (quantization == null) {
            return 4;
        }
        return quantization.get("dtype").asText().equals("uint8") ? 1 : 2;
    }

    private static float[] floats(ByteBuffer buffer, int count) {
        float[] values = new float[count];
        buffer.asFloatBuffer().get(values);
        buffer.position(buffer.position() + count * Float.BYTES);
        return values;
    }

    private static int[] ints(ByteBuffer buffer, int count) {
        int[] values = new int[count];
        buffer.asIntBuffer().get(values);
        buffer.position(buffer.position() + count * Integer.BYTES);
        return values;
    }

    private static int[] round(float[] values) {
        int[] rounded = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            rounded[i] = Math.round(values[i]);
        }
        return rounded;
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int bits = Short.toUnsignedInt(half);
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        float magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24f; // zero and subnormals
        } else if (exponent == 0x1f) {
            magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            magnitude = Float.intBitsToFloat(((exponent + 127 - 15) << 23) | (mantissa << 13));
        }
        return (bits & 0x8000) != 0 ? -magnitude : magnitude;
    }
}
