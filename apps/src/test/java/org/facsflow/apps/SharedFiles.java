package org.facsflow.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Files of the shared/ folder beside the checkout, which CI provides; a test without it is skipped. */
public final class SharedFiles {
    private SharedFiles() {
    }

    /** shared/{@code relative}, found from the working directory upwards. */
    public static Path shared(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("shared").resolve(relative);
            if (Files.exists(file)) return file;
        }
        Assumptions.abort("shared/" + relative + " not found above " + Path.of("").toAbsolutePath());
        return null;
    }
}
