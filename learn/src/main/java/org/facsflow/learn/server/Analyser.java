package org.facsflow.learn.server;

import org.facsflow.learn.signals.Signals;
import org.facsflow.media.RgbImage;

/**
 * Turns one camera frame into its {@link Signals} and forgets the frame. One student at a time: {@link #begin} before
 * a student's first frame, {@link #end} after the last.
 */
public interface Analyser {
    void begin();

    /** The frame's signals; the frame is not kept. */
    Signals analyse(RgbImage frame, double t);

    void end();
}
