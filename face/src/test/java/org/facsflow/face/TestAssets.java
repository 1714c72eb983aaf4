package org.facsflow.face;

import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.models.AssetStore;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find prepared files; a test that needs one is skipped when it is absent. Repoint with
 * {@code -Dfacsflow.canonicalFace=FILE}, {@code -Dfacsflow.home=DIR} / {@code FACSFLOW_HOME} (the model cache that
 * set-up fills), and {@code -Dfacsflow.reference=DIR} (OpenFace's reference CSVs).
 */
public final class TestAssets {
    private static CanonicalFace canonicalFace;

    private TestAssets() {
    }

    public static synchronized CanonicalFace canonicalFace() {
        if (canonicalFace != null) return canonicalFace;
        String explicit = System.getProperty("facsflow.canonicalFace");
        Path path = explicit != null ? Path.of(explicit)
                : AssetStore.defaultHome().resolve("models").resolve("canonical-face.json");
        Assumptions.assumeTrue(Files.isRegularFile(path), "canonical face not prepared at " + path);
        canonicalFace = CanonicalFace.load(path);
        return canonicalFace;
    }

    /** shared/reference beside the checkout (found from the working directory upwards). */
    public static Path referenceDir() {
        String explicit = System.getProperty("facsflow.reference");
        Path found = explicit != null ? Path.of(explicit) : null;
        for (Path dir = Path.of("").toAbsolutePath(); found == null && dir != null; dir = dir.getParent())
            if (Files.isDirectory(dir.resolve("shared/reference"))) found = dir.resolve("shared/reference");
        Assumptions.assumeTrue(found != null && Files.isDirectory(found), "shared/reference not found");
        return found;
    }
}
