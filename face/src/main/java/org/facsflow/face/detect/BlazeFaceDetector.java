package org.facsflow.face.detect;

import org.facsflow.face.FaceBox;
import org.facsflow.face.image.Roi;
import org.facsflow.face.inference.OnnxModel;
import org.facsflow.face.inference.Predictor;
import org.facsflow.media.RgbImage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds faces with the 256 px BlazeFace model. The whole frame is searched letterboxed; a large still image is also
 * searched in overlapping tiles, because a face under ~20 px after shrinking to 256 px is invisible to the model
 * (group photos). Not thread-safe: one per thread.
 */
public final class BlazeFaceDetector implements AutoCloseable {
    /** Below this score a candidate is not a face (MediaPipe uses 0.5; the mesh's face flag filters again). */
    public static final float MIN_SCORE = 0.5f;
    private static final float NMS_IOU = 0.3f;

    private final Predictor<BlazeFaceTranslator.Request, List<FaceDetection>> predictor;

    public BlazeFaceDetector(Path model) {
        predictor = new Predictor<>(new OnnxModel(model), new BlazeFaceTranslator(MIN_SCORE));
    }

    /** Faces in the whole frame: one model call. The live path. */
    public List<FaceDetection> detect(RgbImage image) {
        return WeightedNms.apply(predictor.predict(new BlazeFaceTranslator.Request(image, whole(image))), NMS_IOU);
    }

    /**
     * Faces in the whole frame and, when the image is much larger than the model input, in a 3 x 3 grid of
     * half-size overlapping tiles too. For stills and for finding new faces, where a few more milliseconds are fine.
     */
    public List<FaceDetection> detectThoroughly(RgbImage image) {
        List<FaceDetection> candidates = new ArrayList<>(predictor.predict(new BlazeFaceTranslator.Request(image, whole(image))));
        float side = Math.max(image.width(), image.height());
        if (side > 2 * BlazeFaceTranslator.SIDE) {
            float tile = side / 2;
            for (int ty = 0; ty < 3; ty++)
                for (int tx = 0; tx < 3; tx++) {
                    Roi roi = new Roi(tile / 2 + tx * (image.width() - tile) / 2, tile / 2 + ty * (image.height() - tile) / 2, tile, 0);
                    // A face cut by the tile's edge is seen whole by a neighbouring tile (they overlap by half) or,
                    // if larger than half a tile, by the whole-frame pass; the cut view would only add a false part.
                    for (FaceDetection d : predictor.predict(new BlazeFaceTranslator.Request(image, roi)))
                        if (inside(d.box(), roi)) candidates.add(d);
                }
        }
        return WeightedNms.apply(candidates, NMS_IOU);
    }

    private static boolean inside(FaceBox box, Roi tile) {
        float half = tile.size() / 2;
        return box.x() > tile.centerX() - half && box.y() > tile.centerY() - half
                && box.x() + box.width() < tile.centerX() + half && box.y() + box.height() < tile.centerY() + half;
    }

    private static Roi whole(RgbImage image) {
        return new Roi((image.width() - 1) / 2f, (image.height() - 1) / 2f, Math.max(image.width(), image.height()), 0);
    }

    @Override
    public void close() {
        predictor.close();
    }
}
