package org.facsflow.pipeline;

import org.facsflow.affect.AffectAnalyzer;
import org.facsflow.affect.AffectFrame;
import org.facsflow.affect.AuIntensities;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.StageTimes;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.face.track.TrackedFace;
import org.facsflow.face.track.TrackedFrame;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuCoder;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.media.RgbImage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The stages above the face stage, once for every caller: each face's AUs (against its running baseline, a neutral
 * segment, an offline coding, or for stills the population neutral) and then its affect. It forgets a face (baseline,
 * emotion smoothing) once the face has not been seen for {@code forgetAfterSeconds}, the tracker's memory for faces
 * that left: a person who comes back within it keeps their id and their neutral face, and a camera left running for
 * hours, or a crowd passing by, keeps a bounded number of faces. Not thread-safe: one per analysis.
 */
final class FrameCoder implements NeutralSegments {
    /** AUs coded before the frames are reported: an offline or neutral-segment run's first pass. */
    interface Coded {
        /** The face's AUs in the tracker's frame {@code frame}; null when it could not be coded. */
        AuFrame aus(int faceId, long frame);
    }

    private final AuCoder coder;
    private final AffectAnalyzer affect;
    private final Predicate<ActionUnit> shown;
    private final boolean smoothed;
    private final double forgetAfterSeconds;
    private final Map<Integer, Double> lastSeen = new HashMap<>();
    private final StageTimes times = new StageTimes();

    /** @param shown the AUs reported; the others read as not measured here and above (EMFACS rules included) */
    FrameCoder(AuCoder coder, AffectAnalyzer affect, Predicate<ActionUnit> shown, boolean smoothed,
               double forgetAfterSeconds) {
        this.coder = coder;
        this.affect = affect;
        this.shown = shown;
        this.smoothed = smoothed;
        this.forgetAfterSeconds = forgetAfterSeconds;
    }

    /**
     * One tracked frame: every face, found or lost, with its coding where it was found.
     *
     * @param sourceFrame the source's number of this frame (the tracker counts the frames it was given)
     * @param coded       the first pass's coding, or null to code against each face's running baseline now
     */
    FrameResult code(TrackedFrame tracked, long sourceFrame, Coded coded) {
        RgbImage image = tracked.image();
        double time = image.timestampSeconds();
        List<FaceResult> faces = new ArrayList<>(tracked.faces().size());
        for (TrackedFace f : tracked.faces()) {
            FaceObservation values = smoothed ? f.face() : f.raw();
            if (values == null) {
                if (coded == null) coder.lost(f.faceId());
                faces.add(FaceResult.notFound(sourceFrame, time, f.faceId(), f.confidence()));
                continue;
            }
            lastSeen.put(f.faceId(), time);
            long start = StageTimes.start();
            AuFrame aus = shownOnly(coded == null ? coder.code(values, image) : coded.aus(f.faceId(), tracked.number()));
            AffectFrame affects = affect.analyze(image, values, time, AuIntensities.of(aus));
            times.stop(StageTimes.Stage.AUS_AFFECT, start);
            faces.add(new FaceResult(sourceFrame, time, f.faceId(), f.confidence(), values, aus, affects));
        }
        forgetGone(time);
        return new FrameResult(sourceFrame, time, image, tracked.camera(), faces);
    }

    /** The faces of a still image: AUs against the population neutral face (no baseline of the person exists). */
    FrameResult codeStill(RgbImage image, List<FaceObservation> found) {
        List<FaceResult> faces = new ArrayList<>(found.size());
        for (FaceObservation face : found) {
            AuFrame aus = shownOnly(coder.codeStill(face, image));
            // Time 0 for every still: a timestamp not after the last starts the face's emotion smoothing afresh.
            AffectFrame affects = affect.analyze(image, face, 0, AuIntensities.of(aus));
            faces.add(new FaceResult(1, 0, face.faceId(), face.confidence(), face, aus, affects));
        }
        return new FrameResult(1, 0, image, CameraIntrinsics.openFaceDefault(image.width(), image.height()), faces);
    }

    private AuFrame shownOnly(AuFrame aus) {
        return aus == null ? null : aus.only(shown);
    }

    private void forgetGone(double time) {
        lastSeen.entrySet().removeIf(e -> {
            if (time - e.getValue() <= forgetAfterSeconds) return false;
            forget(e.getKey());
            return true;
        });
    }

    /** Forgets a face: its baseline and emotion smoothing start afresh if its id returns. */
    void forget(int faceId) {
        coder.forget(faceId);
        affect.forget(faceId);
    }

    /** Faces remembered now: bounded by the faces seen within the last {@code forgetAfterSeconds}. */
    int remembered() {
        return lastSeen.size();
    }

    /** CPU time of the AU and affect stages on the calling thread. */
    StageTimes times() {
        return times;
    }

    @Override
    public void beginNeutral(int faceId) {
        coder.beginNeutral(faceId);
    }

    @Override
    public int endNeutral(int faceId) {
        return coder.endNeutral(faceId);
    }
}
