package org.facsflow.learn.pilot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Counterbalanced assignment: participants are taken in blocks of four, and each block holds every combination of
 * condition (adaptive, non-adaptive) and test-form order (A then B, B then A) once, in an order shuffled with the
 * pilot's seed. After any whole block the conditions are equal in number and each form is the pre-test of half of
 * each condition, so neither the order of arrival nor a harder form can favour one condition.
 *
 * @param position  0-based arrival order
 * @param condition the condition
 * @param preForm   "A" or "B": the pre-test's form (the post-test gets the other)
 */
public record Assignment(int position, PilotCondition condition, String preForm) {
    public String postForm() {
        return preForm.equals("A") ? "B" : "A";
    }

    /** The assignment of the participant arriving at {@code position}. */
    public static Assignment of(int position, long seed) {
        if (position < 0) throw new IllegalArgumentException("position " + position);
        List<Assignment> block = new ArrayList<>();
        for (PilotCondition c : PilotCondition.values())
            for (String form : List.of("A", "B")) block.add(new Assignment(0, c, form));
        Collections.shuffle(block, new Random(seed * 7919L + position / 4));
        Assignment a = block.get(position % 4);
        return new Assignment(position, a.condition, a.preForm);
    }
}
