package org.facsflow.face.track;

/**
 * How a {@link FaceTracker} looks for faces and how long it remembers them.
 *
 * @param detectIntervalSeconds while faces are followed, the detector runs this often to find new ones (it also runs
 *                              on every frame where no face is followed or a followed face was lost)
 * @param lostRowsSeconds       a face that was lost stays reported (success = 0) and is searched for at its last place
 *                              for this long; then it is dropped
 * @param rememberSeconds       a dropped face's shape is kept this long, so the face keeps its id when it comes back
 * @param maxFaces              at most this many faces are followed at once (each costs a full measurement per frame)
 * @param occlusionCheckSeconds each followed face's eyes and mouth are checked for a cover this often (and on the
 *                              frame it is found); frames between carry the last check forward. 0.1 s catches a hand
 *                              raised to the mouth within a frame or two of 24-30 fps video at a third of the cost of
 *                              checking every frame; 0 checks every frame
 */
public record TrackerSettings(double detectIntervalSeconds, double lostRowsSeconds, double rememberSeconds, int maxFaces,
                              double occlusionCheckSeconds) {
    public static final TrackerSettings DEFAULT = new TrackerSettings(1.0, 2.0, 60.0, 8, 0.1);

    public TrackerSettings {
        if (!(detectIntervalSeconds >= 0) || !(lostRowsSeconds >= 0) || !(rememberSeconds >= 0) || maxFaces < 1
                || !(occlusionCheckSeconds >= 0))
            throw new IllegalArgumentException("tracker settings out of range");
    }

    /** These settings with the occlusion check run on every frame. */
    public TrackerSettings checkingEveryFrame() {
        return new TrackerSettings(detectIntervalSeconds, lostRowsSeconds, rememberSeconds, maxFaces, 0);
    }
}
