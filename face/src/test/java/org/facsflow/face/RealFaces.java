package org.facsflow.face;

import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.StillImages;
import org.facsflow.models.AssetStore;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real faces and models obtained at set-up (./facsflow setup), and the shared development media beside the checkout. */
public final class RealFaces {
    private static FaceAnalyzer analyzer;

    private RealFaces() {
    }

    public static AssetStore store() {
        return AssetStore.standard();
    }

    /** One analyzer for the whole test JVM: loading five models costs about a second. */
    public static synchronized FaceAnalyzer analyzer() {
        if (analyzer == null) analyzer = FaceAnalyzer.create(store());
        return analyzer;
    }

    public static RgbImage image(String asset) throws MediaException {
        return StillImages.read(store().require(asset));
    }

    /** A file from ../shared (CI places it beside the clone); tests that need it are skipped without it. */
    public static Path shared(String relative) {
        Path dir = Path.of(System.getProperty("facsflow.shared", "../../shared"));
        if (!Files.isDirectory(dir)) dir = Path.of("../shared");
        Path file = dir.resolve(relative);
        assumeTrue(Files.isRegularFile(file), "shared file absent: " + file.toAbsolutePath());
        return file;
    }
}
