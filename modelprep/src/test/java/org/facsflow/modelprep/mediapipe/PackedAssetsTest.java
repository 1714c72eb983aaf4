package org.facsflow.modelprep.mediapipe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackedAssetsTest {
    private static final String LOADER = """
            var x = 1; // script text before the index
            loadPackage({"files": [{"filename": "/m/a.tflite", "start": 0, "end": 3},
                {"filename": "/m/data/b.binarypb", "start": 3, "end": 8}], "remote_package_size": 8,
                "package_uuid": "u"});
            })();
            """;

    @Test
    void readsTheNamedSliceFromASyntheticBundle(@TempDir Path dir) throws IOException {
        Path data = Files.write(dir.resolve("x.data"), "AAAbbbbb".getBytes(StandardCharsets.US_ASCII));
        Path loader = Files.writeString(dir.resolve("x_loader.js"), LOADER);

        assertThat(PackedAssets.read(data, loader, "b.binarypb")).asString(StandardCharsets.US_ASCII).isEqualTo("bbbbb");
        assertThat(PackedAssets.read(data, loader, "/m/a.tflite")).asString(StandardCharsets.US_ASCII).isEqualTo("AAA");
        assertThatThrownBy(() -> PackedAssets.read(data, loader, "c.bin")).hasMessageContaining("c.bin is not in");
        // a name matches whole path segments only
        assertThatThrownBy(() -> PackedAssets.read(data, loader, "tflite")).isInstanceOf(IOException.class);
    }

    @Test
    void rejectsAnIndexPastTheEndOfTheBundle(@TempDir Path dir) throws IOException {
        Path data = Files.write(dir.resolve("x.data"), new byte[5]);
        Path loader = Files.writeString(dir.resolve("x_loader.js"), LOADER);
        assertThatThrownBy(() -> PackedAssets.read(data, loader, "b.binarypb")).hasMessageContaining("ends at 8");
    }

    @Test
    void indexesTheRealFaceMeshBundle() throws Exception {
        Path dir = MediaPipePackage.dir();
        Map<String, PackedAssets.Entry> index = PackedAssets.index(
                Files.readString(dir.resolve("face_mesh_solution_packed_assets_loader.js")));

        assertThat(index).hasSize(4);
        assertThat(index.get("/third_party/mediapipe/modules/face_landmark/face_landmark.tflite"))
                .isEqualTo(new PackedAssets.Entry(2495952, 3737848));
        assertThat(MediaPipePackage.geometryMetadata()).hasSize(3757224 - 3737848);
    }
}
