package org.facsflow.affect.rules;

import org.facsflow.affect.AuIntensities;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One required action in an EMFACS combination, written as in the rule table: {@code 12}, {@code 5B}, {@code R14A},
 * or alternatives {@code 25/26/27} (any one of them). A letter is the least FACS intensity the action must reach
 * (A 1.0, B 1.5, C 2.5, D 3.5, E 4.5 on the 0-5 scale, the bands of {@link IntensityScale}); no letter means A, i.e.
 * present. An L/R prefix asks for the action on that side of the person only: its value is that side's intensity
 * minus the other side's, so a symmetric action does not count as one-sided.
 */
public record AuTerm(List<Alternative> alternatives) {
    private static final Pattern TOKEN = Pattern.compile("([LR]?)(\\d+)([A-E]?)");

    public enum Side { BOTH, LEFT, RIGHT }

    /** One way to meet the term. */
    public record Alternative(ActionUnit au, Side side, float minimum) {
        /** The action's 0-5 value in {@code aus} as this alternative reads it; NaN if not measured. */
        public float value(AuIntensities aus) {
            return switch (side) {
                case BOTH -> aus.get(au);
                case LEFT -> Math.max(0, aus.left(au) - aus.right(au));
                case RIGHT -> Math.max(0, aus.right(au) - aus.left(au));
            };
        }
    }

    public AuTerm {
        if (alternatives.isEmpty()) throw new IllegalArgumentException("a term needs at least one action");
        alternatives = List.copyOf(alternatives);
    }

    /**
     * The value of the best alternative that reaches its minimum; 0 if measured alternatives all fall short; NaN if
     * no alternative is measured.
     */
    public float value(AuIntensities aus) {
        float best = Float.NaN;
        for (Alternative a : alternatives) {
            float v = a.value(aus);
            if (Float.isNaN(v)) continue;
            float met = v >= a.minimum() ? v : 0;
            if (Float.isNaN(best) || met > best) best = met;
        }
        return best;
    }

    /** Parses a term such as {@code 5B}, {@code R12A} or {@code 25/26/27}. */
    public static AuTerm parse(String text) {
        List<Alternative> alternatives = new ArrayList<>();
        for (String part : text.trim().split("/")) {
            Matcher m = TOKEN.matcher(part.trim());
            if (!m.matches())
                throw new IllegalArgumentException("\"" + part.trim() + "\" is not an action such as 12, 5B, R14A");
            ActionUnit au = ActionUnit.of(Integer.parseInt(m.group(2)));
            AuIntensities.indexOf(au); // fails for an AU the coder does not measure
            Side side = switch (m.group(1)) {
                case "L" -> Side.LEFT;
                case "R" -> Side.RIGHT;
                default -> Side.BOTH;
            };
            if (side != Side.BOTH && !au.unilateral())
                throw new IllegalArgumentException(au.code() + " is not scored per side in FACS: " + part.trim());
            float minimum = m.group(3).isEmpty() ? IntensityScale.PRESENCE_THRESHOLD
                    : minimum(IntensityScale.valueOf(m.group(3)));
            alternatives.add(new Alternative(au, side, minimum));
        }
        return new AuTerm(alternatives);
    }

    /** Lower edge of a letter's band: A starts at the presence threshold, B-E at their integer - 0.5. */
    static float minimum(IntensityScale letter) {
        return letter == IntensityScale.A ? IntensityScale.PRESENCE_THRESHOLD : letter.ordinal() + 0.5f;
    }
}
