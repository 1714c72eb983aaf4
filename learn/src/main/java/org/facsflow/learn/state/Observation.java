package org.facsflow.learn.state;

import org.facsflow.learn.signals.Signals;

/**
 * One moment the state machine looks at: a frame's signals, the task behaviour then, and the two quantities derived
 * from the recent past (off screen, blinks per minute).
 */
public record Observation(Signals signals, Behaviour behaviour, float offScreen, float blinksPerMinute) {
    public double t() {
        return signals.t();
    }

    /** The feature's value here; NaN when not measured. */
    public float value(Feature f) {
        if (f.isAu()) return signals.au(f.au());
        if (f.equals(Feature.FACE_PRESENT)) return signals.face() ? 1 : 0;
        if (f.equals(Feature.OFF_SCREEN)) return offScreen;
        if (f.equals(Feature.BLINKS_PER_MINUTE)) return blinksPerMinute;
        if (f.equals(Feature.SECONDS_ON_ITEM)) return (float) behaviour.secondsOnItem();
        if (f.equals(Feature.IDLE_SECONDS)) return (float) behaviour.idleSeconds();
        if (f.equals(Feature.CONSECUTIVE_ERRORS)) return behaviour.consecutiveErrors();
        if (f.equals(Feature.RECENT_ERRORS)) return behaviour.recentErrors();
        throw new IllegalArgumentException("no value for " + f.name());
    }
}
