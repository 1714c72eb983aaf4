package org.facsflow.apps;

import java.nio.file.Path;
import org.facsflow.models.SharedFolder;
import org.junit.jupiter.api.Assumptions;

/** Files of the shared/ folder beside the checkout, which CI provides; a test without it is skipped. */
public final class SharedFiles {
    private SharedFiles() {
    }

    public static Path shared(String relative) {
        return SharedFolder.find(relative).orElseGet(() -> Assumptions.abort("shared/" + relative + " not found"));
    }
}
