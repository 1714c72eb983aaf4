package org.facsflow.affect;

import org.facsflow.affect.classifier.EmotionClassifiers;
import org.facsflow.face.FaceAnalyzer;
import org.facsflow.face.FaceObservation;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.StillImages;
import org.facsflow.models.AssetStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real faces and models prepared at set-up ({@code ./facsflow test} runs set-up first; a missing one fails with the
 * message saying what to run). One face analyzer and one pair of classifiers per test JVM: loading costs a second.
 */
public final class TestFaces {
    private static FaceAnalyzer analyzer;
    private static EmotionClassifiers classifiers;
    private static final Map<String, List<FaceObservation>> FACES = new HashMap<>();
    private static final Map<String, RgbImage> IMAGES = new HashMap<>();

    private TestFaces() {
    }

    public static AssetStore store() {
        return AssetStore.standard();
    }

    public static synchronized EmotionClassifiers classifiers() {
        if (classifiers == null) classifiers = EmotionClassifiers.create(store());
        return classifiers;
    }

    public static synchronized RgbImage image(String asset) throws MediaException {
        RgbImage image = IMAGES.get(asset);
        if (image == null) IMAGES.put(asset, image = StillImages.read(store().require(asset)));
        return image;
    }

    /** The faces of a still, left to right (the face stage's ids), computed once. */
    public static synchronized List<FaceObservation> faces(String asset) throws MediaException {
        List<FaceObservation> faces = FACES.get(asset);
        if (faces == null) {
            if (analyzer == null) analyzer = FaceAnalyzer.create(store());
            FACES.put(asset, faces = analyzer.analyzeStill(image(asset)));
        }
        return faces;
    }
}
