package org.facsflow.modelprep.mediapipe;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the unpacked {@code @mediapipe/face_mesh} npm package; tests skip when it is absent. */
final class MediaPipePackage {
    private static final String PROPERTY = "facsflow.faceMeshPackage";
    private static final Path DEFAULT = Path.of("/tmp/explore/mediapipe-face_mesh-0.4.1657299874/package");

    private MediaPipePackage() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty(PROPERTY, DEFAULT.toString()));
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("face_mesh_solution_packed_assets.data")),
                "unpacked @mediapipe/face_mesh not found at " + dir + " (set -D" + PROPERTY + ")");
        return dir;
    }

    static byte[] geometryMetadata() throws Exception {
        Path dir = dir();
        return PackedAssets.read(dir.resolve("face_mesh_solution_packed_assets.data"),
                dir.resolve("face_mesh_solution_packed_assets_loader.js"),
                "geometry_pipeline_metadata_landmarks.binarypb");
    }
}
