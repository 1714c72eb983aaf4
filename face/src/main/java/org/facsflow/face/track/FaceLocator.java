package org.facsflow.face.track;

import org.facsflow.face.FaceAnalyzer;
import org.facsflow.face.FaceBox;
import org.facsflow.face.ModelSchedule;
import org.facsflow.face.detect.FaceDetection;
import org.facsflow.face.mesh.FaceMesh;
import org.facsflow.face.mesh.FaceMeshEstimator;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.media.RgbImage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The sequential half of tracking: where each face is in this frame, under which id. Each followed face is read again
 * from its previous mesh's region (no detection); the detector runs only when no face is followed, when a followed
 * face was lost, and every {@link TrackerSettings#detectIntervalSeconds()} to find newcomers.
 *
 * <p>Ids: a face found by the detector (and confirmed by {@value #NEW_FACE_SCORE} on a third mesh read) that no
 * followed face covers gets, in this order,
 * <ol>
 *   <li>the id of a face lost at most {@link TrackerSettings#lostRowsSeconds()} ago whose last box it continues: centre
 *       within {@value #CONTINUITY_DISTANCE} x that box's width and size within a factor {@value #CONTINUITY_SIZE}
 *       (an occlusion, a turn away, a blink of the mesh model); the nearest such face wins;</li>
 *   <li>else the id of a lost or dropped face, remembered for {@link TrackerSettings#rememberSeconds()}, that looks
 *       the same: the colour histogram of face and hair ({@link ColourSignature}) within {@value #SAME_APPEARANCE}
 *       (Hellinger distance) of the newcomer's, and the face's proportions ({@link FaceShape}) within
 *       {@value #SAME_SHAPE_MM} mm RMS, when both could be sampled (a face that turned away for longer than it is
 *       reported, or left and came back elsewhere); the nearest appearance wins. The newcomer's signatures are their
 *       means over its first {@value #PENDING_FRAMES} frames, which are therefore not reported (only when a face it
 *       may be exists). Chosen on three composed clips of four people each who turn away and come back
 *       ({@code ReidentificationTest}: 12 people, 48 comparisons): the same person's appearance came back within
 *       0.17 of itself, different people's lay 0.32 or more apart; shapes alone overlapped (same person up to 1.7 mm,
 *       different people from 0.96 mm), so the shape only vetoes a match of very different proportions. A doubtful
 *       face gets a new id rather than someone else's;</li>
 *   <li>else the next new id.</li>
 * </ol>
 * A lost face is also looked for at its last place every frame until it is dropped, which finds a face the detector
 * misses while it is half covered. Two followed faces that converge on one face (one passed in front of the other)
 * are one too many: the one with the lower face score is lost.
 *
 * <p>Not thread-safe; runs on one thread with its own analyzer.
 */
final class FaceLocator {
    static final float CONTINUITY_DISTANCE = 1.0f;
    static final float CONTINUITY_SIZE = 1.5f;
    static final double SAME_APPEARANCE = 0.25;
    static final double SAME_SHAPE_MM = 2.0;
    /**
     * A detection becomes a face only if the mesh model, reading it a third time from its own region, still gives
     * this face score. Real faces in the development videos read 1.00 three times over; a cartoon character that
     * passed the first read (0.5-0.96) fell to 0.09-0.42 by the third, as the region re-centred on what is not a face.
     */
    static final float NEW_FACE_SCORE = 0.8f;
    static final int PENDING_FRAMES = 5;
    /** Signatures are sampled every this many frames of a followed face, up to a number of samples. */
    private static final int SIGNATURE_EVERY = 5, SIGNATURE_SAMPLES = 100;
    private static final int MAX_REMEMBERED = 64;

    /**
     * One face's place in one frame, and whether its measurement includes an occlusion check.
     *
     * @param faceScore the mesh model's face probability at the face's place (of the failed read, for a lost face)
     */
    record Located(int id, FaceMesh mesh, float faceScore, boolean fresh, boolean checkOcclusion) {
        boolean found() {
            return mesh != null;
        }
    }

    private final FaceAnalyzer analyzer;
    private final TrackerSettings settings;
    private final FaceShape shape;
    private final ColourSignature appearance = new ColourSignature();
    /** Followed faces and lost faces still reported, by id. */
    private final List<Track> tracks = new ArrayList<>();
    /** Dropped faces kept for re-identification, newest last. */
    private final List<Track> remembered = new ArrayList<>();
    private int nextId;
    private double lastDetection = Double.NEGATIVE_INFINITY;
    private CameraIntrinsics camera;

    FaceLocator(FaceAnalyzer analyzer, TrackerSettings settings) {
        this.analyzer = analyzer;
        this.settings = settings;
        this.shape = new FaceShape(analyzer.canonicalFace());
    }

    CameraIntrinsics camera(RgbImage image) {
        if (camera == null || camera.cx() != image.width() / 2.0 || camera.cy() != image.height() / 2.0)
            camera = CameraIntrinsics.openFaceDefault(image.width(), image.height());
        return camera;
    }

    List<Located> locate(RgbImage image) {
        double time = image.timestampSeconds();
        CameraIntrinsics k = camera(image);
        boolean anyLost = false;
        for (Track track : tracks) {
            FaceMesh mesh = analyzer.mesh(image, FaceMeshEstimator.roiFrom(track.mesh));
            if (mesh.faceScore() >= FaceAnalyzer.MIN_FACE_SCORE) track.found(mesh, time);
            else {
                track.lost(mesh.faceScore());
                anyLost = true;
            }
        }
        anyLost |= separateConvergedTracks();
        resolvePending(image, time);
        boolean noneFollowed = tracks.stream().noneMatch(t -> t.followed);
        if (noneFollowed || anyLost || time - lastDetection >= settings.detectIntervalSeconds()) {
            lastDetection = time;
            addNewFaces(image, time, k);
        }
        dropLostTracks(time);
        List<Located> located = new ArrayList<>(tracks.size());
        for (Track track : tracks) {
            if (track.pending) continue;
            if (track.followed) {
                if (track.framesFollowed % SIGNATURE_EVERY == 0) sample(track, image);
                boolean check = track.fresh
                        || ModelSchedule.due(track.lastOcclusionCheck, time, settings.occlusionCheckSeconds());
                if (check) track.lastOcclusionCheck = time;
                located.add(new Located(track.id, track.mesh, track.confidence, track.fresh, check));
            } else {
                located.add(new Located(track.id, null, track.confidence, false, false));
            }
        }
        return located;
    }

    private boolean separateConvergedTracks() {
        boolean any = false;
        for (Track a : tracks)
            for (Track b : tracks) {
                if (a == b || !a.followed || !b.followed || !FaceAnalyzer.sameFace(a.box, b.box)) continue;
                Track weaker = a.confidence < b.confidence || (a.confidence == b.confidence && a.id > b.id) ? a : b;
                weaker.foundWrongFace();
                any = true;
            }
        return any;
    }

    private void addNewFaces(RgbImage image, double time, CameraIntrinsics k) {
        List<FaceDetection> detections = new ArrayList<>(analyzer.detect(image));
        detections.sort(Comparator.comparingDouble(d -> -d.score()));
        for (FaceDetection detection : detections) {
            if (followedCount() >= settings.maxFaces()) return;
            if (coveredByFollowed(detection.box())) continue;
            FaceMesh mesh = analyzer.meshFrom(image, detection);
            if (mesh == null) continue;
            mesh = analyzer.mesh(image, FaceMeshEstimator.roiFrom(mesh));
            if (mesh.faceScore() < NEW_FACE_SCORE) continue;
            FaceBox box = FaceAnalyzer.box(mesh.points());
            if (coveredByFollowed(box)) continue;
            Track track = identify(box, !candidates().isEmpty(), time);
            track.found(mesh, time);
            if (track.pending) sample(track, image);
        }
    }

    /**
     * The track a newly detected face belongs to: a lost face it continues, else a pending newcomer when a face it may
     * be is remembered, else a new face.
     */
    private Track identify(FaceBox box, boolean compareSignatures, double time) {
        Track best = null;
        double bestCost = Double.MAX_VALUE;
        for (Track t : tracks) {
            if (t.followed || t.pending || time - t.lastSeen > settings.lostRowsSeconds()) continue;
            double distance = Math.hypot(box.centerX() - t.box.centerX(), box.centerY() - t.box.centerY()) / t.box.width();
            double size = box.width() / t.box.width();
            if (distance <= CONTINUITY_DISTANCE && size <= CONTINUITY_SIZE && size >= 1 / CONTINUITY_SIZE
                    && distance < bestCost) {
                best = t;
                bestCost = distance;
            }
        }
        if (best == null) {
            best = compareSignatures ? new Track(-1, true, shape.size()) : new Track(nextId++, false, shape.size());
            tracks.add(best);
        }
        tracks.sort(Comparator.comparingInt(t -> t.id));
        return best;
    }

    /** Newcomers followed for long enough get their id: a remembered face's if their shapes agree, else a new one. */
    private void resolvePending(RgbImage image, double time) {
        for (Track pending : List.copyOf(tracks)) {
            if (!pending.pending) continue;
            if (!pending.followed) {
                tracks.remove(pending); // gone before it was known who it was
                continue;
            }
            sample(pending, image);
            if (++pending.pendingFrames < PENDING_FRAMES) continue;
            Track same = null;
            double nearest = SAME_APPEARANCE;
            for (Track t : candidates()) {
                double d = ColourSignature.distance(pending.appearance, t.appearance);
                boolean shapesAgree = pending.shapeSamples == 0 || t.shapeSamples == 0
                        || FaceShape.distance(pending.shape, t.shape) <= SAME_SHAPE_MM;
                if (d <= nearest && shapesAgree) {
                    same = t;
                    nearest = d;
                }
            }
            tracks.remove(pending);
            if (same == null) {
                pending.id = nextId++;
                pending.pending = false;
                pending.followed = false; // so that found() marks it fresh
                pending.found(pending.mesh, time);
                tracks.add(pending);
            } else {
                remembered.remove(same);
                if (!tracks.contains(same)) tracks.add(same);
                same.found(pending.mesh, time);
            }
        }
        tracks.sort(Comparator.comparingInt(t -> t.id));
    }

    /** Faces a newcomer may be: lost ones not followed now and dropped ones still remembered. */
    private List<Track> candidates() {
        List<Track> candidates = new ArrayList<>(remembered);
        for (Track t : tracks) if (!t.followed && !t.pending) candidates.add(t);
        return candidates;
    }

    private void dropLostTracks(double time) {
        for (Iterator<Track> it = tracks.iterator(); it.hasNext(); ) {
            Track t = it.next();
            if (t.followed || t.pending || time - t.lastSeen <= settings.lostRowsSeconds()) continue;
            it.remove();
            remembered.add(t);
        }
        remembered.removeIf(t -> time - t.lastSeen > settings.rememberSeconds());
        while (remembered.size() > MAX_REMEMBERED) remembered.remove(0);
    }

    /** Adds this frame to the track's shape and appearance (up to {@value #SIGNATURE_SAMPLES} samples each). */
    private void sample(Track track, RgbImage image) {
        if (track.shapeSamples < SIGNATURE_SAMPLES && shape.accumulate(track.shape, track.shapeSamples, track.mesh.points()))
            track.shapeSamples++;
        if (track.appearanceSamples < SIGNATURE_SAMPLES)
            appearance.accumulate(track.appearance, track.appearanceSamples++, image, track.mesh);
    }

    private boolean coveredByFollowed(FaceBox box) {
        for (Track t : tracks) if (t.followed && FaceAnalyzer.sameFace(t.box, box)) return true;
        return false;
    }

    private long followedCount() {
        return tracks.stream().filter(t -> t.followed).count();
    }
}
