package org.facsflow.learn.state;

import org.facsflow.facs.ActionUnit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quantity a rule can test: an AU's intensity ("AU4"), or one of the named camera and task measures. NaN where it is
 * not measured in an observation (an AU without a face).
 *
 * @param name as written in the rule file
 * @param au   the AU for an AU feature, else null
 */
public record Feature(String name, ActionUnit au) {
    /** 1 when a face was measured in the frame, else 0. */
    public static final Feature FACE_PRESENT = new Feature("face_present", null);
    /** 1 when head or gaze point beyond the screen's bounds (rule file, "screen"), 0 when on it; NaN without a face. */
    public static final Feature OFF_SCREEN = new Feature("off_screen", null);
    /**
     * Blinks (AU45 rising through 1.5) in the last 60 s; NaN until a face has been seen for 60 s. Read from AU45, so a
     * rule testing it names AU45 among its AUs ({@link #reads}).
     */
    public static final Feature BLINKS_PER_MINUTE = new Feature("blinks_per_minute", null);
    public static final Feature SECONDS_ON_ITEM = new Feature("seconds_on_item", null);
    public static final Feature IDLE_SECONDS = new Feature("idle_seconds", null);
    public static final Feature CONSECUTIVE_ERRORS = new Feature("consecutive_errors", null);
    public static final Feature RECENT_ERRORS = new Feature("recent_errors", null);

    public static final List<Feature> NAMED = List.of(FACE_PRESENT, OFF_SCREEN, BLINKS_PER_MINUTE, SECONDS_ON_ITEM,
            IDLE_SECONDS, CONSECUTIVE_ERRORS, RECENT_ERRORS);

    private static final Pattern AU = Pattern.compile("AU0*(\\d+)");

    /** The feature named {@code name} in a rule file. */
    public static Feature of(String name) {
        for (Feature f : NAMED) if (f.name.equals(name)) return f;
        Matcher m = AU.matcher(name);
        if (m.matches()) {
            ActionUnit au = ActionUnit.of(Integer.parseInt(m.group(1)));
            if (!ActionUnit.CODED.contains(au))
                throw new IllegalArgumentException(name + " is not coded by facsflow (coded: " + ActionUnit.CODED.stream()
                        .map(ActionUnit::code).toList() + ")");
            return new Feature(au.code(), au);
        }
        throw new IllegalArgumentException("unknown feature \"" + name + "\" (known: an AU code such as AU4, or "
                + NAMED.stream().map(Feature::name).toList() + ")");
    }

    public boolean isAu() {
        return au != null;
    }

    /** The AU this feature is measured from: its own, AU45 for blinks, else null. */
    public ActionUnit reads() {
        return equals(BLINKS_PER_MINUTE) ? ActionUnit.AU45 : au;
    }
}
