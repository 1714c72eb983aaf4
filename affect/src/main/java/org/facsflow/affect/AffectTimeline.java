package org.facsflow.affect;

import org.facsflow.affect.circumplex.CircumplexTrack;
import org.facsflow.affect.circumplex.ValenceArousal;
import org.facsflow.affect.episodes.EpisodeThresholds;
import org.facsflow.affect.episodes.HeadMotionGate;
import org.facsflow.affect.events.AuCooccurrence;
import org.facsflow.affect.events.AuEvent;
import org.facsflow.affect.events.AuEventTracker;
import org.facsflow.affect.smile.SmileEpisode;
import org.facsflow.affect.smile.SmileParameters;
import org.facsflow.affect.smile.SmileTracker;
import org.facsflow.face.HeadPose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The affect layer over a whole video: feed every face of every frame in time order, then {@link #finish()} for its
 * smiles, AU events, AU co-occurrence and circumplex tracks. Per face it keeps one head-motion gate (whose gated
 * frames the smile and event detection skip), the open episodes and the valence/arousal track (16 bytes a frame).
 * Not thread-safe.
 */
public final class AffectTimeline {
    /** Everything found in the video. */
    public record Summary(List<SmileEpisode> smiles, List<AuEvent> events, AuCooccurrence cooccurrence,
                          List<CircumplexTrack> circumplex) {
    }

    private final class Face {
        final HeadMotionGate gate = new HeadMotionGate(maxHeadSpeed);
        final SmileTracker smiles;
        final AuEventTracker events;
        final CircumplexTrack.Builder track;

        Face(int id) {
            smiles = new SmileTracker(id, smileParameters);
            events = new AuEventTracker(id, eventThresholds);
            track = new CircumplexTrack.Builder(id);
        }
    }

    private final SmileParameters smileParameters;
    private final EpisodeThresholds eventThresholds;
    private final double maxHeadSpeed;
    private final Map<Integer, Face> faces = new TreeMap<>();
    private final List<SmileEpisode> smiles = new ArrayList<>();
    private final List<AuEvent> events = new ArrayList<>();
    private final List<CircumplexTrack> finishedTracks = new ArrayList<>();

    /**
     * @param maxHeadSpeed radians per second above which frames are gated ({@link HeadMotionGate#DEFAULT_MAX_SPEED})
     */
    public AffectTimeline(SmileParameters smileParameters, EpisodeThresholds eventThresholds, double maxHeadSpeed) {
        this.smileParameters = smileParameters;
        this.eventThresholds = eventThresholds;
        this.maxHeadSpeed = maxHeadSpeed;
    }

    public AffectTimeline() {
        this(SmileParameters.STANDARD, EpisodeThresholds.AU_EVENTS, HeadMotionGate.DEFAULT_MAX_SPEED);
    }

    /**
     * One face in one frame.
     *
     * @param aus  the AU coder's intensities (null: not coded in this frame)
     * @param pose the head pose (null: unknown, no gating)
     * @param va   valence and arousal ({@link AffectFrame#circumplex()}); null to leave the frame off the track
     */
    public void add(int faceId, long frame, double time, AuIntensities aus, HeadPose pose, ValenceArousal va) {
        Face face = face(faceId);
        add(face, frame, time, aus, face.gate.next(time, pose), va);
    }

    /** As {@link #add(int, long, double, AuIntensities, HeadPose, ValenceArousal)} with OpenFace's pose_R* angles. */
    public void add(int faceId, long frame, double time, AuIntensities aus, double pitch, double yaw, double roll,
                    ValenceArousal va) {
        Face face = face(faceId);
        add(face, frame, time, aus, face.gate.next(time, pitch, yaw, roll), va);
    }

    /** A face that has left: its open smiles and events end at its last frame. */
    public void faceLost(int faceId) {
        Face face = faces.remove(faceId);
        if (face != null) close(face);
    }

    /** Ends the video. */
    public Summary finish() {
        for (Face face : faces.values()) close(face);
        faces.clear();
        smiles.sort(Comparator.comparingInt(SmileEpisode::faceId).thenComparingDouble(s -> s.au12().onset()));
        finishedTracks.sort(Comparator.comparingInt(CircumplexTrack::faceId));
        return new Summary(List.copyOf(smiles), List.copyOf(events), AuCooccurrence.of(events),
                List.copyOf(finishedTracks));
    }

    private Face face(int faceId) {
        return faces.computeIfAbsent(faceId, Face::new);
    }

    private void add(Face face, long frame, double time, AuIntensities aus, boolean gated, ValenceArousal va) {
        SmileEpisode smile = face.smiles.next(frame, time, aus, gated);
        if (smile != null) smiles.add(smile);
        events.addAll(face.events.next(frame, time, aus, gated));
        if (va != null) face.track.add(time, va);
    }

    private void close(Face face) {
        SmileEpisode smile = face.smiles.finish();
        if (smile != null) smiles.add(smile);
        events.addAll(face.events.finish());
        CircumplexTrack track = face.track.build();
        if (track.size() > 0) finishedTracks.add(track);
    }
}
