package org.facsflow.facs.coding;

import org.facsflow.facs.ActionUnit;

import java.util.ArrayList;
import java.util.List;

/**
 * FACS 2002 tells AU43 (eyes closed, or the lids lowered) from the AU45 blink by duration: eyes closed for more than
 * half a second are AU43, a quicker closure is a blink. One frame cannot show that, so in video AU43 is scored only
 * in a stretch of frames where its rule reads at least its threshold for {@value #HELD_SECONDS} s or longer, and reads
 * 0 elsewhere. Offline the whole stretch counts once it lasts that long; live ({@link #next}) a stretch counts from
 * the moment it has (no look-ahead). A frame where the face is not found ({@link #end}) or its eyes are not
 * measurable ends a stretch. Stills keep the rule
 * alone: FACS scores closed eyes in a photograph as AU43.
 *
 * <p>One instance follows one face live; not thread-safe.
 */
public final class HeldClosure {
    public static final double HELD_SECONDS = 0.5;
    private static final int AU43 = AuFrame.index(ActionUnit.AU43);

    /** When the current stretch began (seconds); NaN outside one. */
    private double since = Double.NaN;

    /** Live: this frame at {@code time} seconds, AU43 kept only if its stretch has lasted long enough so far. */
    public AuFrame next(AuFrame frame, double time) {
        if (!frame.present()[AU43]) since = Double.NaN;
        else if (Double.isNaN(since)) since = time;
        return !Double.isNaN(since) && time - since >= HELD_SECONDS ? frame : withoutClosure(frame);
    }

    /** Live: the face was not found in a frame, which ends a stretch as it does offline. */
    public void end() {
        since = Double.NaN;
    }

    /** Offline: every frame of one face (null where it was not found), AU43 kept only in stretches long enough. */
    public static List<AuFrame> offline(List<AuFrame> frames, double[] times) {
        List<AuFrame> out = new ArrayList<>(frames.size());
        int start = -1;
        for (int i = 0; i <= frames.size(); i++) {
            AuFrame f = i < frames.size() ? frames.get(i) : null;
            if (f != null && f.present()[AU43]) {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0) {
                boolean held = times[i - 1] - times[start] >= HELD_SECONDS;
                for (int k = start; k < i; k++) out.add(held ? frames.get(k) : withoutClosure(frames.get(k)));
                start = -1;
            }
            if (i < frames.size()) out.add(f == null ? null : withoutClosure(f));
        }
        return out;
    }

    /** The frame with AU43 at 0 (not present) wherever it was measured; the same frame where it already is. */
    private static AuFrame withoutClosure(AuFrame f) {
        if (!(f.intensity()[AU43] > 0 || f.left()[AU43] > 0 || f.right()[AU43] > 0 || f.present()[AU43])) return f;
        float[] intensity = f.intensity().clone(), left = f.left().clone(), right = f.right().clone();
        boolean[] present = f.present().clone();
        intensity[AU43] = 0;
        if (!Float.isNaN(left[AU43])) left[AU43] = 0;
        if (!Float.isNaN(right[AU43])) right[AU43] = 0;
        present[AU43] = false;
        return new AuFrame(intensity, left, right, present, f.baseline());
    }
}
