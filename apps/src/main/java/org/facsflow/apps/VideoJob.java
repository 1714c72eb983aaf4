package org.facsflow.apps;

import org.facsflow.affect.AffectTimeline;
import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.events.AuEventCsv;
import org.facsflow.affect.plot.CircumplexPlot;
import org.facsflow.apps.output.FaceCsvWriter;
import org.facsflow.apps.output.FaceRow;
import org.facsflow.apps.output.OverlayVideo;
import org.facsflow.apps.output.ParquetExport;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.StageTimes;
import org.facsflow.face.track.TrackedFace;
import org.facsflow.face.track.TrackedFrame;
import org.facsflow.face.track.TrackingPipeline;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.facs.coding.BaselineMode;
import org.facsflow.facs.coding.VideoCoding;
import org.facsflow.media.MediaException;
import org.facsflow.media.VideoOpener;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Analyses videos, cameras and filter graphs: one CSV per input with OpenFace's columns, one row per face per frame
 * (frame 1-based, container timestamp), written as frames stream by, so memory does not grow with the video.
 * Everything is written atomically: the CSV (and overlay, Parquet) appear only when the whole input is done, and a
 * failure part-way leaves nothing under their names.
 *
 * <p>Rows follow OpenFace's FeatureExtraction: every frame has at least one row. A face that was being tracked and is
 * not found in a frame gets a row with success = 0 and empty measurements (until the tracker drops it, after
 * {@code TrackerSettings.lostRowsSeconds}); a frame without any tracked face gets one such row for face 0. So a video
 * without faces gives a CSV of success = 0 rows, one per frame, and counts as "without a face".
 */
final class VideoJob implements Batch.Job {
    /**
     * @param raw        write each frame's own measurements instead of the smoothed ones
     * @param maxFrames  stop after this many frames (0: no limit)
     * @param maxSeconds stop at the first frame at or after this time (infinite: no limit)
     */
    record Options(boolean overlay, boolean mesh, boolean plainCsv, boolean parquet, boolean raw, long maxFrames,
                   double maxSeconds, Baseline baseline) {
    }

    /**
     * The AU coder's neutral face: running (causal, one pass), offline (a first pass over the whole file gives each
     * person's baseline, as OpenFace's dynamic models do; twice the work) or a neutral segment [from, to] seconds.
     */
    record Baseline(BaselineMode mode, double from, double to) {
        static final Baseline RUNNING = new Baseline(BaselineMode.RUNNING, 0, 0);
    }

    /** What one input gave; {@code times} sums all threads, so per-stage times can exceed the wall time. */
    record Result(Batch.Outcome outcome, long frames, long framesWithFace, int faceIds, double seconds,
                  StageTimes times, Path csv) {
    }

    /**
     * Below this share of the frames its container lists, a file that simply ends is taken as truncated: FFmpeg reads
     * an MP4 whose index is at the front up to the cut without an error. Whole files decoded here gave 97-100%.
     */
    static final double TRUNCATED_BELOW = 0.9;

    private final TrackingPipeline pipeline;
    private final FaceCoding coding;
    private final VideoOpener opener;
    private final Path outputDir;
    private final Options options;
    private final PrintStream out, err;
    private volatile CountDownLatch liveRun;

    VideoJob(TrackingPipeline pipeline, FaceCoding coding, Path outputDir, Options options, PrintStream out,
             PrintStream err) {
        this(pipeline, coding, VideoSources::open, outputDir, options, out, err);
    }

    VideoJob(TrackingPipeline pipeline, FaceCoding coding, VideoOpener opener, Path outputDir, Options options,
             PrintStream out, PrintStream err) {
        this.pipeline = pipeline;
        this.coding = coding;
        this.opener = opener;
        this.outputDir = outputDir;
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
        String stem = stem(spec);
        Path csv = outputDir.resolve(stem + ".csv");
        String separator = options.plainCsv() ? "," : FaceCsvWriter.OPENFACE_SEPARATOR;
        Map<Long, AuFrame> coded = options.baseline().mode() == BaselineMode.RUNNING ? null : codeOffline(spec);
        AffectTimeline timeline = new AffectTimeline();
        try (VideoSource source = opener.open(spec);
             FaceCsvWriter writer = new FaceCsvWriter(csv, coding.columns(options.mesh()), separator);
             OverlayVideo overlay = options.overlay() ? OverlayVideo.start(outputDir.resolve(stem + "_overlay.mp4"),
                     source.width(), source.height(), source.frameRate(), options.mesh()) : null) {
            boolean live = source.frameCountEstimate() < 0;
            long expected = options.maxFrames() > 0 && (live || options.maxFrames() < source.frameCountEstimate())
                    ? options.maxFrames() : source.frameCountEstimate();
            Progress progress = Progress.onTerminal(err, stem, expected);
            StageTimes writing = new StageTimes();
            BitSet ids = new BitSet();
            long[] withFace = {0};
            List<FaceObservation> drawn = new ArrayList<>();
            liveRun = live ? new CountDownLatch(1) : null;
            TrackingPipeline.Stats stats;
            try {
                stats = pipeline.run(source, options.maxFrames(), options.maxSeconds(), frame -> {
                    drawn.clear();
                    write(frame, writer, drawn, coded, timeline, writing);
                    long start = StageTimes.start();
                    if (!drawn.isEmpty()) withFace[0]++;
                    for (FaceObservation face : drawn) ids.set(face.faceId());
                    if (overlay != null) overlay.write(frame.image(), drawn, frame.camera());
                    writing.stop(StageTimes.Stage.WRITE, start);
                    progress.update(frame.number());
                });
                progress.done();
                requireWhole(spec, source, stats.frames());
                writer.commit();
                writeAffectSummary(stem, timeline.finish());
                if (overlay != null) overlay.commit();
                if (options.parquet()) {
                    long start = StageTimes.start();
                    ParquetExport.convert(csv, separator, outputDir.resolve(stem + ".parquet"));
                    writing.stop(StageTimes.Stage.WRITE, start);
                }
            } finally {
                if (liveRun != null) liveRun.countDown();
            }
            stats.times().add(writing);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("%s: %d frames, %d with a face, %d face id(s) -> %s%s%n", spec, stats.frames(), withFace[0],
                    ids.cardinality(), csv, overlay != null ? " (+ overlay)" : "");
            return new Result(withFace[0] > 0 ? Batch.Outcome.ANALYSED : Batch.Outcome.NO_FACE, stats.frames(),
                    withFace[0], ids.cardinality(), seconds, stats.times(), csv);
        }
    }

