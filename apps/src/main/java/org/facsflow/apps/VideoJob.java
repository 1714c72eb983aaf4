package org.facsflow.apps;

import org.facsflow.apps.output.FaceColumns;
import org.facsflow.apps.output.FaceCsvWriter;
import org.facsflow.apps.output.FaceRow;
import org.facsflow.apps.output.OverlayVideo;
import org.facsflow.apps.output.ParquetExport;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.StageTimes;
import org.facsflow.face.track.TrackedFace;
import org.facsflow.face.track.TrackedFrame;
import org.facsflow.face.track.TrackingPipeline;
import org.facsflow.media.MediaException;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
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
                   double maxSeconds) {
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

    /** Opens a source by spec ({@link VideoSources#open} outside tests). */
    interface SourceOpener {
        VideoSource open(String spec) throws MediaException;
    }

    private final TrackingPipeline pipeline;
    private final SourceOpener opener;
    private final Path outputDir;
    private final Options options;
    private final PrintStream out, err;
    private volatile CountDownLatch liveRun;

    VideoJob(TrackingPipeline pipeline, Path outputDir, Options options, PrintStream out, PrintStream err) {
        this(pipeline, VideoSources::open, outputDir, options, out, err);
    }

    VideoJob(TrackingPipeline pipeline, SourceOpener opener, Path outputDir, Options options, PrintStream out,
             PrintStream err) {
        this.pipeline = pipeline;
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
        try (VideoSource source = opener.open(spec);
             FaceCsvWriter writer = new FaceCsvWriter(csv, FaceColumns.standard(options.mesh()), separator);
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
                    long start = StageTimes.start();
                    drawn.clear();
                    write(frame, writer, drawn);
                    if (!drawn.isEmpty()) withFace[0]++;
                    for (FaceObservation face : drawn) ids.set(face.faceId());
                    if (overlay != null) overlay.write(frame.image(), drawn, frame.camera());
                    writing.stop(StageTimes.Stage.WRITE, start);
                    progress.update(frame.number());
                });
                progress.done();
                requireWhole(spec, source, stats.frames());
                writer.commit();
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

    /** The frame's rows; the faces measured in it are added to {@code measured}. */
    private void write(TrackedFrame frame, FaceCsvWriter writer, List<FaceObservation> measured) throws IOException {
        double time = frame.image().timestampSeconds();
        if (frame.faces().isEmpty()) {
            writer.write(new FaceRow(frame.number(), time, 0, 0, null));
            return;
        }
        for (TrackedFace face : frame.faces()) {
            FaceObservation values = options.raw() ? face.raw() : face.face();
            writer.write(new FaceRow(frame.number(), time, face.faceId(), face.confidence(), values));
            if (values != null) measured.add(values);
        }
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
        return Batch.baseName(Path.of(spec));
    }
}
