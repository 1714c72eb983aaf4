package org.facsflow.learn.pilot;

import org.facsflow.learn.task.Exercise;
import org.facsflow.learn.task.ExerciseBank;

import java.util.ArrayList;
import java.util.List;

/**
 * The pre- and post-test of the skill practised: two parallel forms of eight items, two at each of levels 2 to 5,
 * generated like the practice items but from their own seeds (no test item is practised). Scored as the share right,
 * with no feedback during the test.
 */
public final class SkillTest {
    public static final int ITEMS_PER_LEVEL = 2;
    private static final long SEED_A = 101, SEED_B = 202;

    private SkillTest() {
    }

    /** The items of form "A" or "B". */
    public static List<Exercise> form(String form) {
        long seed = switch (form) {
            case "A" -> SEED_A;
            case "B" -> SEED_B;
            default -> throw new IllegalArgumentException("no test form " + form + " (A or B)");
        };
        ExerciseBank bank = new ExerciseBank(seed);
        List<Exercise> items = new ArrayList<>();
        for (int level = 2; level <= ExerciseBank.LEVELS; level++)
            for (int i = 0; i < ITEMS_PER_LEVEL; i++) {
                Exercise e = bank.item(level, i);
                items.add(new Exercise(form + (items.size() + 1), e.level(), e.prompt(), e.answer(), e.hint()));
            }
        return List.copyOf(items);
    }
}
