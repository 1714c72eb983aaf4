package org.facsflow.modelprep.mediapipe;

import org.facsflow.modelprep.SetupPackages;

import java.nio.file.Path;

/** The {@code @mediapipe/face_mesh} package files the tests read, from the packages set-up obtained. */
final class MediaPipePackage {
    private MediaPipePackage() {
    }

    static Path dir() {
        return SetupPackages.file(SetupPackages.FACE_MESH, "package/face_mesh_solution_packed_assets.data",
                "package/face_mesh_solution_packed_assets_loader.js").getParent();
    }

    static byte[] geometryMetadata() throws Exception {
        Path dir = dir();
        return PackedAssets.read(dir.resolve("face_mesh_solution_packed_assets.data"),
                dir.resolve("face_mesh_solution_packed_assets_loader.js"),
                "geometry_pipeline_metadata_landmarks.binarypb");
    }
}
