package org.facsflow.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * On request (the live window's n key) the next {@value StreamSession#NEUTRAL_SECONDS} s of frames are taken as each
 * face's neutral face. Times are the frames'
 * own timestamps, so a run that drops frames still collects the whole stretch of the person. A face that appears during
 * it joins for the rest of it. Runs on the processing thread, between coding frames.
 */
final class NeutralCapture {
    private final NeutralSegments segments;
    private final Set<Integer> collecting = new LinkedHashSet<>();
    private boolean requested;
    private double until = Double.NaN;
    private String status = "";

    NeutralCapture(NeutralSegments segments) {
        this.segments = segments;
    }

    /** Starts (or restarts) at the next frame. */
    void request() {
        requested = true;
    }

    boolean active() {
        return !Double.isNaN(until);
    }

    /** Called before the frame at {@code time} is coded, with the ids of the faces found in it. */
    void beforeFrame(double time, Collection<Integer> found) {
        if (requested) {
            requested = false;
            finish();
            until = time + StreamSession.NEUTRAL_SECONDS;
        }
        if (!active()) return;
        if (time >= until) {
            finish();
            return;
        }
        for (int id : found) if (collecting.add(id)) segments.beginNeutral(id);
        status = String.format(Locale.ROOT, "neutral: hold still, %.1f s left", until - time);
    }

    private void finish() {
        if (!active()) return;
        until = Double.NaN;
        List<String> done = new ArrayList<>();
        for (int id : collecting) {
            int frames = segments.endNeutral(id);
            done.add("face " + id + (frames > 0 ? " from " + frames + " frames" : ": no measurable frame, running baseline kept"));
        }
        collecting.clear();
        status = done.isEmpty() ? "neutral: no face was found in the 2 s" : "neutral taken: " + String.join("; ", done);
    }

    /** What to show: collecting, the outcome, or empty. */
    String status() {
        return status;
    }
}
