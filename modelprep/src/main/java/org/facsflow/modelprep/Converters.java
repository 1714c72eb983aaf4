package org.facsflow.modelprep;

import org.facsflow.modelprep.faceapi.FaceApiNets;
import org.facsflow.modelprep.mediapipe.CanonicalFaceExtractor;
import org.facsflow.modelprep.mediapipe.PackedAssets;
import org.facsflow.modelprep.tfjs.TfjsToOnnx;
import org.facsflow.models.Asset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Turns an asset's extracted package files into the prepared file's bytes, by the catalogue's converter name. */
final class Converters {
    private Converters() {
    }

    /**
     * @param sources the catalogue's source paths, already extracted (same order as in the catalogue)
     */
    static byte[] convert(Asset asset, List<Path> sources) throws IOException {
        Path first = sources.get(0);
        String converter = asset.converter();
        if ((!asset.outputs().isEmpty() || asset.batch() != 1) && !converter.equals("tfjs-graph"))
            throw new IllegalArgumentException("converter '" + converter + "' of '" + asset.name()
                    + "' cannot choose outputs or a batch size");
        return switch (converter) {
            case "tfjs-graph" -> TfjsToOnnx.convert(first, asset.outputs(), asset.batch());
            case "faceapi-landmarks68" -> FaceApiNets.landmarks68(first);
            case "faceapi-expression" -> FaceApiNets.expression(first);
            case "mediapipe-canonical-face" -> CanonicalFaceExtractor.toJson(
                    PackedAssets.read(first, sources.get(1), "geometry_pipeline_metadata_landmarks.binarypb"));
            case "copy" -> Files.readAllBytes(first);
            default -> throw new IllegalArgumentException("unknown converter '" + converter + "' in the catalogue");
        };
    }
}
