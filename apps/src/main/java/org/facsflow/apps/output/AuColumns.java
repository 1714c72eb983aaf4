package org.facsflow.apps.output;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The AU coder's columns. OpenFace's first, in its order and spelling, so its readers work unchanged: AUxx_r for its
 * 17 intensity AUs, then AUxx_c for its 18 presence AUs (AU28 has only _c there). Then ours: AUxx_r and AUxx_c of the
 * other coded AUs (AU28_r included), AUxx_L_r / AUxx_R_r (subject's own left/right) for the AUs FACS scores per side,
 * AUxx_letter (A-E, empty below A) for every coded AU, and au_baseline (running, offline or segment).
 * Unmeasurable values (NaN) are empty fields; a row without AU coding has every field empty.
 */
public final class AuColumns {
    /** OpenFace 2's AU_r columns, in its order. */
    public static final List<Integer> OPENFACE_INTENSITY = List.of(1, 2, 4, 5, 6, 7, 9, 10, 12, 14, 15, 17, 20, 23, 25, 26, 45);
    /** OpenFace 2's AU_c columns, in its order. */
    public static final List<Integer> OPENFACE_PRESENCE = List.of(1, 2, 4, 5, 6, 7, 9, 10, 12, 14, 15, 17, 20, 23, 25, 26, 28, 45);

    /** Our coded AUs beyond OpenFace's intensity set, and the ones FACS scores per side. */
    private static final List<ActionUnit> EXTRA = ActionUnit.CODED.stream()
            .filter(au -> !OPENFACE_INTENSITY.contains(au.number())).toList();
    private static final List<ActionUnit> SIDED = ActionUnit.CODED.stream().filter(ActionUnit::unilateral).toList();
    private static final List<String> NAMES = names();

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int n : OPENFACE_INTENSITY) names.add(code(n) + "_r");
        for (int n : OPENFACE_PRESENCE) names.add(code(n) + "_c");
        for (ActionUnit au : EXTRA) names.add(code(au.number()) + "_r");
        for (ActionUnit au : EXTRA) if (!OPENFACE_PRESENCE.contains(au.number())) names.add(code(au.number()) + "_c");
        for (ActionUnit au : SIDED) {
            names.add(code(au.number()) + "_L_r");
            names.add(code(au.number()) + "_R_r");
        }
        for (ActionUnit au : ActionUnit.CODED) names.add(code(au.number()) + "_letter");
        names.add("au_baseline");
        return List.copyOf(names);
    }

    private static String code(int number) {
        return String.format(Locale.ROOT, "AU%02d", number);
    }

    private AuColumns() {
    }

    /** @param aus how to get a row's coded AUs (null where the row has none) */
    public static ColumnGroup of(Function<FaceRow, AuFrame> aus) {
        return ColumnGroup.of(NAMES, aus, AuColumns::append);
    }

    private static void append(AuFrame f, CsvRow out) {
        for (int n : OPENFACE_INTENSITY) out.number(f.intensity(ActionUnit.of(n)), 2);
        for (int n : OPENFACE_PRESENCE) presence(f, ActionUnit.of(n), out);
        for (ActionUnit au : EXTRA) out.number(f.intensity(au), 2);
        for (ActionUnit au : EXTRA) if (!OPENFACE_PRESENCE.contains(au.number())) presence(f, au, out);
        for (ActionUnit au : SIDED) {
            out.number(f.left(au), 2);
            out.number(f.right(au), 2);
        }
        for (ActionUnit au : ActionUnit.CODED) out.text(f.letter(au).map(Enum::name).orElse(""));
        out.text(f.baseline().label());
    }

    /** 1.00 / 0.00 as OpenFace writes it; empty where the AU is unmeasurable. */
    private static void presence(AuFrame f, ActionUnit au, CsvRow out) {
        out.number(Float.isNaN(f.intensity(au)) ? Double.NaN : f.present(au) ? 1 : 0, 2);
    }
}
