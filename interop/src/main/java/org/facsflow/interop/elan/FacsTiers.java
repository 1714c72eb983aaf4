package org.facsflow.interop.elan;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;
import org.facsflow.interop.EventLabels;
import org.facsflow.interop.FaceNames;
import org.facsflow.interop.LabelEvent;
import org.facsflow.interop.ToolFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the labels of any .eaf as events, finding FACS codes in them the ways coders write them:
 * <ul>
 *   <li>a tier per AU: the tier id names one AU ("AU12", "AU01", "P1 AU12", facsflow's "face 0 AU12"); each
 *       annotation is an event of that AU, its intensity the letter A-E its value is or ends with ("C", "AU12C",
 *       "12C"), none where the value has no letter;</li>
 *   <li>a FACS tier: a tier whose id contains "FACS" or "AU" and all of whose values are FACS codes such as
 *       "1+2+5B+26" or "AU6+AU12C" (prefixes L, R, U, B for sides are accepted and dropped): each code an event;</li>
 *   <li>a child tier of symbolic association whose values are single letters A-E gives the intensity of its
 *       parent's events;</li>
 *   <li>every other time-aligned annotation is a label event with no AU (tier id and value as written).</li>
 * </ul>
 * Faces: "face N" in the tier id or participant gives N; other participants are numbered 0, 1, ... in order of
 * appearance; no participant is face 0. Child tiers are read only for intensity letters.
 */
public final class FacsTiers {
    private static final Pattern AU_IN_ID = Pattern.compile("(?i)(?<![A-Za-z])AU\\s*0*(\\d{1,2})(?!\\d)");
    private static final Pattern LETTER_VALUE = Pattern.compile("(?i)\\s*(?:AU\\s*)?(?:0*\\d{1,2})?\\s*([A-E])?\\s*");
    private static final Pattern CODE = Pattern.compile("(?i)[LRUB]?\\s*(?:AU\\s*)?0*(\\d{1,2})\\s*([A-E])?");
    private static final Pattern FACE = Pattern.compile("(?i)face\\s*(\\d+)");

    private FacsTiers() {
    }

    public static EventLabels read(Path file) throws IOException {
        return labels(file, EafReader.read(file));
    }

    public static EventLabels labels(Path file, EafFile eaf) {
        FaceNames participants = new FaceNames();
        Map<String, LabelEvent> byAnnotation = new HashMap<>();
        List<LabelEvent> events = new ArrayList<>();
        for (EafFile.Tier tier : eaf.tiers()) {
            if (tier.parent() != null && tier.annotations().stream().allMatch(a -> a.ref() != null)) continue;
            int face = face(tier, participants);
            List<ActionUnit> named = aus(tier.id());
            boolean facsTier = named.isEmpty() && isFacsTier(tier);
            for (EafFile.Annotation a : tier.annotations()) {
                double onset = a.startMs() / 1000.0, offset = a.endMs() / 1000.0;
                if (named.size() == 1) {
                    Matcher m = LETTER_VALUE.matcher(a.value());
                    IntensityScale letter = m.matches() && m.group(1) != null
                            ? IntensityScale.valueOf(m.group(1).toUpperCase()) : null;
                    LabelEvent e = new LabelEvent(tier.id(), face, named.get(0), a.value(), onset, offset, letter);
                    events.add(e);
                    byAnnotation.put(a.id(), e);
                } else if (facsTier) {
                    for (String code : a.value().split("\\+")) {
                        if (code.isBlank()) continue;
                        Matcher m = CODE.matcher(code.trim());
                        m.matches();
                        IntensityScale letter = m.group(2) == null ? null : IntensityScale.valueOf(m.group(2).toUpperCase());
                        events.add(new LabelEvent(tier.id(), face, ActionUnit.of(Integer.parseInt(m.group(1))),
                                code.trim(), onset, offset, letter));
                    }
                } else {
                    events.add(new LabelEvent(tier.id(), face, null, a.value(), onset, offset, null));
                }
            }
        }
        // Intensity letters from symbolic-association children of AU tiers.
        for (EafFile.Tier tier : eaf.tiers()) {
            if (tier.parent() == null) continue;
            for (EafFile.Annotation a : tier.annotations()) {
                LabelEvent parent = a.ref() == null ? null : byAnnotation.get(a.ref());
                String v = a.value().trim().toUpperCase();
                if (parent == null || parent.intensity() != null || !v.matches("[A-E]")) continue;
                LabelEvent withLetter = new LabelEvent(parent.tier(), parent.face(), parent.au(), parent.value(),
                        parent.onset(), parent.offset(), IntensityScale.valueOf(v));
                events.set(events.indexOf(parent), withLetter);
                byAnnotation.put(a.ref(), withLetter);
            }
        }
        return new EventLabels(file, new ToolFormat("ELAN", "EAF " + eaf.format()), eaf.media(), events);
    }

    /** The AUs a tier id names ("AU12", "face 0 AU12"); more than one means it is not a one-AU tier. */
    private static List<ActionUnit> aus(String tierId) {
        List<ActionUnit> out = new ArrayList<>();
        Matcher m = AU_IN_ID.matcher(tierId);
        while (m.find()) {
            try {
                out.add(ActionUnit.of(Integer.parseInt(m.group(1))));
            } catch (NoSuchElementException e) {
                return List.of();
            }
        }
        return out;
    }

    private static boolean isFacsTier(EafFile.Tier tier) {
        String id = tier.id().toUpperCase();
        if (!id.contains("FACS") && !id.contains("AU")) return false;
        boolean any = false;
        for (EafFile.Annotation a : tier.annotations()) {
            if (a.value().isBlank()) continue;
            for (String code : a.value().split("\\+")) {
                Matcher m = CODE.matcher(code.trim());
                if (!m.matches()) return false;
                try {
                    ActionUnit.of(Integer.parseInt(m.group(1)));
                } catch (NoSuchElementException e) {
                    return false;
                }
            }
            any = true;
        }
        return any;
    }

    private static int face(EafFile.Tier tier, FaceNames participants) {
        Matcher m = FACE.matcher(tier.id());
        return m.find() ? Integer.parseInt(m.group(1)) : participants.face(tier.participant());
    }
}
