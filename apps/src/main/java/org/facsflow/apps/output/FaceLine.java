package org.facsflow.apps.output;

import org.facsflow.affect.Emotion;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.pipeline.FaceResult;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One line for people about one face: its strongest present AUs with their FACS letters, the top emotion and valence;
 * "AUs not measurable" for a face turned too far or covered, and then no emotion either (the classifiers still
 * answer, but about a face the coder could not read).
 */
public final class FaceLine {
    private FaceLine() {
    }

    /** @param shown the AUs worth naming (the validated ones; experimental AUs stay in the CSV) */
    public static String describe(FaceResult face, Predicate<ActionUnit> shown) {
        StringBuilder line = new StringBuilder("face " + face.faceId() + ":");
        AuFrame aus = face.aus();
        List<ActionUnit> measured = aus == null ? List.of()
                : ActionUnit.CODED.stream().filter(shown).filter(au -> !Float.isNaN(aus.intensity(au))).toList();
        if (measured.isEmpty()) return line.append(" AUs not measurable (face turned too far, covered or unclear)").toString();
        List<ActionUnit> present = measured.stream().filter(aus::present)
                .sorted(Comparator.comparingDouble(au -> -aus.intensity(au))).limit(4).toList();
        line.append(present.isEmpty() ? " no AU present" : "");
        for (ActionUnit au : present)
            line.append(String.format(Locale.ROOT, " %s %.1f%s", au.code(), aus.intensity(au),
                    aus.letter(au).map(l -> " " + l.name()).orElse("")));
        if (face.affect() != null) {
            face.affect().emotions().top(Emotion.CLASSIFIED).ifPresent(e -> line.append(String.format(Locale.ROOT,
                    "; %s %.0f%%", e.label(), 100 * face.affect().emotions().get(e))));
            line.append(String.format(Locale.ROOT, ", valence %+.2f", face.affect().circumplex().valence()));
        }
        return line.toString();
    }
}
