package org.facsflow.apps;

import java.nio.file.Path;
import org.facsflow.models.SharedFolder;

/** Files of the shared/ folder beside the checkout, which CI provides; a test without it fails, saying so. */
public final class SharedFiles {
    private SharedFiles() {
    }

    public static Path shared(String relative) {
        return SharedFolder.require(relative);
    }
}
