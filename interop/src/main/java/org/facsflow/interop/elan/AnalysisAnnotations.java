package org.facsflow.interop.elan;

import org.facsflow.affect.AffectTimeline;
import org.facsflow.affect.circumplex.CircumplexTrack;
import org.facsflow.affect.events.AuEvent;
import org.facsflow.affect.smile.SmileEpisode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What facsflow writes into an .eaf for one video and reads back unchanged: AU events, smiles, emotion segments and
 * valence segments, each list ordered by face and onset (AU events then by AU number).
 */
public record AnalysisAnnotations(List<AuEvent> events, List<SmileEpisode> smiles, List<Segment> emotions,
                                  List<Segment> valence) {
    /** Valence above this is "positive", below its negative "negative", between "neutral". */
    public static final double VALENCE_CLASS = 0.2;

    public AnalysisAnnotations {
        events = events.stream().sorted(Comparator.comparingInt(AuEvent::faceId)
                .thenComparingDouble(e -> e.episode().onset()).thenComparingInt(e -> e.au().number())).toList();
        smiles = smiles.stream().sorted(Comparator.comparingInt(SmileEpisode::faceId)
                .thenComparingDouble(s -> s.au12().onset())).toList();
        Comparator<Segment> order = Comparator.comparingInt(Segment::faceId).thenComparingDouble(Segment::onset);
        emotions = emotions.stream().sorted(order).toList();
        valence = valence.stream().sorted(order).toList();
    }

    /**
     * The annotations of a finished video: the summary's events and smiles, valence segments from its circumplex
     * tracks ({@link #valenceSegments}), and emotion segments made while the video ran ({@link ElanExport}).
     */
    public static AnalysisAnnotations of(AffectTimeline.Summary summary, List<Segment> emotions) {
        List<Segment> valence = new ArrayList<>();
        for (CircumplexTrack track : summary.circumplex()) valence.addAll(valenceSegments(track));
        return new AnalysisAnnotations(summary.events(), summary.smiles(), emotions, valence);
    }

    /** Positive / neutral / negative segments of one face's valence (NaN frames are unmeasured). */
    public static List<Segment> valenceSegments(CircumplexTrack track) {
        Segmenter segmenter = new Segmenter(track.faceId());
        for (int i = 0; i < track.size(); i++) {
            float v = track.valence()[i];
            segmenter.add(track.times()[i], valenceClass(v), v);
        }
        return segmenter.finish();
    }

    static String valenceClass(float v) {
        if (Float.isNaN(v)) return null;
        return v > VALENCE_CLASS ? "positive" : v < -VALENCE_CLASS ? "negative" : "neutral";
    }
}
