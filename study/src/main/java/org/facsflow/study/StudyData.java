package org.facsflow.study;

import org.facsflow.study.metrics.StudyMetrics;
import org.facsflow.study.metrics.VideoSummary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A study as its results hold it: the design, every recording with its run status, and the recordings' summaries on
 * demand (from the study database, or from wherever a distributed run computed them).
 */
public final class StudyData {
    /**
     * A manifest row with what the last run did with it, what measured its frames ({@link VideoExtractor#description()};
     * null where none were stored) and whether they were simulated.
     */
    public record StoredVideo(Recording recording, VideoStatus.State state, String reason, String extractor,
                              boolean simulated) {
        public boolean complete() {
            return state != VideoStatus.State.FAILED;
        }
    }

    /** Where the recordings' summaries come from. */
    @FunctionalInterface
    public interface Summaries {
        /** Summaries of the given recordings (complete ones), in their order. */
        List<VideoSummary> of(List<Recording> recordings, StudyMetrics metrics) throws IOException;
    }

    private final Design design;
    private final List<StoredVideo> videos;
    private final Summaries summaries;

    public StudyData(Design design, List<StoredVideo> videos, Summaries summaries) {
        this.design = design;
        this.videos = List.copyOf(videos);
        this.summaries = summaries;
    }

    public static StudyData open(Path studyDir) throws IOException {
        return new StudyStore(studyDir).open();
    }

    public Design design() {
        return design;
    }

    public List<StoredVideo> videos() {
        return videos;
    }

    public List<String> conditions() {
        return videos.stream().map(v -> v.recording().condition()).distinct().toList();
    }

    /** Summaries of the given recordings, computed one recording at a time from the stored frames. */
    public List<VideoSummary> summaries(List<Recording> recordings, StudyMetrics metrics) throws IOException {
        return summaries.of(recordings, metrics);
    }
}
