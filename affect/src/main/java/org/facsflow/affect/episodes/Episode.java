package org.facsflow.affect.episodes;

/**
 * A stretch of time in which one signal (an AU's intensity) is on: onset is its first frame at or above the lower
 * threshold, apex its highest frame, offset the first frame after it back below (or, for an episode still on when
 * the series ended, its last frame: {@code truncated}). Frames are the caller's numbers, times seconds.
 */
public record Episode(long onsetFrame, long apexFrame, long offsetFrame, double onset, double apex, double offset,
                      float peak, boolean truncated) {
    /** Seconds from onset to offset. */
    public double duration() {
        return offset - onset;
    }

    /** Whether the two episodes share time (touching ends do not count). */
    public boolean overlaps(Episode other) {
        return onset < other.offset && other.onset < offset;
    }
}
