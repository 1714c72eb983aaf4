package org.facsflow.modelprep;

import org.facsflow.models.AssetStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The registry packages set-up downloaded ({@code <cache>/packages/*.tgz}), unpacked on demand for the converter
 * tests. {@code ./facsflow test} runs set-up first, so a missing tarball fails the test with what to run.
 */
public final class SetupPackages {
    public static final String HUMAN = "vladmandic-human-3.3.6.tgz";
    public static final String FACE_API = "vladmandic-face-api-1.7.15.tgz";
    public static final String FACE_MESH = "mediapipe-face_mesh-0.4.1657299874.tgz";

    private static Path root;

    private SetupPackages() {
    }

    /**
     * Paths inside a package tarball, unpacked under a per-JVM temporary folder.
     *
     * @return where the first entry now is (the others lie beside it at their own package paths)
     */
    public static synchronized Path file(String tarball, String... entries) {
        Path tgz = AssetStore.defaultHome().resolve("packages").resolve(tarball);
        if (!Files.isRegularFile(tgz)) fail(tgz + " is missing: run ./facsflow setup");
        try {
            if (root == null) root = Files.createTempDirectory("facsflow-packages-");
            Path target = root.resolve(tarball);
            List<String> missing = java.util.Arrays.stream(entries).filter(e -> !Files.exists(target.resolve(e))).toList();
            if (!missing.isEmpty()) PackageArchive.extract(tgz, missing, target);
            return target.resolve(entries[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
