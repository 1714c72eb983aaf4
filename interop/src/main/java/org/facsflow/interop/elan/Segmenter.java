package org.facsflow.interop.elan;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one face's per-frame labels into {@link Segment}s, online. The rule:
 * <ol>
 *   <li>consecutive frames with the same label form a run; an unmeasured frame (label null) or a pause of more
 *       than {@link #MAX_GAP_S} between frames ends it;</li>
 *   <li>a run ends where the next run begins (at the time of that run's first frame), or at its own last frame
 *       where a gap or an unmeasured frame follows;</li>
 *   <li>a run shorter than {@link #MIN_DURATION_S}, or with the same label, that begins where the previous segment
 *       ends is absorbed into it (so a flicker of another label for a frame or two neither splits a segment nor
 *       becomes one); a short run with nothing before it stands alone, unless it is a single frame (no duration);</li>
 *   <li>a segment's mean is over the frames that carried its own label.</li>
 * </ol>
 */
public final class Segmenter {
    /** Runs shorter than this join the segment before them. */
    public static final double MIN_DURATION_S = 0.5;
    /** A longer pause between measured frames ends a run. */
    public static final double MAX_GAP_S = 0.25;

    private final int faceId;
    private final List<Segment> segments = new ArrayList<>();
    private final List<double[]> sums = new ArrayList<>(); // per segment: sum and count of its own label's values
    private String label;
    private double start, last, sum;
    private int count;

    public Segmenter(int faceId) {
        this.faceId = faceId;
    }

    /** One frame: its label (null: not measured) and the value to average for that label. */
    public void add(double time, String label, double value) {
        if (this.label != null && (label == null || !label.equals(this.label) || time - last > MAX_GAP_S))
            close(label != null && time - last <= MAX_GAP_S ? time : last);
        if (label == null) return;
        if (this.label == null) {
            this.label = label;
            start = time;
            sum = 0;
            count = 0;
        }
        last = time;
        sum += value;
        count++;
    }

    public List<Segment> finish() {
        if (label != null) close(last);
        return List.copyOf(segments);
    }

    private void close(double end) {
        int previous = segments.size() - 1;
        Segment before = previous >= 0 ? segments.get(previous) : null;
        boolean adjacent = before != null && before.offset() == start;
        if (adjacent && (end - start < MIN_DURATION_S || before.label().equals(label))) {
            double[] s = sums.get(previous);
            if (before.label().equals(label)) {
                s[0] += sum;
                s[1] += count;
            }
            segments.set(previous, new Segment(faceId, before.label(), before.onset(), end, s[0] / s[1]));
        } else if (end > start) {
            segments.add(new Segment(faceId, label, start, end, sum / count));
            sums.add(new double[]{sum, count});
        }
        label = null;
    }
}
