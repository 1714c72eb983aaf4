package org.facsflow.affect.events;

import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.episodes.Episode;
import org.facsflow.affect.episodes.EpisodeDetector;
import org.facsflow.affect.episodes.EpisodeThresholds;
import org.facsflow.facs.ActionUnit;

import java.util.ArrayList;
import java.util.List;

/** Online episodes of every coded AU of one face (one {@link EpisodeDetector} per AU). */
public final class AuEventTracker {
    private final int faceId;
    private final EpisodeDetector[] detectors = new EpisodeDetector[ActionUnit.CODED.size()];

    public AuEventTracker(int faceId, EpisodeThresholds thresholds) {
        this.faceId = faceId;
        for (int i = 0; i < detectors.length; i++) detectors[i] = new EpisodeDetector(thresholds);
    }

    /** Feeds one frame (aus null: face not measured); returns the events it ended, in AU order. */
    public List<AuEvent> next(long frame, double time, AuIntensities aus, boolean gated) {
        List<AuEvent> ended = new ArrayList<>(0);
        for (int i = 0; i < detectors.length; i++) {
            Episode e = detectors[i].next(frame, time, aus == null ? Float.NaN : aus.values()[i], gated);
            if (e != null) ended.add(new AuEvent(faceId, ActionUnit.CODED.get(i), e));
        }
        return ended;
    }

    /** Ends the series: the events still open. */
    public List<AuEvent> finish() {
        List<AuEvent> ended = new ArrayList<>(0);
        for (int i = 0; i < detectors.length; i++) {
            Episode e = detectors[i].finish();
            if (e != null) ended.add(new AuEvent(faceId, ActionUnit.CODED.get(i), e));
        }
        return ended;
    }
}
