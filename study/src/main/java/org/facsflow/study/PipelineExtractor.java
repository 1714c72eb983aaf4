package org.facsflow.study;

import org.facsflow.fusion.voice.VoiceStep;
import org.facsflow.media.MediaException;
import org.facsflow.media.VideoSources;
import org.facsflow.media.voice.VoiceFrame;
import org.facsflow.models.AssetStore;
import org.facsflow.pipeline.Baseline;
import org.facsflow.pipeline.FaceResult;
import org.facsflow.pipeline.FrameResult;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.PipelineSettings;
import org.facsflow.pipeline.SourceInfo;
import org.facsflow.pipeline.VideoInput;
import org.facsflow.pipeline.VideoProgress;
import org.facsflow.study.metrics.Signals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The real extractor behind {@code facsflow study run}: the {@link Pipeline} over each recording with every person's
 * offline baseline (the whole recording), handing the study one frame per face per video frame with the same
 * valence and arousal the CSV of {@code analyze} carries (the expression models fused with the AUs), and, for a video
 * file with speech, the voice on the speaking face's frames as in analyze's {@code voice_*} columns. One per worker
 * thread.
 */
public final class PipelineExtractor implements VideoExtractor {
    /** How the pipeline runs for a study: the defaults with each person's offline baseline. */
    public static final PipelineSettings SETTINGS = PipelineSettings.DEFAULT.withBaseline(Baseline.OFFLINE);
    /** What measured the frames, kept with each video's results. */
    public static final String DESCRIPTION = "facsflow pipeline: face tracking, AU coding against each person's offline "
            + "baseline, valence and arousal fused from the expression models and the AUs, the voice of the speaking "
            + "face (as in analyze's CSV)";

    private final Pipeline pipeline;
    private final boolean voice;

    /** With the voice of every video file that has speech. */
    public PipelineExtractor(AssetStore store) {
        this(store, true);
    }

    /** @param voice false to leave the recordings' sound alone (no voice metrics) */
    public PipelineExtractor(AssetStore store, boolean voice) {
        pipeline = Pipeline.load(store, SETTINGS);
        this.voice = voice;
    }

    /** The extraction settings a study stores with each video's frames ({@link StoredFrames#SETTINGS}). */
    public static String extractionSettings(boolean voice) {
        return voice ? "sound analysed" : "sound left alone";
    }

    /**
     * What the pipeline reads of a recording: its video file, or its folder of frames at the manifest's frame rate,
     * up to the stimulus end ({@link Recording#endSeconds()}).
     */
    public static VideoInput input(Recording recording) {
        Path video = recording.video();
        String spec = Files.isDirectory(video) ? VideoSources.sequenceSpec(video) : video.toString();
        double frameRate = Double.isNaN(recording.frameRate()) ? VideoSources.SEQUENCE_FRAME_RATE : recording.frameRate();
        return new VideoInput(spec, s -> VideoSources.open(s, frameRate), VideoInput.UNLIMITED, recording.endSeconds());
    }

    /**
     * Decodes up to the stimulus end ({@link Recording#endSeconds()}). The offline baseline reads the recording twice,
     * so the progress counts both passes: its length is twice the recording's, and the second pass's times follow the
     * first's.
     */
    @Override
    public void extract(Recording recording, Consumer<StudyFrame> sink, Progress progress) throws IOException {
        VideoInput input = input(recording);
        try {
            VoiceStep.forInput(input.spec(), voice).analyze(pipeline, input, frame -> report(frame, sink),
                    new TwoPasses(progress, recording.endSeconds()));
        } catch (MediaException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The pipeline's passes as one span of progress. */
    private static final class TwoPasses implements VideoProgress {
        private final Progress progress;
        private final double end;
        private double length = Double.NaN, offset;
        private long framesBefore, frames;

        TwoPasses(Progress progress, double end) {
            this.progress = progress;
            this.end = end;
        }

        @Override
        public void pass(int pass, int passes, SourceInfo source, long expectedFrames) {
            if (Double.isNaN(length)) {
                double seconds = source.frameRate() > 0 && source.frameCountEstimate() > 0
                        ? Math.min(end, source.frameCountEstimate() / source.frameRate()) : Double.NaN;
                length = seconds;
                if (!Double.isNaN(seconds)) progress.length(passes * seconds);
            }
            offset = (pass - 1) * (Double.isNaN(length) ? 0 : length);
            framesBefore += frames;
            frames = 0;
        }

        @Override
        public void frame(long decoded, double seconds) {
            frames = decoded;
            progress.decoded(framesBefore + decoded, offset + seconds);
        }
    }

    /** The frame's measured faces, or its no-face record (a face lost in this frame is reported by the others or not). */
    private static void report(FrameResult frame, Consumer<StudyFrame> sink) {
        long index = frame.frame() - 1;
        boolean any = false;
        for (FaceResult face : frame.faces()) {
            if (!face.success() || face.aus() == null) continue;
            sink.accept(new StudyFrame(face.faceId(), index, frame.time(), face.aus().intensity(), true, measures(face)));
            any = true;
        }
        if (!any) sink.accept(StudyFrame.noFace(index, frame.time()));
    }

    /** The face's {@link Signals#MEASURES}, in their order: valence, arousal, and the voice where this face speaks. */
    private static float[] measures(FaceResult face) {
        float valence = face.affect().circumplex().valence(), arousal = face.affect().circumplex().arousal();
        VoiceFrame voice = face.voice();
        if (voice == null) return new float[]{valence, arousal};
        return new float[]{valence, arousal, (float) voice.active(), (float) voice.energyDb(), (float) voice.f0(),
                (float) voice.syllableRate()};
    }

    @Override
    public String description() {
        return DESCRIPTION;
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
