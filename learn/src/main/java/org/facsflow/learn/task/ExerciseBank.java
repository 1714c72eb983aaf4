package org.facsflow.learn.task;

import java.util.SplittableRandom;

/**
 * Generated arithmetic items at five levels of difficulty: the same seed, level and index always give the same item,
 * so the two conditions of a pilot see the same content in the same order.
 * <ol>
 *   <li>single-digit sums (3 + 5)</li>
 *   <li>two-digit sums and differences, no negative results (47 + 38, 82 - 29)</li>
 *   <li>times tables to 12 (7 × 8)</li>
 *   <li>two-digit by one-digit products and exact divisions (34 × 6, 84 ÷ 7)</li>
 *   <li>brackets and several steps ((12 + 9) × 4 - 15)</li>
 * </ol>
 */
public final class ExerciseBank {
    public static final int LEVELS = 5;
    private final long seed;

    public ExerciseBank(long seed) {
        this.seed = seed;
    }

    /** The {@code index}-th item (0-based) of {@code level}. */
    public Exercise item(int level, int index) {
        if (level < 1 || level > LEVELS) throw new IllegalArgumentException("level " + level + " not in 1.." + LEVELS);
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + level * 10_007L + index);
        String id = String.format("L%d-%02d", level, index + 1);
        return switch (level) {
            case 1 -> {
                int a = r.nextInt(1, 10), b = r.nextInt(1, 10);
                yield new Exercise(id, 1, a + " + " + b, a + b,
                        "Start at " + Math.max(a, b) + " and count on " + Math.min(a, b) + ".");
            }
            case 2 -> {
                int a = r.nextInt(20, 100), b = r.nextInt(11, a);
                boolean plus = r.nextBoolean();
                yield plus ? new Exercise(id, 2, a + " + " + b, a + b, "Add the tens first: " + (a / 10 * 10) + " + "
                        + (b / 10 * 10) + " = " + (a / 10 * 10 + b / 10 * 10) + ", then the ones.")
                        : new Exercise(id, 2, a + " - " + b, a - b, "Take away the tens first: " + a + " - "
                        + (b / 10 * 10) + " = " + (a - b / 10 * 10) + ", then the ones.");
            }
            case 3 -> {
                int a = r.nextInt(2, 10), b = r.nextInt(2, 13);
                yield new Exercise(id, 3, a + " × " + b, a * b, a + " × " + b + " is " + a + " × " + (b - 1)
                        + " and one more " + a + ".");
            }
            case 4 -> {
                if (r.nextBoolean()) {
                    int a = r.nextInt(12, 100), b = r.nextInt(2, 10);
                    yield new Exercise(id, 4, a + " × " + b, a * b, "Split " + a + " into " + (a / 10 * 10) + " and "
                            + (a % 10) + ": " + (a / 10 * 10) + " × " + b + " = " + (a / 10 * 10 * b) + ", then add "
                            + (a % 10) + " × " + b + ".");
                }
                int b = r.nextInt(3, 10), q = r.nextInt(4, 13);
                yield new Exercise(id, 4, (b * q) + " ÷ " + b, q, "Which number times " + b + " makes " + (b * q) + "?");
            }
            default -> {
                int a = r.nextInt(5, 20), b = r.nextInt(3, 15), c = r.nextInt(2, 6), d = r.nextInt(1, 20);
                yield new Exercise(id, 5, "(" + a + " + " + b + ") × " + c + " - " + d, (a + b) * c - d,
                        "Brackets first: " + a + " + " + b + " = " + (a + b) + ".");
            }
        };
    }
}
