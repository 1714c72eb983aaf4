package org.facsflow.interop.elan;

import org.facsflow.affect.Emotion;
import org.facsflow.affect.events.AuEvent;
import org.facsflow.affect.smile.SmileEpisode;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;
import org.facsflow.interop.EventLabels;
import org.facsflow.interop.LabelEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Writes ELAN files (EAF 3.0, valid against EAFv3.0.xsd), atomically.
 *
 * <p>facsflow's own annotations ({@link #write(Path, Path, AnalysisAnnotations)}), per face:
 * <ul>
 *   <li>"face 0 AU12": one annotation per AU event, its value the FACS letter of the event's peak, from the
 *       controlled vocabulary "FACS intensity" (A-E, plus "present" for codes without a letter);</li>
 *   <li>"face 0 smile": one per smile, "Duchenne" or "non-Duchenne" (vocabulary "smile");</li>
 *   <li>"face 0 emotion" and "face 0 valence": segments (vocabularies "emotion": facsflow's eight labels, and
 *       "valence": positive, neutral, negative; see {@link Segmenter} and {@link AnalysisAnnotations});</li>
 *   <li>each with a child tier "... detail" (symbolic association) holding what the label and the millisecond
 *       times do not: frames, exact seconds, apex, peak, smile measures, segment means; {@link FacsflowEaf} reads
 *       them back unchanged.</li>
 * </ul>
 * Other labels ({@link #write(Path, EventLabels)}, for {@code convert}): AU events go to "face N AUn" tiers as above,
 * every other label to "face N &lt;tier&gt;" (type "label", no vocabulary).
 */
public final class EafWriter {
    static final String AU_TYPE = "FACS intensity", SMILE = "smile", EMOTION = "emotion", VALENCE = "valence",
            LABEL_TYPE = "label", PRESENT = "present";

    private EafWriter() {
    }

    /** facsflow's annotations of one video, linked to {@code media} (null: no media). */
    public static void write(Path eaf, Path media, AnalysisAnnotations content) throws IOException {
        EafDocument doc = document(eaf, media);
        List<AuEvent> events = content.events().stream().sorted(Comparator.comparingInt(AuEvent::faceId)
                .thenComparingInt(e -> e.au().number()).thenComparingDouble(e -> e.episode().onset())).toList();
        for (AuEvent e : events) {
            String letter = IntensityScale.letter(e.episode().peak()).map(Enum::name).orElse(PRESENT);
            String tier = auTier(e.faceId(), e.au());
            String id = annotate(doc, tier, AU_TYPE, e.faceId(), e.episode().onset(), e.episode().offset(), letter, "fi");
            detail(doc, tier, e.faceId(), id, new Details().episode(e.episode()));
        }
        for (SmileEpisode s : content.smiles()) {
            String tier = face(s.faceId()) + " smile";
            String id = annotate(doc, tier, SMILE, s.faceId(), s.au12().onset(), s.au12().offset(),
                    s.duchenne() ? "Duchenne" : "non-Duchenne", "smile");
            detail(doc, tier, s.faceId(), id, new Details().episode(s.au12()).put("symmetry", s.symmetry())
                    .put("au6_fraction", s.au6Fraction()).put("au6_au12_r", s.correlation())
                    .put("au6_onset_lag_s", s.au6OnsetLag()));
        }
        segments(doc, content.emotions(), EMOTION);
        segments(doc, content.valence(), VALENCE);
        doc.write(eaf);
    }

    /** Labels read from another file (ELAN, BORIS, a FaceReader state log), linked to its media if it names one. */
    public static void write(Path eaf, EventLabels labels) throws IOException {
        EafDocument doc = document(eaf, labels.media().map(Path::of).orElse(null));
        doc.type(LABEL_TYPE, null, true);
        for (LabelEvent e : labels.events()) {
            if (e.au() != null) {
                String letter = e.intensity() != null ? e.intensity().name() : PRESENT;
                annotate(doc, auTier(e.face(), e.au()), AU_TYPE, e.face(), e.onset(), e.offset(), letter, "fi");
            } else {
                String tier = e.tier().startsWith(face(e.face()) + " ") ? e.tier() : face(e.face()) + " " + e.tier();
                doc.tier(tier, LABEL_TYPE, face(e.face()), null);
                doc.annotate(tier, e.onset(), e.offset(), e.value(), null);
            }
        }
        doc.write(eaf);
    }

    static String face(int faceId) {
        return "face " + faceId;
    }

    static String auTier(int faceId, ActionUnit au) {
        return face(faceId) + " " + au.code();
    }

    private static EafDocument document(Path eaf, Path media) {
        EafDocument doc = new EafDocument();
        if (media != null) doc.media(eaf, media);
        doc.type(AU_TYPE, AU_TYPE, true);
        doc.type(SMILE, SMILE, true);
        doc.type(EMOTION, EMOTION, true);
        doc.type(VALENCE, VALENCE, true);
        String[][] letters = new String[IntensityScale.values().length + 1][];
        for (IntensityScale s : IntensityScale.values()) letters[s.ordinal()] = new String[]{s.name(), s.meaning()};
        letters[letters.length - 1] = new String[]{PRESENT, "coded present, intensity not coded"};
        doc.vocabulary(AU_TYPE, "FACS intensity letters (Ekman, Friesen & Hager 2002)", "fi", letters);
        doc.vocabulary(SMILE, "smile type", SMILE, new String[][]{{"Duchenne", "AU6 coupled with AU12"},
                {"non-Duchenne", "AU12 without coupled AU6"}});
        String[][] emotions = new String[Emotion.values().length][];
        for (Emotion e : Emotion.values()) emotions[e.ordinal()] = new String[]{e.label(), "facsflow emotion label"};
        doc.vocabulary(EMOTION, "top emotion of facsflow's smoothed classifier fusion", EMOTION, emotions);
        doc.vocabulary(VALENCE, "valence class (|valence| > " + AnalysisAnnotations.VALENCE_CLASS + ")", VALENCE,
                new String[][]{{"positive", "pleasant"}, {"neutral", "neither"}, {"negative", "unpleasant"}});
        return doc;
    }

    private static String annotate(EafDocument doc, String tier, String type, int faceId, double onset, double offset,
                                   String value, String vocabularyPrefix) {
        doc.tier(tier, type, face(faceId), null);
        return doc.annotate(tier, onset, offset, value, EafDocument.entryId(vocabularyPrefix, value));
    }

    private static void detail(EafDocument doc, String tier, int faceId, String parent, Details details) {
        doc.tier(tier + " detail", EafDocument.DETAIL_TYPE, face(faceId), tier);
        doc.refer(tier + " detail", parent, details.toString());
    }

    private static void segments(EafDocument doc, List<Segment> segments, String kind) {
        for (Segment s : segments) {
            String tier = face(s.faceId()) + " " + kind;
            String id = annotate(doc, tier, kind, s.faceId(), s.onset(), s.offset(), s.label(), kind);
            detail(doc, tier, s.faceId(), id, new Details().put("onset_s", s.onset()).put("offset_s", s.offset())
                    .put("mean", s.mean()));
        }
    }
}
