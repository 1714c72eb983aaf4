package org.facsflow.face;

/**
 * When a model that need not run on every frame is due again for a face: once per interval of stream time, and at
 * once when the clock does not move forward (a new still image, a rewound or restarted stream). The occlusion check
 * (face.track) and the expression models (affect) follow this one rule.
 */
public final class ModelSchedule {
    /** Timestamps within this many seconds count as the same moment (containers round frame times). */
    private static final double TOLERANCE = 1e-3;

    private ModelSchedule() {
    }

    /**
     * @param lastRun seconds of the face's last run; {@code Double.NEGATIVE_INFINITY} for never
     * @param now     seconds of this frame
     */
    public static boolean due(double lastRun, double now, double intervalSeconds) {
        return !(now > lastRun) || now - lastRun >= intervalSeconds - TOLERANCE;
    }
}
