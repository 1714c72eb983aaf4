package org.facsflow.learn.state;

/**
 * How a state is entered and left, so that the machine neither flickers nor nags.
 *
 * @param priority        which state wins when the evidence for several holds (higher wins)
 * @param enterSeconds    its evidence must hold this long without a break before the state is entered
 * @param exitSeconds     its evidence must be absent this long before the state is left
 * @param minDwellSeconds once entered, no change for this long
 */
public record StateTiming(int priority, double enterSeconds, double exitSeconds, double minDwellSeconds) {
    public StateTiming {
        if (!(enterSeconds >= 0 && exitSeconds >= 0 && minDwellSeconds >= 0))
            throw new IllegalArgumentException("state timing must not be negative");
    }
}
