package org.facsflow.media;

/**
 * Frames from a video file, a camera or another live source, in presentation order. Not thread-safe: one thread
 * reads a source. Open one with {@link VideoSources#open(String)}.
 */
public interface VideoSource extends AutoCloseable {
    /**
     * The next frame, with its presentation time in seconds from the start of the source, taken from the container
     * and therefore right for variable frame rates; null at the end of a file. A live source blocks until its next
     * frame.
     */
    RgbImage next() throws MediaException;

    /** Average frames per second as the container states it; 0 when unknown. Use frame timestamps, not this, for time. */
    double frameRate();

    int width();

    int height();

    /** Frames in the file: the container's count where it keeps one, else duration times frame rate; -1 for live sources. */
    long frameCountEstimate();

    @Override
    void close() throws MediaException;
}
