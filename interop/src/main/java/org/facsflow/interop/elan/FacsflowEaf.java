package org.facsflow.interop.elan;

import org.facsflow.affect.events.AuEvent;
import org.facsflow.affect.smile.SmileEpisode;
import org.facsflow.facs.ActionUnit;
import org.facsflow.interop.InteropFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back what {@link EafWriter} wrote for a video: the exact events, smiles and segments, from the detail tiers. */
public final class FacsflowEaf {
    private static final Pattern TIER = Pattern.compile("face (\\d+) (AU(\\d+)|smile|emotion|valence)");

    private FacsflowEaf() {
    }

    public static AnalysisAnnotations read(Path file) throws IOException {
        EafFile eaf = EafReader.read(file);
        List<AuEvent> events = new ArrayList<>();
        List<SmileEpisode> smiles = new ArrayList<>();
        List<Segment> emotions = new ArrayList<>(), valence = new ArrayList<>();
        for (EafFile.Tier tier : eaf.tiers()) {
            Matcher m = TIER.matcher(tier.id());
            if (tier.parent() != null || !m.matches()) continue;
            EafFile.Tier detailTier = eaf.tier(tier.id() + " detail").orElseThrow(() ->
                    new InteropFormatException(file, "tier \"" + tier.id() + "\" has no \"detail\" tier: not written by facsflow"));
            Map<String, String> details = new HashMap<>();
            for (EafFile.Annotation a : detailTier.annotations()) details.put(a.ref(), a.value());
            int face = Integer.parseInt(m.group(1));
            for (EafFile.Annotation a : tier.annotations()) {
                String text = details.get(a.id());
                if (text == null)
                    throw new InteropFormatException(file, "annotation " + a.id() + " of \"" + tier.id() + "\" has no detail");
                Details d;
                try {
                    d = Details.parse(text);
                    switch (m.group(2)) {
                        case "smile" -> smiles.add(new SmileEpisode(face, d.episode(), d.single("symmetry"),
                                d.single("au6_fraction"), d.single("au6_au12_r"), d.number("au6_onset_lag_s"),
                                a.value().equals("Duchenne")));
                        case "emotion" -> emotions.add(segment(face, a, d));
                        case "valence" -> valence.add(segment(face, a, d));
                        default -> events.add(new AuEvent(face, ActionUnit.of(Integer.parseInt(m.group(3))), d.episode()));
                    }
                } catch (IllegalArgumentException | NoSuchElementException e) {
                    throw new InteropFormatException(file, "annotation " + a.id() + " of \"" + tier.id() + "\": " + e.getMessage());
                }
            }
        }
        return new AnalysisAnnotations(events, smiles, emotions, valence);
    }

    private static Segment segment(int face, EafFile.Annotation a, Details d) {
        return new Segment(face, a.value(), d.number("onset_s"), d.number("offset_s"), d.number("mean"));
    }
}
