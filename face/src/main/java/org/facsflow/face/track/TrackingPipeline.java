package org.facsflow.face.track;

import org.facsflow.face.FaceAnalyzer;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.StageTimes;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;
import org.facsflow.models.AssetStore;
import org.facsflow.models.ParallelLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A {@link FaceTracker} spread over threads, for whole videos and live sources:
 * <pre>
 *   locator thread: decode, locate ──▶ measuring threads (n) ──in order──▶ caller: smooth, then the sink
 * </pre>
 * Locating (the sequential mesh-to-mesh chain) and measuring (iris, occlusion check, pose: independent per frame,
 * so n threads take turns) overlap with the caller's work, which keeps both cores of a small machine busy. The
 * locator decodes each frame itself, so the mesh cuts its input from a frame still in that core's cache: on 640x480
 * video this ran the mesh stage 0.3 ms a frame faster than a decoder thread handing frames over, and the whole
 * pipeline 3-7% faster (FFmpeg decodes on its own threads anyway). At most {@value #QUEUE} located frames (plus one
 * per measuring thread) wait for the caller, so memory stays bounded on any length of video, and a slow sink slows
 * decoding instead of piling up frames. Each thread owns its models (they are not thread-safe); the analyzers are
 * loaded once and reused for every {@link #run}.
 */
public final class TrackingPipeline implements AutoCloseable {
    private static final int QUEUE = 4;

    /** Receives each frame, in order, on the thread that called {@link #run}. */
    public interface FrameSink<E extends Exception> {
        void accept(TrackedFrame frame) throws E;
    }

    /** What a run did: frames delivered, and the time each stage took on all threads together. */
    public record Stats(long frames, StageTimes times) {
    }

    private final TrackerSettings settings;
    private final FaceAnalyzer locating;
    private final List<FaceAnalyzer> measuring;
    private final BlockingQueue<FaceAnalyzer> idle;
    private final ExecutorService measurers;
    private volatile boolean stopRequested;

    private TrackingPipeline(TrackerSettings settings, FaceAnalyzer locating, List<FaceAnalyzer> measuring) {
        this.settings = settings;
        this.locating = locating;
        this.measuring = measuring;
        this.idle = new ArrayBlockingQueue<>(Math.max(1, measuring.size()), false, measuring);
        this.measurers = measuring.isEmpty() ? null : Executors.newFixedThreadPool(measuring.size(), r -> {
            Thread t = new Thread(r, "facsflow-measure");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Measuring threads for a whole video when the user names none: one on a machine with two cores or fewer, where
     * the locating thread, one measuring thread, the caller and FFmpeg's threads already fill both cores (a second
     * measuring thread ran 2-5% slower on 640x480 video); two on larger machines, so several faces are measured at
     * once.
     */
    public static int defaultMeasuringThreads() {
        return Runtime.getRuntime().availableProcessors() > 2 ? 2 : 1;
    }

    /**
     * Loads the models of the locating thread and of each measuring thread at once (each analyzer on its own thread:
     * start-up is mostly single-threaded work per model).
     *
     * @param measuringThreads threads for iris, occlusion check and pose; 0 measures on the locating thread
     */
    public static TrackingPipeline create(AssetStore store, TrackerSettings settings, int measuringThreads) {
        ParallelLoader loader = new ParallelLoader();
        CompletableFuture<FaceAnalyzer> locating = loader.start(() -> FaceAnalyzer.create(store));
        List<CompletableFuture<FaceAnalyzer>> measuring = new ArrayList<>();
        for (int i = 0; i < measuringThreads; i++) measuring.add(loader.start(() -> FaceAnalyzer.forMeasuring(store)));
        loader.awaitAll();
        return of(settings, locating.join(), measuring.stream().map(CompletableFuture::join).toList());
    }

    /**
     * A pipeline over analyzers loaded by the caller, who may use {@code locating} for other work between runs (a
     * still image, say); {@link #close} closes them all.
     *
     * @param locating  a full analyzer ({@link FaceAnalyzer#create})
     * @param measuring analyzers for the measuring threads ({@link FaceAnalyzer#forMeasuring}); none measures on the
     *                  locating thread
     */
    public static TrackingPipeline of(TrackerSettings settings, FaceAnalyzer locating, List<FaceAnalyzer> measuring) {
        return new TrackingPipeline(settings, locating, List.copyOf(measuring));
    }

    /** One located frame, measured (possibly later, on another thread). */
    private record Measured(long number, RgbImage image, CameraIntrinsics camera, List<FaceLocator.Located> located,
                            FaceObservation[] raw) {
    }

    private static final Measured END_OF_RESULTS = new Measured(-1, null, null, null, null);

    /**
     * Tracks faces through {@code source} until its end, {@code maxFrames} frames or the first frame at or after
     * {@code maxSeconds}, handing each frame to {@code sink} in order. The caller closes the source afterwards.
     *
     * @param maxFrames  0 or less: no limit
     * @param maxSeconds infinite: no limit
     * @throws MediaException when the source fails part-way (nothing more reaches the sink)
     * @throws E              what the sink throws (the other threads are stopped first)
     */
    public <E extends Exception> Stats run(VideoSource source, long maxFrames, double maxSeconds, FrameSink<E> sink)
            throws MediaException, E {
        stopRequested = false;
        locating.times().reset();
        for (FaceAnalyzer a : measuring) a.times().reset();
        StageTimes consuming = new StageTimes();
        BlockingQueue<CompletableFuture<Measured>> results = new ArrayBlockingQueue<>(QUEUE + measuring.size());

        Thread locator = new Thread(() -> locate(source, maxFrames, maxSeconds, results), "facsflow-locate");
        locator.setDaemon(true);
        locator.start();
        FaceSmoother smoother = new FaceSmoother(locating.canonicalFace());
        long delivered = 0;
        try {
            while (true) {
                Measured m = awaitResult(results);
                if (m == END_OF_RESULTS) break;
                List<TrackedFace> faces = smoother.smooth(m.located(), m.raw(), m.image(), m.camera(), consuming);
                sink.accept(new TrackedFrame(m.number(), m.image(), m.camera(), faces));
                delivered++;
            }
        } finally {
            stop(locator);
            // Let measuring tasks still running finish, so their analyzers are idle for the next run.
            results.forEach(f -> f.exceptionally(e -> null).join());
        }
        StageTimes all = new StageTimes();
        all.add(locating.times());
        for (FaceAnalyzer a : measuring) all.add(a.times());
        all.add(consuming);
        return new Stats(delivered, all);
    }

    private static Measured awaitResult(BlockingQueue<CompletableFuture<Measured>> results) throws MediaException {
        try {
            return results.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while tracking", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MediaException media) throw media;
            if (cause instanceof RuntimeException runtime) throw runtime;
            if (cause instanceof Error error) throw error;
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Ends the current run as if the source had ended: frames already decoded are still tracked and delivered, and
     * {@link #run} returns normally. For stopping a live source (Ctrl-C on a camera).
     */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Decodes and locates until the source ends; the end, or the failure that ended it, travels down the results
     * queue so the caller sees it after the frames before it.
     */
    private void locate(VideoSource source, long maxFrames, double maxSeconds,
                        BlockingQueue<CompletableFuture<Measured>> results) {
        FaceLocator locator = new FaceLocator(locating, settings);
        try {
            try {
                long number = 0;
                while ((maxFrames <= 0 || number < maxFrames) && !stopRequested) {
                    long start = StageTimes.start();
                    RgbImage image = source.next();
                    locating.times().stop(StageTimes.Stage.DECODE, start);
                    if (image == null || image.timestampSeconds() >= maxSeconds) break;
                    List<FaceLocator.Located> located = locator.locate(image);
                    results.put(measure(++number, image, locator.camera(image), located));
                }
                results.put(CompletableFuture.completedFuture(END_OF_RESULTS));
            } catch (MediaException | RuntimeException e) {
                results.put(CompletableFuture.failedFuture(e));
            }
        } catch (InterruptedException e) {
            // stopped by the consumer
        }
    }

    private CompletableFuture<Measured> measure(long number, RgbImage image, CameraIntrinsics camera,
                                                List<FaceLocator.Located> located) {
        if (measurers == null)
            return CompletableFuture.completedFuture(new Measured(number, image, camera, located,
                    FaceTracker.measure(locating, image, located, camera)));
        return CompletableFuture.supplyAsync(() -> {
            FaceAnalyzer analyzer = takeIdle();
            try {
                return new Measured(number, image, camera, located,
                        FaceTracker.measure(analyzer, image, located, camera));
            } finally {
                idle.add(analyzer);
            }
        }, measurers);
    }

    /** An idle measuring analyzer; one is always free unless a stopped run's last task is still finishing. */
    private FaceAnalyzer takeIdle() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        }
    }

    private static void stop(Thread thread) {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (measurers != null) measurers.shutdownNow();
        locating.close();
        measuring.forEach(FaceAnalyzer::close);
    }
}
