package org.facsflow.interop.elan;

import org.facsflow.affect.AffectTimeline;
import org.facsflow.affect.Emotion;
import org.facsflow.affect.EmotionScores;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The .eaf of one analysed video, collected while it runs: feed each face's smoothed emotion probabilities per
 * frame ({@link #add}), then {@link #write} with what {@link AffectTimeline#finish()} returned. Memory is a few
 * numbers per segment, not per frame. A segment's label is the frame's top emotion among
 * {@link Emotion#CLASSIFIED} (none where no probability is above 0: unmeasured); segments follow
 * {@link Segmenter}'s rule. Not thread-safe.
 */
public final class ElanExport {
    private final Map<Integer, Segmenter> emotions = new TreeMap<>();

    /** One face in one frame: the smoothed emotion probabilities ({@code AffectFrame.emotions()}). */
    public void add(int faceId, double time, EmotionScores scores) {
        Optional<Emotion> top = scores.top(Emotion.CLASSIFIED);
        emotions.computeIfAbsent(faceId, Segmenter::new)
                .add(time, top.map(Emotion::label).orElse(null), top.map(scores::get).orElse(Float.NaN));
    }

    /** The annotations so far with the video's summary (call once, at the end). */
    public AnalysisAnnotations annotations(AffectTimeline.Summary summary) {
        List<Segment> segments = new ArrayList<>();
        for (Segmenter s : emotions.values()) segments.addAll(s.finish());
        return AnalysisAnnotations.of(summary, segments);
    }

    /** Writes {@code eaf} (atomically) linked to {@code media}. */
    public void write(Path eaf, Path media, AffectTimeline.Summary summary) throws IOException {
        EafWriter.write(eaf, media, annotations(summary));
    }
}
