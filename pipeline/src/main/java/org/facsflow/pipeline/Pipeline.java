package org.facsflow.pipeline;

import org.facsflow.affect.AffectAnalyzer;
import org.facsflow.face.FaceAnalyzer;
import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.pose.MeshLifter;
import org.facsflow.face.track.TrackingPipeline;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuCoder;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.facs.coding.AuPredictor;
import org.facsflow.facs.coding.FacialMeasures;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.models.AssetStore;
import org.facsflow.models.ParallelLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * facsflow as a library: every model loaded once, then stills, streams and videos analysed with them, each face of
 * each frame coming back as a {@link FaceResult} (face measurements, AUs, affect).
 * <pre>
 *   try (Pipeline pipeline = Pipeline.load(AssetStore.standard(), PipelineSettings.DEFAULT)) {
 *       FrameResult photo = pipeline.analyzeImage(RgbImage.of(bufferedImage, 0));
 *       VideoSummary video = pipeline.analyzeVideo(VideoInput.of("clip.mp4"), frame -> ..., VideoProgress.NONE);
 *       try (StreamSession camera = pipeline.openStream()) { FrameResult r = camera.analyze(nextFrame); }
 *   }
 * </pre>
 * One analysis at a time: the models keep per-call state and are not thread-safe. For images in parallel, load one
 * pipeline per thread (with 0 measuring threads).
 */
public final class Pipeline implements AutoCloseable {
    private final PipelineSettings settings;
    private final FaceAnalyzer primary;
    private final TrackingPipeline tracking;
    private final FacialMeasures measures;
    private final AuPredictor predictor;
    private final AffectAnalyzer affect;
    private boolean streamOpen;

    private Pipeline(PipelineSettings settings, FaceAnalyzer primary, List<FaceAnalyzer> measuring,
                     FacialMeasures measures, AuPredictor predictor, AffectAnalyzer affect) {
        this.settings = settings;
        this.primary = primary;
        this.tracking = TrackingPipeline.of(settings.tracker(), primary, measuring);
        this.measures = measures;
        this.predictor = predictor;
        this.affect = affect;
    }

    /**
     * Loads every model from the prepared cache, in parallel.
     *
     * @throws org.facsflow.models.AssetUnavailableException a model is missing or altered (it says to run set-up)
     */
    public static Pipeline load(AssetStore store, PipelineSettings settings) {
        CanonicalFace canonical = CanonicalFace.load(store.require("canonical-face"));
        ParallelLoader loader = new ParallelLoader();
        CompletableFuture<FaceAnalyzer> primary = loader.start(() -> FaceAnalyzer.create(store));
        List<CompletableFuture<FaceAnalyzer>> measuring = new ArrayList<>();
        for (int i = 0; i < settings.measuringThreads(); i++) measuring.add(loader.start(() -> FaceAnalyzer.forMeasuring(store)));
        CompletableFuture<AffectAnalyzer> affect = loader.start(() -> AffectAnalyzer.create(store, settings.classifierIntervalSeconds()));
        AuPredictor predictor; // the AU model (2 MB of JSON) reads on this thread while the others load
        try {
            predictor = new AuPredictor(AuModel.standard());
        } catch (RuntimeException e) {
            loader.closeAll();
            throw e;
        }
        loader.awaitAll();
        return new Pipeline(settings, primary.join(), measuring.stream().map(CompletableFuture::join).toList(),
                new FacialMeasures(new MeshLifter(canonical)), predictor, affect.join());
    }

    public PipelineSettings settings() {
        return settings;
    }

    /** The AU model the coder uses (its note says how it was fitted). */
    public AuModel auModel() {
        return predictor.model();
    }

    /**
     * Every face in a still image, ids 0, 1, ... left to right, AUs against the population neutral face (no baseline of
     * the person exists in one photo). Frame 1, time 0.
     */
    public FrameResult analyzeImage(RgbImage image) {
        requireIdle();
        try {
            return coder().codeStill(image, primary.analyzeStill(image));
        } finally {
            affect.forgetAll();
        }
    }

    /**
     * A video, file or live source, frame by frame into {@code sink}, with the settings' baseline (an offline or segment
     * baseline first tracks the whole file once). Memory stays bounded on any length of video or time of a camera: faces
     * gone for longer than the tracker's memory are forgotten.
     *
     * @throws MediaException the source cannot be opened, fails part-way, or ends well short of the frames its container
     *                        lists (truncated); nothing more reaches the sink
     * @throws E              what the sink throws
     */
    public <E extends Exception> VideoSummary analyzeVideo(VideoInput input, ResultSink<E> sink, VideoProgress progress)
            throws MediaException, E {
        requireIdle();
        try {
            return new VideoRun(this, input, progress).run(sink);
        } finally {
            affect.forgetAll();
        }
    }

    /**
     * A stream of frames from a camera, a window or a web socket: causal running baselines, neutral capture on request,
     * faces forgotten once gone for a while. Close it before the next analysis.
     */
    public StreamSession openStream() {
        requireIdle();
        streamOpen = true;
        return new StreamSession(this);
    }

    /**
     * Ends the video analysis running now as if its source had ended: frames already decoded are still delivered. For
     * stopping a camera (Ctrl-C); callable from any thread.
     */
    public void requestStop() {
        tracking.requestStop();
    }

    // For the analyses of this package.

    TrackingPipeline tracking() {
        return tracking;
    }

    FaceAnalyzer primary() {
        return primary;
    }

    FacialMeasures measures() {
        return measures;
    }

    AuPredictor predictor() {
        return predictor;
    }

    /** A coding step with fresh per-face state (baselines, smoothing) over the shared models. */
    FrameCoder coder() {
        Predicate<ActionUnit> shown = settings.experimentalAus() ? au -> true : predictor.model()::isReported;
        return new FrameCoder(new AuCoder(measures, predictor), affect, shown, settings.smoothed(),
                settings.tracker().rememberSeconds());
    }

    void streamClosed() {
        streamOpen = false;
        affect.forgetAll();
    }

    private void requireIdle() {
        if (streamOpen) throw new IllegalStateException("a stream session is open on this pipeline: close it first");
    }

    @Override
    public void close() {
        tracking.close();
        affect.close();
    }
}
