package org.facsflow.face.track;

import org.facsflow.face.FaceAnalyzer;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.media.RgbImage;

import java.util.List;

/**
 * The face stage for video, one frame at a time: every face with a stable id, its measurements smoothed over time and
 * as measured, and faces that were lost reported as such for a while (see {@link FaceLocator} for how faces are
 * followed and re-identified, {@link FaceSmoother} for the smoothing). A tracker runs in three steps that
 * {@link TrackingPipeline} spreads over threads: locate (sequential: each frame starts from the previous one's meshes),
 * measure (iris, occlusion check, pose: independent per frame) and smooth (sequential again).
 *
 * <p>Not thread-safe, and the analyzer it is given must not be used elsewhere meanwhile. Frames must come in order.
 */
public final class FaceTracker {
    private final FaceAnalyzer analyzer;
    private final FaceLocator locator;
    private final FaceSmoother smoother;

    private FaceTracker(FaceAnalyzer analyzer, TrackerSettings settings) {
        this.analyzer = analyzer;
        this.locator = new FaceLocator(analyzer, settings);
        this.smoother = new FaceSmoother(analyzer.canonicalFace());
    }

    public static FaceTracker create(FaceAnalyzer analyzer, TrackerSettings settings) {
        return new FaceTracker(analyzer, settings);
    }

    /** The faces in the next frame of the video, by id. */
    public List<TrackedFace> track(RgbImage frame) {
        List<FaceLocator.Located> located = locator.locate(frame);
        CameraIntrinsics camera = locator.camera(frame);
        FaceObservation[] raw = measure(analyzer, frame, located, camera);
        return smoother.smooth(located, raw, frame, camera, analyzer.times());
    }

    /** The measurements of each located face that was found; null for a lost face or one without a pose. */
    static FaceObservation[] measure(FaceAnalyzer analyzer, RgbImage frame, List<FaceLocator.Located> located,
                                     CameraIntrinsics camera) {
        FaceObservation[] raw = new FaceObservation[located.size()];
        for (int i = 0; i < raw.length; i++) {
            FaceLocator.Located face = located.get(i);
            if (face.found()) raw[i] = analyzer.observe(frame, face.mesh(), face.id(), camera, face.checkOcclusion());
        }
        return raw;
    }
}
