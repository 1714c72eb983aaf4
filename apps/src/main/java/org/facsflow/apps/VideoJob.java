package org.facsflow.apps;

import org.facsflow.affect.AffectTimeline;
import org.facsflow.affect.events.AuEventCsv;
import org.facsflow.affect.plot.CircumplexPlot;
import org.facsflow.apps.output.OverlayVideo;
import org.facsflow.face.StageTimes;
import org.facsflow.fusion.voice.SpeakerAttribution;
import org.facsflow.fusion.voice.VoiceStep;
import org.facsflow.interop.elan.ElanExport;
import org.facsflow.media.MediaException;
import org.facsflow.media.VideoOpener;
import org.facsflow.media.VideoSources;
import org.facsflow.pipeline.FaceResult;
import org.facsflow.pipeline.FrameResult;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.ResultSink;
import org.facsflow.pipeline.SourceInfo;
import org.facsflow.pipeline.VideoInput;
import org.facsflow.pipeline.VideoSummary;
import org.facsflow.pipeline.table.ResultCsvWriter;
import org.facsflow.pipeline.table.ResultParquet;
import org.facsflow.pipeline.table.ResultSchema;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Analyses videos, cameras and filter graphs with the {@link Pipeline}: one CSV per input in the declared result
 * table's columns, one row per face per frame, written as frames stream by, so memory does not grow with the video;
 * then the video's AU events, their co-occurrence, its circumplex plot and an ELAN .eaf of them with the emotion and
 * valence segments, for review beside the video.
 * Everything is written atomically: the CSV (and overlay, Parquet) appear only when the whole input is done, and a
 * failure part-way leaves nothing under their names.
 */
final class VideoJob implements Batch.Job {
    /**
     * @param maxFrames  stop after this many frames ({@link VideoInput#UNLIMITED}: no limit)
     * @param maxSeconds stop at the first frame at or after this time (infinite: no limit)
     */
    record Options(boolean overlay, boolean mesh, String separator, boolean parquet, long maxFrames, double maxSeconds,
                   boolean voice) {
        /** With the voice analysed wherever a file has an audio track (analyze's default). */
        Options(boolean overlay, boolean mesh, String separator, boolean parquet, long maxFrames, double maxSeconds) {
            this(overlay, mesh, separator, parquet, maxFrames, maxSeconds, true);
        }
    }

    /**
     * What one input gave; {@code seconds} is the whole input's wall time, writing included; {@code summary.times()}
     * sums all threads, so per-stage times can exceed it.
     */
    record Result(Batch.Outcome outcome, VideoSummary summary, Path csv, double seconds) {
    }

    private final Pipeline pipeline;
    private final VideoOpener opener;
    private final OutputNames names;
    private final Options options;
    private final PrintStream out, err;
    private volatile boolean live, abandoned;

