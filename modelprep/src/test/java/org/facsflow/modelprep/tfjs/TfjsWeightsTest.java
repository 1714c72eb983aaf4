package org.facsflow.modelprep.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

class TfjsWeightsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] littleEndian(int bytes, Consumer<ByteBuffer> writer) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        writer.accept(buffer);
        return buffer.array();
    }

    @Test
    void decodesEveryEncodingAcrossShards(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream group1 = new ByteArrayOutputStream();
        group1.write(littleEndian(16, b -> b.putFloat(1.5f).putFloat(-2).putFloat(0).putFloat(3.25f)));
        group1.write(littleEndian(12, b -> b.putInt(7).putInt(-1).putInt(1 << 20)));
        // float16: 1, -2, the smallest subnormal, the largest finite, +infinity
        group1.write(littleEndian(10, b -> b.putShort((short) 0x3c00).putShort((short) 0xc000)
            .putShort((short) 0x0001).putShort((short) 0x7bff).putShort((short) 0x7c00)));
        group1.write(new byte[] {0, 10, (byte) 255}); // uint8 floats
        group1.write(new byte[] {3, 4}); // uint8 int32
        byte[] all = group1.toByteArray();
        // Two shards that split the int32 weight in the middle.
        Files.write(dir.resolve("g1-shard1of2.bin"), Arrays.copyOfRange(all, 0, 20));
        Files.write(dir.resolve("g1-shard2of2.bin"), Arrays.copyOfRange(all, 20, all.length));
        Files.write(dir.resolve("g2.bin"), littleEndian(4, b -> b.putShort((short) 0).putShort((short) 65535)));
        String manifest = """
            [{"paths": ["g1-shard1of2.bin", "g1-shard2of2.bin"], "weights": [
               {"name": "f32", "shape": [2, 2], "dtype": "float32"},
               {"name": "i32", "shape": [3], "dtype": "int32"},
               {"name": "f16", "shape": [5], "dtype": "float32",
                "quantization": {"dtype": "float16", "original_dtype": "float32"}},
               {"name": "u8", "shape": [3], "dtype": "float32", "quantization": {"dtype": "uint8", "scale": 0.1, "min": -1}},
               {"name": "u8int", "shape": [2], "dtype": "int32", "quantization": {"dtype": "uint8", "scale": 0.5, "min": 1}}]},
             {"paths": ["g2.bin"], "weights": [
               {"name": "u16", "shape": [1, 2], "dtype": "float32", "quantization": {"dtype": "uint16", "scale": 0.001, "min": 0.5}}]}]
            """;
        Map<String, TfjsTensor> weights = TfjsWeights.read(JSON.readTree(manifest), dir);

        assertThat(weights.keySet()).containsExactly("f32", "i32", "f16", "u8", "u8int", "u16");
        assertThat(weights.get("f32").shape()).containsExactly(2, 2);
        assertThat(weights.get("f32").floats()).containsExactly(1.5f, -2, 0, 3.25f);
        assertThat(weights.get("i32").ints()).containsExactly(7, -1, 1 << 20);
        assertThat(weights.get("f16").floats()).containsExactly(1, -2, 0x1p-24f, 65504, Float.POSITIVE_INFINITY);
        assertThat(weights.get("u8").floats()).containsExactly(-1, (float) (10 * 0.1 - 1), (float) (255 * 0.1 - 1));
        assertThat(weights.get("u8int").ints()).containsExactly(3, 3); // round(2.5) = 3 as in JavaScript
        assertThat(weights.get("u16").shape()).containsExactly(1, 2);
        assertThat(weights.get("u16").floats()).containsExactly(0.5f, (float) (65535 * 0.001 + 0.5));
    }

    @Test
    void halfPrecisionSignedZeroAndNaN() {
        assertThat(TfjsWeights.halfToFloat((short) 0x8000)).isEqualTo(-0f);
        assertThat(TfjsWeights.halfToFloat((short) 0x7e00)).isNaN();
        assertThat(TfjsWeights.halfToFloat((short) 0x3555)).isEqualTo(0.33325195f);
    }

    @Test
    void shortOrOverlongDataIsReported(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("w.bin"), new byte[6]);
        String shortManifest = "[{\"paths\": [\"w.bin\"], \"weights\": [{\"name\": \"big\", \"shape\": [2], \"dtype\": \"float32\"}]}]";
        assertThatThrownBy(() -> TfjsWeights.read(JSON.readTree(shortManifest), dir))
            .hasMessageContaining("'big'").hasMessageContaining("ends early");
        String longManifest = "[{\"paths\": [\"w.bin\"], \"weights\": [{\"name\": \"one\", \"shape\": [], \"dtype\": \"float32\"}]}]";
        assertThatThrownBy(() -> TfjsWeights.read(JSON.readTree(longManifest), dir))
            .hasMessageContaining("2 bytes unread");
    }
}
