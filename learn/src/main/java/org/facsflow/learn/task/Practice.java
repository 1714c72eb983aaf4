package org.facsflow.learn.task;

import org.facsflow.learn.state.Behaviour;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The exercise loop: the current item, the level, and the timing and correctness the state machine reads as
 * behaviour. Three right first tries in a row move up a level; three wrong tries at one item show its answer and move
 * on. The adaptive lesson can step the level down ({@link #stepDown}). Times are session seconds; paused time counts
 * neither as time on the item nor as idle time.
 */
public final class Practice {
    static final int TRIES = 3, STREAK_UP = 3, RECENT = 5;

    private final ExerciseBank bank;
    private final int[] nextIndex = new int[ExerciseBank.LEVELS + 1];
    private final Deque<Boolean> recent = new ArrayDeque<>();
    private int level;
    private Exercise item;
    private double shownAt, lastInputAt, pausedAt = Double.NaN;
    private int tries, streak, consecutiveErrors;

    public Practice(ExerciseBank bank, int startLevel, double t) {
        this.bank = bank;
        this.level = startLevel;
        next(t);
    }

    public Exercise item() {
        return item;
    }

    public int level() {
        return level;
    }

    /** The student typed something (not yet an answer): no longer idle. */
    public void activity(double t) {
        lastInputAt = Math.max(lastInputAt, t);
    }

    /**
     * An answer to the current item: moves to the next item after a right answer or the last wrong try.
     *
     * @return the answer as recorded; {@code revealed} tells whether the item was given up on
     */
    public Outcome answer(String given, double t) {
        Exercise answered = item;
        boolean correct = parses(given) && Integer.parseInt(given.trim()) == item.answer();
        tries++;
        Answer a = new Answer(t, item.id(), item.level(), given.trim(), correct, t - shownAt, tries);
        lastInputAt = t;
        recent.addLast(correct);
        if (recent.size() > RECENT) recent.removeFirst();
        consecutiveErrors = correct ? 0 : consecutiveErrors + 1;
        boolean revealed = false;
        if (correct) {
            streak = tries == 1 ? streak + 1 : 0;
            if (streak >= STREAK_UP && level < ExerciseBank.LEVELS) {
                level++;
                streak = 0;
            }
            next(t);
        } else if (tries >= TRIES) {
            streak = 0;
            revealed = true;
            next(t);
        }
        return new Outcome(a, answered, revealed, item);
    }

    /**
     * @param answer   the recorded answer
     * @param answered the item it answered
     * @param revealed whether the item's answer is now shown (third wrong try)
     * @param next     the item now current (the same one after a wrong try that is not the last)
     */
    public record Outcome(Answer answer, Exercise answered, boolean revealed, Exercise next) {
    }

    /** One level easier (at least level 1), starting with a new item now. */
    public void stepDown(double t) {
        level = Math.max(1, level - 1);
        streak = 0;
        next(t);
    }

    public void pause(double t) {
        if (Double.isNaN(pausedAt)) pausedAt = t;
    }

    public void resume(double t) {
        if (Double.isNaN(pausedAt)) return;
        double gap = t - pausedAt;
        shownAt += gap;
        lastInputAt += gap;
        pausedAt = Double.NaN;
    }

    public Behaviour behaviour(double t) {
        int errors = 0;
        for (boolean ok : recent) if (!ok) errors++;
        return new Behaviour(t - shownAt, t - lastInputAt, consecutiveErrors, errors);
    }

    private void next(double t) {
        item = bank.item(level, nextIndex[level]++);
        shownAt = t;
        lastInputAt = t;
        tries = 0;
    }

    private static boolean parses(String s) {
        return s != null && s.trim().matches("-?\\d{1,9}");
    }
}
