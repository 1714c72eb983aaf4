package org.facsflow.study;

import org.facsflow.media.MediaException;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;
import org.facsflow.pipeline.Baseline;
import org.facsflow.pipeline.FaceResult;
import org.facsflow.pipeline.FrameResult;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.PipelineSettings;
import org.facsflow.pipeline.VideoInput;
import org.facsflow.pipeline.VideoProgress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The real extractor behind {@code facsflow study run}: the {@link Pipeline} over each recording with every person's
 * offline baseline (the whole recording), handing the study one frame per face per video frame with the same
 * valence the CSV of {@code analyze} carries (the expression models fused with the AUs). One per worker thread.
 */
public final class PipelineExtractor implements VideoExtractor {
    private final Pipeline pipeline;

    public PipelineExtractor(AssetStore store) {
        pipeline = Pipeline.load(store, PipelineSettings.DEFAULT.withBaseline(Baseline.OFFLINE));
    }

    @Override
    public void extract(Recording recording, Consumer<AuFrame> sink) throws IOException {
        Path video = recording.video();
        String spec = Files.isDirectory(video) ? VideoSources.sequenceSpec(video) : video.toString();
        double frameRate = Double.isNaN(recording.frameRate()) ? VideoSources.SEQUENCE_FRAME_RATE : recording.frameRate();
        try {
            pipeline.analyzeVideo(new VideoInput(spec, s -> VideoSources.open(s, frameRate), VideoInput.UNLIMITED,
                    Double.POSITIVE_INFINITY), frame -> report(frame, sink), VideoProgress.NONE);
        } catch (MediaException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The frame's measured faces, or its no-face record (a face lost in this frame is reported by the others or not). */
    private static void report(FrameResult frame, Consumer<AuFrame> sink) {
        long index = frame.frame() - 1;
        boolean any = false;
        for (FaceResult face : frame.faces()) {
            if (!face.success() || face.aus() == null) continue;
            sink.accept(new AuFrame(face.faceId(), index, frame.time(), face.aus().intensity(), true,
                    face.affect().circumplex().valence()));
            any = true;
        }
        if (!any) sink.accept(AuFrame.noFace(index, frame.time()));
    }

    @Override
    public String description() {
        return "facsflow pipeline: face tracking, AU coding against each person's offline baseline, valence fused from "
                + "the expression models and the AUs (as in analyze's CSV)";
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