    /** Fails a file that ended well short of the frames its container lists, unless a limit stopped it. */
    private void requireWhole(String spec, VideoSource source, long frames) throws MediaException {
        long listed = source.frameCountEstimate();
        boolean limited = (options.maxFrames() > 0 && frames >= options.maxFrames())
                || options.maxSeconds() != Double.POSITIVE_INFINITY;
        if (listed > 0 && !limited && frames < TRUNCATED_BELOW * listed)
            throw new MediaException(Path.of(spec), "truncated or damaged: the video ends after " + frames + " of the "
                    + listed + " frames its container lists");
    }

    /**
     * The frame's rows with their AUs and affect (AUs coded now against the running baseline, or looked up from the
     * offline pass); the faces measured in it are added to {@code measured}.
     */
    private void write(TrackedFrame frame, FaceCsvWriter writer, List<FaceObservation> measured, Map<Long, AuFrame> coded,
                       AffectTimeline timeline, StageTimes times) throws IOException {
        double time = frame.image().timestampSeconds();
        coding.nextFrame();
        if (frame.faces().isEmpty()) {
            writer.write(new FaceRow(frame.number(), time, 0, 0, null));
            return;
        }
        for (TrackedFace face : frame.faces()) {
            FaceObservation values = options.raw() ? face.raw() : face.face();
            long start = StageTimes.start();
            if (values != null) {
                AuFrame aus = coded == null ? coding.codeRunning(frame.image(), time, values)
                        : coding.code(frame.image(), time, values, coded.get(key(face.faceId(), frame.number())));
                if (aus != null) timeline.add(face.faceId(), frame.number(), time,
                        new AuIntensities(aus.intensity(), aus.left(), aus.right()), values.pose(),
                        coding.affect(values).circumplex());
                measured.add(values);
            } else {
                timeline.faceLost(face.faceId());
            }
            times.stop(StageTimes.Stage.AUS_AFFECT, start);
            start = StageTimes.start();
            writer.write(new FaceRow(frame.number(), time, face.faceId(), face.confidence(), values));
            times.stop(StageTimes.Stage.WRITE, start);
        }
    }

    /**
     * The first pass of an offline or neutral-segment baseline: tracks the whole file, keeps each face's measures
     * (a few dozen floats a frame), and codes them against the person's final baseline.
     */
    private Map<Long, AuFrame> codeOffline(String spec) throws MediaException {
        VideoCoding offline = new VideoCoding(coding.measures(), coding.predictor(), options.baseline().mode(),
                options.baseline().from(), options.baseline().to());
        try (VideoSource source = opener.open(spec)) {
            if (source.frameCountEstimate() < 0)
                throw new MediaException(spec, "an offline or neutral-segment baseline needs a file; a live source "
                        + "can use the running baseline", null);
            pipeline.run(source, options.maxFrames(), options.maxSeconds(), frame -> {
                for (TrackedFace face : frame.faces()) {
                    FaceObservation values = options.raw() ? face.raw() : face.face();
                    if (values != null) offline.found(frame.number(), frame.image().timestampSeconds(), values, frame.image());
                    else offline.lost(face.faceId(), frame.number(), frame.image().timestampSeconds());
                }
            });
        }
        List<String> problems = new ArrayList<>();
        Map<Long, AuFrame> coded = new HashMap<>();
        for (VideoCoding.Coded c : offline.finish(problems)) if (c.aus() != null) coded.put(key(c.faceId(), c.frame()), c.aus());
        for (String problem : problems) err.println("facsflow: " + spec + ": " + problem + "; its AU columns stay empty");
        return coded;
    }

    private static long key(int faceId, long frame) {
        return frame * 1024 + faceId;
    }

    /** Per video: every AU's episodes, their co-occurrence, and each face's path in the valence-arousal plane. */
    private void writeAffectSummary(String stem, AffectTimeline.Summary summary) throws IOException {
        AuEventCsv.write(outputDir.resolve(stem + "_events.csv"), summary.events());
        AuEventCsv.writeCooccurrence(outputDir.resolve(stem + "_cooccurrence.csv"), summary.cooccurrence());
        if (!summary.circumplex().isEmpty())
            CircumplexPlot.write(outputDir.resolve(stem + "_circumplex.png"), stem, summary.circumplex());
    }

    /**
     * Stops a live source that is being analysed and waits (a few seconds at most) until its results are written; for
     * Ctrl-C. A file being analysed is left to be abandoned, so no partial result takes its name.
     */
    void finishLiveRun() {
        CountDownLatch run = liveRun;
        if (run == null || run.getCount() == 0) return;
        pipeline.requestStop();
        try {
            run.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
