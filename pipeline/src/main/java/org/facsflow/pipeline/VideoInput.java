package org.facsflow.pipeline;

import org.facsflow.media.VideoOpener;
import org.facsflow.media.VideoSources;

/**
 * A video to analyse: its spec (a file, {@code frames:FOLDER}, {@code camera:N}, {@code lavfi:GRAPH}), how to open it
 * (an offline baseline opens a file twice), and where to stop.
 *
 * @param maxFrames  analyse at most this many frames ({@link #UNLIMITED}: all)
 * @param maxSeconds stop at the first frame at or after this time in the source (infinite: no limit)
 */
public record VideoInput(String spec, VideoOpener opener, long maxFrames, double maxSeconds) {
    public static final long UNLIMITED = Long.MAX_VALUE;

    public VideoInput {
        if (maxFrames < 1) throw new IllegalArgumentException("at most " + maxFrames + " frames: nothing to analyse");
        if (!(maxSeconds > 0)) throw new IllegalArgumentException("stop at " + maxSeconds + " s: nothing to analyse");
    }

    /** The whole of {@code spec}, opened with {@link VideoSources#open(String)}. */
    public static VideoInput of(String spec) {
        return new VideoInput(spec, VideoSources::open, UNLIMITED, Double.POSITIVE_INFINITY);
    }

    public VideoInput limitedTo(long frames, double seconds) {
        return new VideoInput(spec, opener, frames, seconds);
    }
}
