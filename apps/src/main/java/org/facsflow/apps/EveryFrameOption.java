package org.facsflow.apps;

import org.facsflow.pipeline.PipelineSettings;
import picocli.CommandLine.Option;

/**
 * {@code --every-frame}, shared by the commands that track video: by default the 68-point occlusion check runs 10 times
 * a second per face and the two expression models take turns 10 times a second; with it all three run on every frame.
 */
final class EveryFrameOption {
    @Option(names = "--every-frame", description = "Videos: run both expression models and the occlusion check on every "
            + "frame instead of sampling them 10 times a second per face, the expression models taking turns (slower; "
            + "the smoothed emotions barely change).")
    boolean everyFrame;

    PipelineSettings applyTo(PipelineSettings settings) {
        return everyFrame ? settings.everyFrame() : settings;
    }
}
