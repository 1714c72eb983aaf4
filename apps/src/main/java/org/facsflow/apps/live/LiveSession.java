package org.facsflow.apps.live;

import org.facsflow.media.MediaException;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.PipelineSettings;
import org.facsflow.pipeline.StreamSession;
import org.facsflow.pipeline.table.ResultCsvWriter;

import javax.swing.SwingUtilities;
import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A live run: a camera, a filter graph or a video file played at its own pace, shown in a window with the face
 * stage's overlays and each face's AU bars, until the user quits, the source ends, or a set duration passes.
 * <pre>
 *   capture thread ──▶ LatestFrame ────▶ pipeline's threads ──▶ processing thread ──▶ window (event thread)
 *   paces a file,      holds the newest  locate │ measure,     codes AUs + affect,   paints the newest frame;
 *   reopens a camera   frame only        2 frames at most     records on request    latency ends here
 * </pre>
 * Frames never queue: the slot keeps only the newest frame, the pipeline holds at most {@value #IN_FLIGHT}, and the
 * window paints only the newest processed one. Each drop is counted where it happens.
 */
public final class LiveSession {
    /** Frames in the tracking pipeline at once: one located while the one before is measured. */
    static final int IN_FLIGHT = 2;

    /**
     * @param source            a {@link VideoSources} spec: {@code camera:N}, {@code lavfi:GRAPH},
     *                          {@code frames:FOLDER} or a video file
     * @param sequenceFrameRate frames per second of a {@code frames:} image sequence (images carry no clock)
     * @param outputDir         where recordings and screenshots go
     * @param recordVideo       whether `r` records the frames too (they identify a person: off unless asked)
     * @param separator         the recording CSV's field separator ({@link ResultCsvWriter#PLAIN} or OpenFace's)
     * @param durationSeconds   stop after this long (infinite: until quit or the end of the source)
     */
    public record Options(String source, double sequenceFrameRate, Path outputDir, boolean recordVideo, String separator,
                          double durationSeconds) {
    }

    private final Options options;
    private final Pipeline pipeline;
    private final StreamSession stream;
    private final PrintStream out;
    private final LatestFrame slot = new LatestFrame(IN_FLIGHT);
    private final StatusLine status;
    private final DisplayTiming timing = new DisplayTiming();
    private final FrameCapture capture;
    private final LiveProcessor processor;
    private final LiveController controller;
    private final Thread captureThread, processingThread;
    private volatile String stopReason;
    private LiveWindow window;
    private long startNanos;

    private LiveSession(Options options, VideoSource source, Pipeline pipeline, PrintStream out) {
        this.options = options;
        this.pipeline = pipeline;
        this.stream = pipeline.openStream();
        this.out = out;
        this.status = new StatusLine(out);
        this.capture = new FrameCapture(options.source(), source,
                spec -> VideoSources.open(spec, options.sequenceFrameRate()), slot, status::announce);
        this.processor = new LiveProcessor(stream, slot, new LiveProcessor.RecordingSettings(options.outputDir(),
                options.separator(), options.recordVideo(), source.frameRate()), frame -> window.show(frame), status);
        this.controller = new LiveController(slot, processor, status, options.outputDir(), () -> stop("quit"));
        this.captureThread = new Thread(capture, "facsflow-capture");
        this.processingThread = new Thread(processor, "facsflow-process");
        captureThread.setDaemon(true);
        processingThread.setDaemon(true);
    }

    /** Why no window can open here, if so; checked before anything is loaded. */
    public static Optional<String> displayProblem() {
        if (GraphicsEnvironment.isHeadless())
            return Optional.of("no display: Java runs headless (java.awt.headless=true, or DISPLAY is not set)");
        String display = System.getenv("DISPLAY"), wayland = System.getenv("WAYLAND_DISPLAY");
        boolean unix = !System.getProperty("os.name", "").startsWith("Windows") && !System.getProperty("os.name", "").startsWith("Mac");
        if (unix && (display == null || display.isBlank()) && (wayland == null || wayland.isBlank()))
            return Optional.of("no display: DISPLAY is not set");
        return Optional.empty();
    }

    /**
     * Loads the models, opens the source and the window, and starts.
     *
     * @throws MediaException              the source cannot be opened
     * @throws DisplayUnavailableException no window can be opened
     */
    public static LiveSession start(Options options, AssetStore store, PrintStream out)
            throws MediaException, DisplayUnavailableException {
        Optional<String> noDisplay = displayProblem();
        if (noDisplay.isPresent()) throw new DisplayUnavailableException(noDisplay.get(), null);
        // Models first: a live source opened earlier would pile up frames (a realtime graph catches up in a burst).
        // One measuring thread: the locating thread, it and the processing thread keep a small machine's cores busy.
        Pipeline pipeline = Pipeline.load(store, PipelineSettings.DEFAULT.withMeasuringThreads(1));
        VideoSource source = null;
        try {
            source = VideoSources.open(options.source(), options.sequenceFrameRate());
            LiveSession session = new LiveSession(options, source, pipeline, out);
            session.openWindow();
            session.startThreads();
            return session;
        } catch (MediaException | DisplayUnavailableException | RuntimeException e) {
            pipeline.close();
            if (source != null) {
                try {
                    source.close();
                } catch (MediaException ignored) {
                    // the failure to start is what is reported
                }
            }
            throw e;
        }
    }

    private void openWindow() throws DisplayUnavailableException {
        try {
            SwingUtilities.invokeAndWait(() -> {
                window = new LiveWindow("facsflow live: " + options.source(), controller, timing, this::counts, status);
                controller.attach(window);
            });
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AWTError || cause instanceof HeadlessException || cause instanceof UnsatisfiedLinkError)
                throw new DisplayUnavailableException("no display: " + cause.getMessage(), cause);
            if (cause instanceof RuntimeException runtime) throw runtime;
            if (cause instanceof Error error) throw error;
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the window", e);
        }
    }

    private void startThreads() {
        startNanos = System.nanoTime();
        processingThread.start();
        captureThread.start();
        SwingUtilities.invokeLater(window::open);
    }

    private StatusBar.Counts counts() {
        return new StatusBar.Counts(capture.captured(), processor.processed(), slot.dropped(),
                window == null ? 0 : window.droppedBeforeDisplay());
    }

    /** Ends the run (from any thread, without waiting): capture stops and processing finishes its frames in flight. */
    public void stop(String reason) {
        if (stopReason == null) stopReason = reason;
        capture.stop();
        slot.stop();
    }

    /** Waits for the end of the run (quit, end of source, failure or the duration), closes everything, summarises. */
    public LiveSummary await() throws InterruptedException {
        double duration = options.durationSeconds();
        if (Double.isFinite(duration)) {
            processingThread.join(Math.max(1, Math.round(duration * 1000)));
            if (processingThread.isAlive()) stop("duration reached");
        }
        processingThread.join();
        capture.stop();
        slot.stop();
        captureThread.join(3000);
        controller.finish();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        try {
            SwingUtilities.invokeAndWait(window::close);
        } catch (InvocationTargetException e) {
            out.println("facsflow live: the window did not close cleanly: " + e.getCause());
        }
        stream.close();
        pipeline.close();
        Exception failure = processor.failure();
        String ending = stopReason != null ? stopReason : failure != null ? failure.getMessage() : "source ended";
        DisplayTiming.Figures shown = timing.total();
        return new LiveSummary(options.source(), ending, stopReason == null ? failure : null, seconds,
                capture.captured(), processor.processed(), shown.shown(), slot.dropped(), window.droppedBeforeDisplay(),
                slot.skippedWhilePaused(), shown.fps(), shown.meanMs(), shown.p95Ms(), shown.maxMs());
    }

    // For the tests, which drive the window as a user does and check what it shows.

    LiveWindow window() {
        return window;
    }

    LiveController controller() {
        return controller;
    }

    DisplayTiming timing() {
        return timing;
    }

    LiveProcessor processor() {
        return processor;
    }

    StatusLine statusLine() {
        return status;
    }
}
