package org.facsflow.learn.task;

/**
 * One arithmetic item.
 *
 * @param id     e.g. "L3-07": level 3, seventh item of that level
 * @param level  difficulty 1 (single-digit sums) to 5 (brackets and several steps)
 * @param prompt what the student sees, e.g. "7 × 8"
 * @param answer the right whole number
 * @param hint   a step towards the answer, not the answer
 */
public record Exercise(String id, int level, String prompt, int answer, String hint) {
}
