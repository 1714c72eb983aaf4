package org.facsflow.learn.state;

/**
 * The student's behaviour in the task at one moment: the evidence that needs no camera.
 *
 * @param secondsOnItem     time since the current item was shown (paused time not counted)
 * @param idleSeconds       time since the student last typed or answered
 * @param consecutiveErrors wrong answers in a row (reset by a right one)
 * @param recentErrors      wrong answers among the last five
 */
public record Behaviour(double secondsOnItem, double idleSeconds, int consecutiveErrors, int recentErrors) {
    /** Before any item: nothing to go on. */
    public static final Behaviour NONE = new Behaviour(0, 0, 0, 0);
}
