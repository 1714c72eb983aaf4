package org.facsflow.study;

import org.facsflow.study.metrics.StudyMetrics;
import org.facsflow.study.metrics.VideoSummary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A study as its database holds it: the design, every recording with its run status, and the frames on demand. */
public final class StudyData {
    /** A manifest row with what the last run did with it, and whether its frames were simulated. */
    public record StoredVideo(Recording recording, VideoStatus.State state, String reason, boolean simulated) {
        public boolean complete() {
            return state != VideoStatus.State.FAILED;
        }
    }

    private final StudyStore store;
    private final Design design;
    private final List<StoredVideo> videos;

    StudyData(StudyStore store, Design design, List<StoredVideo> videos) {
        this.store = store;
        this.design = design;
        this.videos = List.copyOf(videos);
    }

    public static StudyData open(Path studyDir) throws IOException {
        return new StudyStore(studyDir).open();
    }

    public StudyStore store() {
        return store;
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
        List<VideoSummary> out = new ArrayList<>();
        store.forEachSeries(recordings, series -> out.add(metrics.summarize(series)));
        return out;
    }
}
