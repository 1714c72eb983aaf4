package org.facsflow.pipeline;

import org.facsflow.affect.AffectTimeline;
import org.facsflow.affect.AuIntensities;
import org.facsflow.face.StageTimes;
import org.facsflow.face.track.TrackedFace;
import org.facsflow.face.track.TrackingPipeline;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.facs.coding.VideoCoding;
import org.facsflow.media.MediaException;
import org.facsflow.media.VideoSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One video through the pipeline: with an offline or segment baseline a first pass tracks the file and keeps each
 * face's measures (a few dozen floats a frame, never the image) to code every face against its final baseline; the
 * (second or only) pass tracks it again, codes or looks up each face's AUs, reads its affect, feeds the affect
 * timeline (smiles, AU events, valence-arousal paths) and hands every frame to the sink as it streams by.
 */
final class VideoRun {
    /**
     * Below this share of the frames its container lists, a file that simply ends is taken as truncated: FFmpeg reads
     * an MP4 whose index is at the front up to the cut without an error. Whole files decoded here gave 97-100%.
     */
    static final double TRUNCATED_BELOW = 0.9;

    private record FaceFrame(int faceId, long frame) {
    }

    private final Pipeline pipeline;
    private final VideoInput input;
    private final VideoProgress progress;

    VideoRun(Pipeline pipeline, VideoInput input, VideoProgress progress) {
        this.pipeline = pipeline;
        this.input = input;
        this.progress = progress;
    }

    <E extends Exception> VideoSummary run(ResultSink<E> sink) throws MediaException, E {
        long started = System.nanoTime();
        Baseline baseline = pipeline.settings().baseline();
        int passes = baseline.twoPasses() ? 2 : 1;
        List<String> problems = new ArrayList<>();
        Map<FaceFrame, AuFrame> firstPass = baseline.twoPasses() ? codeFirst(baseline, problems) : null;
        FrameCoder coder = pipeline.coder();
        AffectTimeline timeline = new AffectTimeline();
        BitSet ids = new BitSet();
        long[] withFace = {0};
        TrackingPipeline.Stats stats;
        try (VideoSource source = input.opener().open(input.spec())) {
            long expected = expected(source);
            sink.begin(new SourceInfo(input.spec(), source.width(), source.height(), source.frameRate(),
                    source.frameCountEstimate()));
            stats = pipeline.tracking().run(source, frameLimit(), input.maxSeconds(), tracked -> {
                FrameResult frame = coder.code(tracked, tracked.number(), firstPass == null ? null
                        : (faceId, number) -> firstPass.get(new FaceFrame(faceId, number)));
                for (FaceResult face : frame.faces()) {
                    if (!face.success()) {
                        timeline.faceLost(face.faceId());
                        continue;
                    }
                    ids.set(face.faceId());
                    if (face.aus() != null) timeline.add(face.faceId(), frame.frame(), frame.time(),
                            AuIntensities.of(face.aus()), face.face().pose(), face.affect().circumplex());
                }
                if (!frame.found().isEmpty()) withFace[0]++;
                sink.accept(frame);
                progress.frame(passes, passes, tracked.number(), expected);
            });
            requireWhole(source, stats.frames());
        }
        StageTimes times = stats.times();
        times.add(coder.times());
        return new VideoSummary(stats.frames(), withFace[0], ids.cardinality(), (System.nanoTime() - started) / 1e9,
                times, timeline.finish(), List.copyOf(problems));
    }

    /**
     * The first pass of an offline or neutral-segment baseline: every face coded against its final baseline, by face
     * and frame (the tracker numbers frames the same way in both passes: it is deterministic).
     */
    private Map<FaceFrame, AuFrame> codeFirst(Baseline baseline, List<String> problems) throws MediaException {
        VideoCoding offline = new VideoCoding(pipeline.measures(), pipeline.predictor(), baseline.mode(),
                baseline.fromSeconds(), baseline.toSeconds());
        boolean smoothed = pipeline.settings().smoothed();
        try (VideoSource source = input.opener().open(input.spec())) {
            if (source.frameCountEstimate() < 0)
                throw new MediaException(input.spec(), "an offline or neutral-segment baseline needs a file; a live "
                        + "source can use the running baseline", null);
            long expected = expected(source);
            pipeline.tracking().run(source, frameLimit(), input.maxSeconds(), frame -> {
                double time = frame.image().timestampSeconds();
                for (TrackedFace face : frame.faces()) {
                    var values = smoothed ? face.face() : face.raw();
                    if (values != null) offline.found(frame.number(), time, values, frame.image());
                    else offline.lost(face.faceId(), frame.number(), time);
                }
                progress.frame(1, 2, frame.number(), expected);
            });
        }
        Map<FaceFrame, AuFrame> coded = new HashMap<>();
        for (VideoCoding.Coded c : offline.finish(problems))
            if (c.aus() != null) coded.put(new FaceFrame(c.faceId(), c.frame()), c.aus());
        return coded;
    }

    /** The tracking pipeline's frame limit: 0 for none. */
    private long frameLimit() {
        return input.maxFrames() == VideoInput.UNLIMITED ? 0 : input.maxFrames();
    }

    private long expected(VideoSource source) {
        long listed = source.frameCountEstimate();
        if (input.maxFrames() != VideoInput.UNLIMITED && (listed < 0 || input.maxFrames() < listed)) return input.maxFrames();
        return listed;
    }

    /** Fails a file that ended well short of the frames its container lists, unless a limit stopped it. */
    private void requireWhole(VideoSource source, long frames) throws MediaException {
        long listed = source.frameCountEstimate();
        boolean limited = (input.maxFrames() != VideoInput.UNLIMITED && frames >= input.maxFrames())
                || input.maxSeconds() != Double.POSITIVE_INFINITY;
        if (listed > 0 && !limited && frames < TRUNCATED_BELOW * listed)
            throw new MediaException(Path.of(input.spec()), "truncated or damaged: the video ends after " + frames
                    + " of the " + listed + " frames its container lists");
    }
}
