package org.facsflow.interop.agreement;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.validation.Agreement;
import org.facsflow.interop.AuColumn;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.convert.Conversions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Agreement of two frame-level codings of the same video, AU by AU (machine against human, or coder against coder):
 * frame-level F1 and Cohen's kappa of presence, ICC(3,1) of intensity where both coded one, and event-level
 * agreement, each with a percentile bootstrap interval.
 *
 * <p>Events are runs of present frames (onset: first frame, offset: last frame; a run ends at an absent frame or a
 * change of face). A predicted event matches a reference event of the same face when both its onset and its offset
 * lie within the tolerance of the reference's; pairs are matched one to one, closest first (sum of the two
 * differences).
 *
 * <p>Intervals are <b>event-resampled</b>: the frames are cut into stretches, each holding one cluster of
 * reference and predicted events (events within the tolerance of each other join a cluster) and the quiet frames
 * around it, cut halfway between clusters and at changes of face; the bootstrap draws stretches with replacement
 * and recomputes every measure on the frames and events drawn. Stretches keep the frames of one expression
 * together, which resampling single frames (strongly autocorrelated) would not. With fewer than
 * {@link Bootstrap#MIN_UNITS} stretches no interval is given.
 */
public final class Agreements {
    /** Onset and offset tolerance for matching events, seconds (FACS coders' usual half-second window). */
    public static final double DEFAULT_TOLERANCE_S = 0.5;

    private Agreements() {
    }

    /** Every AU both tables have, in FACS order. */
    public static List<CodeAgreement> compare(AuTable reference, AuTable prediction, double frameRate, double tolerance,
                                              Bootstrap bootstrap) {
        List<int[]> pairs = FramePairs.align(reference, prediction, frameRate);
        pairs.sort(Comparator.<int[]>comparingInt(p -> reference.rows().get(p[0]).face())
                .thenComparingDouble(p -> Conversions.time(reference.rows().get(p[0]), frameRate)));
        List<CodeAgreement> out = new ArrayList<>();
        List<ActionUnit> aus = new ArrayList<>(reference.aus());
        aus.sort(Comparator.comparingInt(ActionUnit::number));
        for (ActionUnit au : aus) {
            int r = reference.indexOf(au), p = prediction.indexOf(au);
            if (p >= 0) out.add(compare(au, reference, r, prediction, p, pairs, frameRate, tolerance, bootstrap));
        }
        return out;
    }

    private static CodeAgreement compare(ActionUnit au, AuTable ref, int rc, AuTable pred, int pc, List<int[]> pairs,
                                         double frameRate, double tolerance, Bootstrap bootstrap) {
        int n = 0;
        double[] time = new double[pairs.size()];
        int[] face = new int[pairs.size()];
        boolean[] a = new boolean[pairs.size()], b = new boolean[pairs.size()];
        float[] x = new float[pairs.size()], y = new float[pairs.size()];
        AuColumn refColumn = ref.columns().get(rc), predColumn = pred.columns().get(pc);
        boolean intensities = refColumn.intensity() && predColumn.intensity();
        for (int[] pair : pairs) {
            AuRow r = ref.rows().get(pair[0]), q = pred.rows().get(pair[1]);
            Boolean ra = ref.present(r, rc), pb = pred.present(q, pc);
            if (ra == null || pb == null) continue;
            time[n] = Conversions.time(r, frameRate);
            face[n] = r.face();
            a[n] = ra;
            b[n] = pb;
            x[n] = intensities ? r.intensity()[rc] : Float.NaN;
            y[n] = intensities ? q.intensity()[pc] : Float.NaN;
            n++;
        }
        Frames f = new Frames(Arrays.copyOf(time, n), Arrays.copyOf(face, n), Arrays.copyOf(a, n), Arrays.copyOf(b, n),
                Arrays.copyOf(x, n), Arrays.copyOf(y, n));
        List<int[]> refEvents = runs(f, f.a), predEvents = runs(f, f.b);
        List<int[]> matches = match(f, refEvents, predEvents, tolerance);
        List<int[]> stretches = stretches(f, refEvents, predEvents, tolerance);
        Stretch[] units = new Stretch[stretches.size()];
        for (int s = 0; s < units.length; s++) units[s] = Stretch.of(f, stretches.get(s), refEvents, predEvents, matches);
        int[] all = new int[units.length];
        for (int i = 0; i < all.length; i++) all[i] = i;
        Stretch total = Stretch.sum(units, all);
        return new CodeAgreement(au, n, (int) (total.tp + total.fn), (int) (total.tp + total.fp), total.f1(),
                Interval.of(bootstrap.interval(units.length, d -> Stretch.sum(units, d).f1())),
                total.kappa(), Interval.of(bootstrap.interval(units.length, d -> Stretch.sum(units, d).kappa())),
                Arrays.stream(units).mapToInt(u -> u.intensity.length).sum(), icc(f, units, all),
                Interval.of(bootstrap.interval(units.length, d -> icc(f, units, d))),
                refEvents.size(), predEvents.size(), matches.size(), total.eventF1(),
                Interval.of(bootstrap.interval(units.length, d -> Stretch.sum(units, d).eventF1())), units.length);
    }

    /** The aligned frames of one AU, in face then time order. */
    private record Frames(double[] time, int[] face, boolean[] a, boolean[] b, float[] x, float[] y) {
        int size() {
            return time.length;
        }
    }

    /** Runs of present frames: {first index, index after the last}. */
    private static List<int[]> runs(Frames f, boolean[] present) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < f.size(); ) {
            if (!present[i]) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < f.size() && present[j] && f.face[j] == f.face[i]) j++;
            runs.add(new int[]{i, j});
            i = j;
        }
        return runs;
    }

    private static double onset(Frames f, int[] run) {
        return f.time[run[0]];
    }

    private static double offset(Frames f, int[] run) {
        return f.time[run[1] - 1];
    }

    /** One-to-one matches {reference event, predicted event}, closest pairs first. */
    private static List<int[]> match(Frames f, List<int[]> ref, List<int[]> pred, double tolerance) {
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < ref.size(); i++)
            for (int j = 0; j < pred.size(); j++) {
                if (f.face[ref.get(i)[0]] != f.face[pred.get(j)[0]]) continue;
                double on = Math.abs(onset(f, ref.get(i)) - onset(f, pred.get(j)));
                double off = Math.abs(offset(f, ref.get(i)) - offset(f, pred.get(j)));
                if (on <= tolerance + 1e-9 && off <= tolerance + 1e-9) candidates.add(new double[]{on + off, i, j});
            }
        candidates.sort(Comparator.comparingDouble(c -> c[0]));
        boolean[] refUsed = new boolean[ref.size()], predUsed = new boolean[pred.size()];
        List<int[]> matches = new ArrayList<>();
        for (double[] c : candidates) {
            int i = (int) c[1], j = (int) c[2];
            if (refUsed[i] || predUsed[j]) continue;
            refUsed[i] = predUsed[j] = true;
            matches.add(new int[]{i, j});
        }
        return matches;
    }

    /**
     * Frame ranges {from, to} that cover all frames: one per cluster of events (grown by the tolerance), cut
     * halfway between clusters and wherever the face changes.
     */
    private static List<int[]> stretches(Frames f, List<int[]> ref, List<int[]> pred, double tolerance) {
        List<int[]> events = new ArrayList<>(ref);
        events.addAll(pred);
        events.sort(Comparator.comparingInt(e -> e[0]));
        List<int[]> clusters = new ArrayList<>();
        for (int[] e : events) {
            int[] last = clusters.isEmpty() ? null : clusters.get(clusters.size() - 1);
            if (last != null && f.face[last[0]] == f.face[e[0]]
                    && onset(f, e) - tolerance <= f.time[last[1] - 1] + tolerance) last[1] = Math.max(last[1], e[1]);
            else clusters.add(new int[]{e[0], e[1]});
        }
        List<int[]> stretches = new ArrayList<>();
        int from = 0;
        for (int c = 0; c < clusters.size(); c++) {
            int[] cluster = clusters.get(c);
            int to;
            if (c + 1 < clusters.size()) {
                int next = clusters.get(c + 1)[0];
                int faceChange = cluster[1];
                while (faceChange < next && f.face[faceChange] == f.face[cluster[0]]) faceChange++;
                to = faceChange < next ? faceChange : (cluster[1] + next) / 2;
            } else {
                to = f.size();
            }
            stretches.add(new int[]{from, to});
            from = to;
        }
        if (stretches.isEmpty() && f.size() > 0) stretches.add(new int[]{0, f.size()});
        return stretches;
    }

    private static double icc(Frames f, Stretch[] units, int[] drawn) {
        int size = 0;
        for (int d : drawn) size += units[d].intensity.length;
        double[] x = new double[size], y = new double[size];
        int k = 0;
        for (int d : drawn)
            for (int i : units[d].intensity) {
                x[k] = f.x[i];
                y[k++] = f.y[i];
            }
        return size < 2 ? Double.NaN : Agreement.icc31(x, y);
    }

    /**
     * One resampling unit's counts: presence confusion, events, matches, and its frames with both intensities
     * (null in a sum of units, which the ICC does not use).
     */
    private record Stretch(long tp, long fp, long fn, long tn, int refEvents, int predEvents, int matched,
                           int[] intensity) {
        static Stretch of(Frames f, int[] range, List<int[]> ref, List<int[]> pred, List<int[]> matches) {
            long tp = 0, fp = 0, fn = 0, tn = 0;
            List<Integer> both = new ArrayList<>();
            for (int i = range[0]; i < range[1]; i++) {
                if (f.a[i] && f.b[i]) tp++;
                else if (f.b[i]) fp++;
                else if (f.a[i]) fn++;
                else tn++;
                if (!Float.isNaN(f.x[i]) && !Float.isNaN(f.y[i])) both.add(i);
            }
            int r = (int) ref.stream().filter(e -> e[0] >= range[0] && e[0] < range[1]).count();
            int p = (int) pred.stream().filter(e -> e[0] >= range[0] && e[0] < range[1]).count();
            int m = (int) matches.stream().filter(x -> ref.get(x[0])[0] >= range[0] && ref.get(x[0])[0] < range[1]).count();
            return new Stretch(tp, fp, fn, tn, r, p, m, both.stream().mapToInt(Integer::intValue).toArray());
        }

        static Stretch sum(Stretch[] units, int[] drawn) {
            long tp = 0, fp = 0, fn = 0, tn = 0;
            int r = 0, p = 0, m = 0;
            for (int d : drawn) {
                Stretch s = units[d];
                tp += s.tp;
                fp += s.fp;
                fn += s.fn;
                tn += s.tn;
                r += s.refEvents;
                p += s.predEvents;
                m += s.matched;
            }
            return new Stretch(tp, fp, fn, tn, r, p, m, null);
        }

        double f1() {
            long d = 2 * tp + fp + fn;
            return d == 0 ? Double.NaN : 2.0 * tp / d;
        }

        double kappa() {
            return CohenKappa.of(tp, fn, fp, tn);
        }

        double eventF1() {
            return refEvents + predEvents == 0 ? Double.NaN : 2.0 * matched / (refEvents + predEvents);
        }
    }
}
