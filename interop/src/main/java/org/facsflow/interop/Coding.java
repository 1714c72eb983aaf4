package org.facsflow.interop;

import java.nio.file.Path;

/**
 * What one file says about the AUs in a video: frame by frame ({@link AuTable}, from an AU tool or a frame-label
 * file) or as events with onset and offset ({@link EventLabels}, from ELAN, BORIS or a FaceReader state log).
 */
public sealed interface Coding permits AuTable, EventLabels {
    /** The file it was read from (or will be written to). */
    Path source();

    /** The tool and layout recognised. */
    ToolFormat format();
}
