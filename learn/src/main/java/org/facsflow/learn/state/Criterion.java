package org.facsflow.learn.state;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One test of a rule: bounds on one or more features that must all pass in the same observation (an AU combination
 * such as AU4 with AU7), either in the latest observation or, over a window, in at least a share of the observations
 * where every feature was measured. A window only counts once it is filled (observations reach back over 80% of it
 * since the session started or resumed) and its features were measured in at least half of its observations: a few
 * frames after a resume, or a face seen in two frames of ten, decide nothing.
 *
 * @param bounds        what must pass, all in the same observation
 * @param windowSeconds 0: the latest observation only
 * @param share         the share of the window's measured observations that must pass to enter the rule's state
 * @param keepShare     the share that keeps the state once it is current (hysteresis: at most {@code share})
 */
public record Criterion(List<Bound> bounds, double windowSeconds, double share, double keepShare) {
    static final double FILLED = 0.8, COVERAGE = 0.5;

    public Criterion {
        bounds = List.copyOf(bounds);
        if (bounds.isEmpty()) throw new IllegalArgumentException("a criterion without bounds");
        if (!(windowSeconds >= 0)) throw new IllegalArgumentException("windowSeconds " + windowSeconds);
        if (!(share > 0 && share <= 1) || !(keepShare > 0 && keepShare <= share))
            throw new IllegalArgumentException("share must lie in (0, 1] and keepShare in (0, share]");
    }

    /**
     * Whether the criterion holds at the newest of {@code history} (oldest first, since the last start or resume).
     *
     * @param current whether the rule's state is the current one (then {@code keepShare} applies)
     */
    public boolean holds(List<Observation> history, boolean current) {
        if (history.isEmpty()) return false;
        Observation last = history.get(history.size() - 1);
        if (windowSeconds == 0) return measured(last) && passes(last);
        if (history.get(0).t() > last.t() - FILLED * windowSeconds) return false;
        double from = last.t() - windowSeconds;
        int seen = 0, measured = 0, passed = 0;
        for (int i = history.size() - 1; i >= 0 && history.get(i).t() >= from; i--) {
            Observation o = history.get(i);
            seen++;
            if (!measured(o)) continue;
            measured++;
            if (passes(o)) passed++;
        }
        if (measured < 2 || measured < COVERAGE * seen) return false;
        return passed >= (current ? keepShare : share) * measured - 1e-9;
    }

    private boolean measured(Observation o) {
        for (Bound b : bounds) if (Float.isNaN(o.value(b.feature()))) return false;
        return true;
    }

    private boolean passes(Observation o) {
        for (Bound b : bounds) if (!b.passes(o.value(b.feature()))) return false;
        return true;
    }

    /** "AU4 >= 1 and AU7 >= 1 in 60% of 4 s" */
    public String describe() {
        String what = bounds.stream().map(Bound::describe).collect(Collectors.joining(" and "));
        return windowSeconds == 0 ? what
                : String.format(Locale.ROOT, "%s in %.0f%% of %s s", what, share * 100, Bound.num(windowSeconds));
    }
}
