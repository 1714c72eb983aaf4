package org.facsflow.interop;

import org.facsflow.models.SharedFolder;

import java.nio.file.Path;

/**
 * Real files of other tools in {@code shared/interop} (read there, never copied: see its README for their
 * licences). A test that needs one fails, with this message, when the shared folder is not beside the checkout.
 */
public final class Samples {
    private Samples() {
    }

    public static Path interop(String relative) {
        return shared("interop/" + relative);
    }

    public static Path shared(String relative) {
        return SharedFolder.require(relative);
    }
}
