package org.facsflow.apps.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The `n` key: the next {@value #SECONDS} s of frames are taken as each face's neutral face. Times are the frames'
 * own timestamps, so a run that drops frames still collects 2 s of the person. A face that appears during the
 * 2 s joins for the rest of them. Runs on the processing thread, between coding frames.
 */
final class NeutralCapture {
    static final double SECONDS = 2.0;

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
            until = time + SECONDS;
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
