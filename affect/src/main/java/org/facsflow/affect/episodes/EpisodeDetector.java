package org.facsflow.affect.episodes;

/**
 * Finds {@link Episode}s in one intensity series, online: frames go in one by one and each closed episode comes out
 * when it ends, so memory does not grow with the video. Frames marked gated (unreliable, e.g. during fast head
 * motion) are skipped as if absent: they neither start, extend the apex of, nor end an episode. A NaN value (face
 * not measured) ends an open episode like a value below the lower threshold.
 */
public final class EpisodeDetector {
    private final EpisodeThresholds thresholds;
    private boolean inRun, confirmed;
    private long onsetFrame, apexFrame, lastFrame;
    private double onset, apex, last;
    private float peak;

    public EpisodeDetector(EpisodeThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The episode this frame ended, or null. */
    public Episode next(long frame, double time, float value, boolean gated) {
        if (gated) return null;
        boolean below = !(value >= thresholds.off());
        if (!inRun) {
            if (below) return null;
            inRun = true;
            confirmed = false;
            onsetFrame = apexFrame = frame;
            onset = apex = time;
            peak = value;
        } else if (below) {
            return close(frame, time, false);
        } else if (value > peak) {
            peak = value;
            apexFrame = frame;
            apex = time;
        }
        if (value >= thresholds.on()) confirmed = true;
        lastFrame = frame;
        last = time;
        return null;
    }

    /** Whether a run of frames above the lower threshold is open (it may still be dropped). */
    public boolean inRun() {
        return inRun;
    }

    /** Ends the series: the open episode, if any and long enough, with its last frame as offset. */
    public Episode finish() {
        return inRun ? close(lastFrame, last, true) : null;
    }

    private Episode close(long frame, double time, boolean truncated) {
        inRun = false;
        if (!confirmed || time - onset < thresholds.minDuration()) return null;
        return new Episode(onsetFrame, apexFrame, frame, onset, apex, time, peak, truncated);
    }
}
