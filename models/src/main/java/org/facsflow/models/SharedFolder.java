package org.facsflow.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code shared/} folder that sits beside a checkout (development media and the reference outputs of an
 * established tool), found from the working directory upwards. Only development tools and tests use it.
 */
public final class SharedFolder {
    private SharedFolder() {
    }

    /**
     * {@code shared/relative}, or a failure that says where it was looked for: the tests need the shared folder that
     * CI puts beside the checkout, and a test that quietly skipped without it would pass having checked nothing.
     */
    public static Path require(String relative) {
        return find(relative).orElseThrow(() -> new IllegalStateException("shared/" + relative + " not found in "
                + Path.of("").toAbsolutePath() + " or any folder above it: the tests need the shared/ folder beside "
                + "the checkout (CI provides it)"));
    }

    /** {@code shared/relative} in the nearest folder above the working directory that has it. */
    public static Optional<Path> find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("shared").resolve(relative);
            if (Files.exists(file)) return Optional.of(file);
        }
        return Optional.empty();
    }
}
