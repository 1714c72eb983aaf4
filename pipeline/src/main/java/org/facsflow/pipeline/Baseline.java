package org.facsflow.pipeline;

import org.facsflow.facs.coding.BaselineMode;

/**
 * Each person's neutral face, against which their AUs are coded (FACS codes change from neutral):
 * <ul>
 *   <li>{@link #RUNNING}: causal, one pass, as live use must be: the running median of the person's frames so far;</li>
 *   <li>{@link #OFFLINE}: a first pass over the whole file gives each person's baseline, as OpenFace's dynamic models
 *       do (twice the work; files only);</li>
 *   <li>{@link #segment}: a stretch of the file the user names as neutral, in seconds.</li>
 * </ul>
 */
public record Baseline(BaselineMode mode, double fromSeconds, double toSeconds) {
    public static final Baseline RUNNING = new Baseline(BaselineMode.RUNNING, 0, 0);
    public static final Baseline OFFLINE = new Baseline(BaselineMode.OFFLINE, 0, 0);

    public Baseline {
        if (mode == BaselineMode.STILL) throw new IllegalArgumentException("a video baseline is running, offline or a segment");
        if (mode == BaselineMode.SEGMENT && !(fromSeconds >= 0 && toSeconds > fromSeconds))
            throw new IllegalArgumentException("a neutral segment needs 0 <= from < to, not " + fromSeconds + "-" + toSeconds);
    }

    public static Baseline segment(double fromSeconds, double toSeconds) {
        return new Baseline(BaselineMode.SEGMENT, fromSeconds, toSeconds);
    }

    /** Whether coding needs a first pass over the whole file. */
    public boolean twoPasses() {
        return mode != BaselineMode.RUNNING;
    }
}
