package org.facsflow.pipeline;

/**
 * Told how far a video analysis has got, on the analysing thread: keep it cheap (a counter, a line every few seconds).
 * With an offline or segment baseline a file is read twice, so there are two passes.
 */
public interface VideoProgress {
    VideoProgress NONE = (frames, seconds) -> {
    };

    /**
     * Before each pass.
     *
     * @param expectedFrames the frames the container lists (or the limit, if smaller); -1 for a live source
     */
    default void pass(int pass, int passes, SourceInfo source, long expectedFrames) {
    }

    /**
     * After each frame of the current pass.
     *
     * @param frames  frames decoded so far in this pass
     * @param seconds the last frame's time in the source
     */
    void frame(long frames, double seconds);
}
