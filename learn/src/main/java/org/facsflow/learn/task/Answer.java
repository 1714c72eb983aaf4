package org.facsflow.learn.task;

/**
 * One answer to an item.
 *
 * @param t       session seconds when it was given
 * @param item    the item's id
 * @param level   the item's level
 * @param given   what the student typed (as typed, trimmed)
 * @param correct whether it was the right number
 * @param seconds time from the item's showing to this answer (paused time not counted)
 * @param attempt 1 for the first try at the item
 */
public record Answer(double t, String item, int level, String given, boolean correct, double seconds, int attempt) {
}
