package org.facsflow.apps;

import org.facsflow.media.VideoSources;
import picocli.CommandLine.Option;

/** {@code --frame-rate}, shared by the commands that read image sequences ({@code frames:FOLDER}). */
final class FrameRateOption {
    @Option(names = "--frame-rate", paramLabel = "FPS", defaultValue = "" + VideoSources.SEQUENCE_FRAME_RATE,
            description = "Image sequences (frames:FOLDER): frames per second, which times the frames; images carry no "
                    + "clock (default: ${DEFAULT-VALUE}).")
    double framesPerSecond;
}
