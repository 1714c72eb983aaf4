package org.facsflow.pipeline;

/**
 * Told after each frame of a video analysis, on the analysing thread: keep it cheap (a counter, a line every few
 * seconds).
 */
@FunctionalInterface
public interface VideoProgress {
    VideoProgress NONE = (pass, passes, done, expected) -> {
    };

    /**
     * @param pass     1 for the only pass, or 1 (baseline) and 2 (coding) with an offline or segment baseline
     * @param expected frames the container lists (or the limit), -1 for a live source
     */
    void frame(int pass, int passes, long done, long expected);
}
