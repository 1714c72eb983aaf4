package org.facsflow.pipeline;

import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.face.track.FaceTracker;
import org.facsflow.face.track.TrackedFace;
import org.facsflow.face.track.TrackedFrame;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;

import java.util.function.ToLongFunction;

/**
 * A live stream through the pipeline: each face coded against its causal running baseline (or a neutral stretch the
 * user asked for, {@link #takeNeutral}), its affect read, and faces that have been gone for longer than the
 * tracker's memory forgotten, so a camera can run for hours in bounded memory. Drive it either frame by frame
 * ({@link #analyze}: a web socket, a test) or over a source on the pipeline's threads ({@link #run}: a camera or a
 * window, where locating the next frame overlaps coding this one); not both. Close it to use the pipeline for
 * something else. Not thread-safe, except {@link #takeNeutral}.
 */
public final class StreamSession implements AutoCloseable {
    /** Seconds of a face taken as its neutral face after {@link #takeNeutral}. */
    public static final double NEUTRAL_SECONDS = 2.0;

    private final Pipeline pipeline;
    private final FrameCoder coder;
    private final NeutralCapture neutral;
    private volatile boolean neutralWanted;
    private FaceTracker tracker;
    private long frames;
    private boolean running;

    StreamSession(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.coder = pipeline.coder();
        this.neutral = new NeutralCapture(coder);
    }

    /** The next frame of the stream (frames in time order; numbered 1, 2, ... in the order given). */
    public FrameResult analyze(RgbImage frame) {
        if (running) throw new IllegalStateException("this session runs over a source");
        if (tracker == null) tracker = FaceTracker.create(pipeline.primary(), pipeline.settings().tracker());
        frames++;
        CameraIntrinsics camera = CameraIntrinsics.openFaceDefault(frame.width(), frame.height());
        return code(new TrackedFrame(frames, frame, camera, tracker.track(frame)), frames);
    }

    /**
     * Every frame of {@code source} until it ends or {@link Pipeline#requestStop} is called, into {@code sink}.
     *
     * @param sourceFrame the source's number of a frame, for a source that drops frames (a camera whose newest frame
     *                    only is analysed); the frames are numbered 1, 2, ... as they come when this is null
     * @return frames analysed
     */
    public <E extends Exception> long run(VideoSource source, ToLongFunction<RgbImage> sourceFrame, ResultSink<E> sink)
            throws MediaException, E {
        if (tracker != null) throw new IllegalStateException("this session is driven frame by frame");
        running = true;
        sink.begin(new SourceInfo("stream", source.width(), source.height(), source.frameRate(), source.frameCountEstimate()));
        return pipeline.tracking().run(source, 0, Double.POSITIVE_INFINITY, tracked -> sink.accept(code(tracked,
                sourceFrame == null ? tracked.number() : sourceFrame.applyAsLong(tracked.image())))).frames();
    }

    private FrameResult code(TrackedFrame tracked, long number) {
        if (neutralWanted) {
            neutralWanted = false;
            neutral.request();
        }
        neutral.beforeFrame(tracked.image().timestampSeconds(),
                tracked.faces().stream().filter(TrackedFace::success).map(TrackedFace::faceId).toList());
        return coder.code(tracked, number, null);
    }

    /**
     * From the next frame, the next {@value #NEUTRAL_SECONDS} s of each face are taken as its neutral face
     * (FACS codes change from neutral); callable from any thread.
     */
    public void takeNeutral() {
        neutralWanted = true;
    }

    /** Whether a neutral stretch is being collected now. */
    public boolean collectingNeutral() {
        return neutral.active();
    }

    /** For people: collecting ("hold still, 1.2 s left"), what the last neutral stretch gave, or empty. */
    public String neutralStatus() {
        return neutral.status();
    }

    /** Faces whose baselines are kept now. */
    public int facesRemembered() {
        return coder.remembered();
    }

    @Override
    public void close() {
        pipeline.streamClosed();
    }
}
