package org.facsflow.affect.episodes;

import org.facsflow.facs.IntensityScale;

/**
 * Hysteresis for turning an intensity series into episodes: an episode is a run of frames at or above {@code off}
 * that reaches {@code on} at least once and lasts at least {@code minDuration} seconds. The gap between the two
 * thresholds keeps noise around one threshold from splitting an episode or starting a false one.
 */
public record EpisodeThresholds(float on, float off, double minDuration) {
    /**
     * On at B (slight, 1.5), off below A (trace, 1.0, the FACS presence threshold): an action must clearly appear
     * but stays on until it is gone; at least 0.1 s, three frames at 30 fps.
     */
    public static final EpisodeThresholds AU_EVENTS = new EpisodeThresholds(1.5f, IntensityScale.PRESENCE_THRESHOLD, 0.1);

    public EpisodeThresholds {
        if (!(off <= on)) throw new IllegalArgumentException("off threshold " + off + " above on threshold " + on);
        if (!(minDuration >= 0)) throw new IllegalArgumentException("minimum duration " + minDuration);
    }
}