    VideoJob(Pipeline pipeline, VideoOpener opener, OutputNames names, Options options, PrintStream out, PrintStream err) {
        this.pipeline = pipeline;
        this.opener = opener;
        this.names = names;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    @Override
    public Batch.Outcome analyze(String input) throws MediaException, IOException {
        return analyzeVideo(input).outcome();
    }

    Result analyzeVideo(String spec) throws MediaException, IOException {
        long started = System.nanoTime();
        String stem = names.stem(spec);
        Path csv = names.file(stem, ".csv");
        VoiceStep voice = VoiceStep.forInput(spec, options.voice());
        ResultSchema schema = voice.schema(ResultSchema.standard(options.mesh(), pipeline.settings().experimentalAus()));
        Progress progress = Progress.of(err, stem);
        StageTimes writing = new StageTimes();
        VideoSummary summary;
        try (ResultCsvWriter writer = new ResultCsvWriter(csv, schema, options.separator());
             Outputs outputs = new Outputs(voice.attach(writer), stem, writing)) {
            VideoInput input = new VideoInput(spec, opener, options.maxFrames(), options.maxSeconds());
            try {
                summary = pipeline.analyzeVideo(input, outputs, progress);
            } catch (MediaException e) {
                if (abandoned) throw new IOException("interrupted", e);
                throw e;
            } finally {
                live = false;
                progress.done();
            }
            if (abandoned) throw new IOException("interrupted");
            outputs.rows.finish();
            writer.commit();
            if (outputs.overlay != null) outputs.overlay.commit();
            long start = StageTimes.start();
            writeAffectSummary(stem, summary.affect());
            outputs.elan.write(names.file(stem, ".eaf"), mediaFile(spec), summary.affect());
            if (options.parquet()) ResultParquet.convert(csv, schema, options.separator(), names.file(stem, ".parquet"));
            writing.stop(StageTimes.Stage.WRITE, start);
        }
        summary.times().add(writing);
        for (String problem : summary.problems()) err.println("facsflow: " + spec + ": " + problem + "; its AU columns stay empty");
        out.printf("%s: %d frames, %d with a face, %d face id(s) -> %s%s%n", spec, summary.frames(), summary.framesWithFace(),
                summary.faceIds(), csv, options.overlay() ? " (+ overlay)" : "");
        String voiceOutcome = voice.outcome();
        if (voiceOutcome != null) out.println(spec + ": " + voiceOutcome);
        return new Result(summary.framesWithFace() > 0 ? Batch.Outcome.ANALYSED : Batch.Outcome.NO_FACE, summary, csv,
                (System.nanoTime() - started) / 1e9);
    }

    /** The CSV (its rows through the voice attribution), and the overlay video once the source's size and rate are known. */
    private final class Outputs implements ResultSink<IOException>, AutoCloseable {
        final SpeakerAttribution<IOException> rows;
        final String stem;
        final StageTimes writing;
        final ElanExport elan = new ElanExport();
        OverlayVideo overlay;

        Outputs(SpeakerAttribution<IOException> rows, String stem, StageTimes writing) {
            this.rows = rows;
            this.stem = stem;
            this.writing = writing;
        }

        @Override
        public void begin(SourceInfo source) throws IOException {
            live = source.live();
            rows.begin(source);
            if (options.overlay())
                overlay = OverlayVideo.start(names.file(stem, "_overlay.mp4"), source.width(), source.height(),
                        source.frameRate(), options.mesh());
        }

        @Override
        public void accept(FrameResult frame) throws IOException {
            long start = StageTimes.start();
            rows.accept(frame);
            for (FaceResult face : frame.found()) elan.add(face.faceId(), face.time(), face.affect().emotions());
            if (overlay != null)
                overlay.write(frame.image(), frame.found().stream().map(FaceResult::face).toList(), frame.camera());
            writing.stop(StageTimes.Stage.WRITE, start);
        }

        @Override
        public void close() throws IOException {
            if (overlay != null) overlay.close();
        }
    }

    /** Per video: every AU's episodes, their co-occurrence, and each face's path in the valence-arousal plane. */
    private void writeAffectSummary(String stem, AffectTimeline.Summary summary) throws IOException {
        AuEventCsv.write(names.file(stem, "_events.csv"), summary.events());
        AuEventCsv.writeCooccurrence(names.file(stem, "_cooccurrence.csv"), summary.cooccurrence(),
                ResultSchema.reportedAus(pipeline.settings().experimentalAus()));
        if (!summary.circumplex().isEmpty())
            CircumplexPlot.write(names.file(stem, "_circumplex.png"), stem, summary.circumplex());
    }

    /**
     * Ctrl-C: a live source (a camera) stops, and its results up to now are written as usual; a file being analysed
     * is abandoned, since a file cut short would pass for a whole one: nothing takes its results' names.
     */
    void interrupt() {
        if (!live) abandoned = true;
        pipeline.requestStop();
    }

    /** What a video writes beside its stem (the overlay and Parquet only when asked; all are claimed). */
    static final List<String> SUFFIXES = List.of(".csv", "_events.csv", "_cooccurrence.csv", "_circumplex.png", ".eaf",
            "_overlay.mp4", ".parquet");

    /** The file an .eaf links to: the video itself, or none for a camera, a filter graph or a folder of frames. */
    private static Path mediaFile(String spec) {
        return VideoSources.isSourceSpec(spec) ? null : Path.of(spec).toAbsolutePath();
    }

    /** The output name: the file name without extension, {@code camera0} for camera:0, {@code lavfi} for a graph. */
    static String stem(String spec) {
        if (spec.startsWith("camera:")) return "camera" + spec.substring("camera:".length()).replaceAll("[^0-9A-Za-z]", "");
        if (spec.startsWith("lavfi:")) return "lavfi";
        Path sequence = VideoSources.sequenceFolder(spec);
        if (sequence != null) return sequence.toAbsolutePath().normalize().getFileName().toString();
        return Batch.baseName(Path.of(spec));
    }
}
