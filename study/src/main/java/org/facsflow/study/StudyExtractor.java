package org.facsflow.study;

import org.facsflow.models.AssetStore;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The extractor of {@code study run}: a recording that is another tool's AU file is read as that tool coded it
 * ({@link CodingFileExtractor}); a video file or a folder of frames goes through the pipeline
 * ({@link PipelineExtractor}), whose models load at the first such recording, so a study of AU files alone loads none.
 */
public final class StudyExtractor implements VideoExtractor {
    private final AssetStore store;
    private final boolean voice;
    private final CodingFileExtractor files = new CodingFileExtractor();
    private PipelineExtractor pipeline;
    private VideoExtractor last;

    /** @param voice false to leave the videos' sound alone */
    public StudyExtractor(AssetStore store, boolean voice) {
        this.store = store;
        this.voice = voice;
    }

    @Override
    public void extract(Recording recording, Consumer<StudyFrame> sink, Progress progress) throws IOException {
        if (CodingFileExtractor.accepts(recording.video())) {
            last = files;
        } else {
            if (pipeline == null) pipeline = new PipelineExtractor(store, voice);
            last = pipeline;
        }
        last.extract(recording, sink, progress);
    }

    /** What measured the last recording: the pipeline, or the tool whose file was read. */
    @Override
    public String description() {
        return last == null ? PipelineExtractor.DESCRIPTION : last.description();
    }

    @Override
    public void close() {
        if (pipeline != null) pipeline.close();
    }
}
