package org.facsflow.facs.calibration;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.facs.validation.Agreement;
import org.facsflow.facs.validation.FrameKey;
import org.facsflow.facs.validation.OpenFaceRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.ToDoubleBiFunction;

/**
 * Agreement of coded clips with their references, per AU: Pearson r and Lin's CCC of the intensities (OpenFace's 17),
 * F1 of presence (its 18), pooled over all frames and per person. Frames count where the reference succeeded and the
 * coder measured the AU.
 */
public final class AgreementTable {
    /** One AU (or the mean over AUs where defined): frames compared, r, CCC, F1 (NaN where undefined). */
    public record Row(String label, int frames, double r, double ccc, double f1) {
    }

    private final List<Row> pooled;
    private final Map<String, List<Row>> perPerson;

    private AgreementTable(List<Row> pooled, Map<String, List<Row>> perPerson) {
        this.pooled = pooled;
        this.perPerson = perPerson;
    }

    /** Per AU and the mean (last row), over all clips. */
    public List<Row> pooled() {
        return pooled;
    }

    /** Per person (in first-appearance order), per AU and the mean (last row). */
    public Map<String, List<Row>> perPerson() {
        return perPerson;
    }

    public Row mean() {
        return pooled.get(pooled.size() - 1);
    }

    /** The row of one AU. */
    public Row row(int au) {
        return pooled.stream().filter(r -> r.label().equals("AU" + au)).findFirst().orElseThrow();
    }

    /** @param coded per clip, the coder's frames (null where no face), aligned with the clip's frames */
    public static AgreementTable of(List<TrainingClip> clips, List<List<AuFrame>> coded) {
        return of(clips, coded, (clip, i) -> true);
    }

    /**
     * The mean row (r, CCC, F1 over AUs) for frames by how far the head is turned: one row per range of |yaw| in
     * degrees ({@code edges} ascending), labelled "from-to".
     */
    public static List<Row> byYaw(List<TrainingClip> clips, List<List<AuFrame>> coded, double[] edges) {
        return byRange(clips, coded, edges, (clip, i) -> Math.abs(Math.toDegrees(clip.faces().get(i).pose().ry())));
    }

    /**
     * The mean row for frames by the seconds since the clip's first measurable face (how long a running baseline has
     * been learning it), one row per range ({@code edges} ascending, the last may be infinite: "from+").
     */
    public static List<Row> bySeconds(List<TrainingClip> clips, List<List<AuFrame>> coded, double[] edges) {
        Map<TrainingClip, Double> starts = new IdentityHashMap<>();
        for (TrainingClip clip : clips)
            for (int i = 0; i < clip.frames(); i++)
                if (clip.measurable(i)) {
                    starts.put(clip, clip.timestamps()[i]);
                    break;
                }
        return byRange(clips, coded, edges, (clip, i) -> clip.timestamps()[i] - starts.getOrDefault(clip, Double.NaN));
    }

    private static List<Row> byRange(List<TrainingClip> clips, List<List<AuFrame>> coded, double[] edges,
                                     ToDoubleBiFunction<TrainingClip, Integer> value) {
        List<Row> rows = new ArrayList<>();
        for (int b = 0; b + 1 < edges.length; b++) {
            double from = edges[b], to = edges[b + 1];
            AgreementTable t = of(clips, coded, (clip, i) -> {
                double v = value.applyAsDouble(clip, i);
                return v >= from && v < to;
            });
            Row mean = t.mean();
            String label = Double.isInfinite(to) ? String.format(Locale.ROOT, "%.0f+", from)
                    : String.format(Locale.ROOT, "%.0f-%.0f", from, to);
            rows.add(new Row(label, mean.frames(), mean.r(), mean.ccc(), mean.f1()));
        }
        return rows;
    }

    /**
     * What limits one intensity AU's agreement. Within people (the mean over people of each one's r) or between them
     * (r across people of each one's mean intensity, ours against the reference's): a pooled r can be no better than
     * the between-person level allows when people differ in their mean. How much that costs: the pooled r with each
     * person's values moved so that their mean is the reference's ({@code levelsMatched}), which only the movements
     * within people then limit. And OpenFace against itself: the best
     * presence F1 its own intensity reaches against its own presence at one threshold (0-5 in steps of 0.05); its
     * presence comes from classifiers of its own, so this is a yardstick for the F1 of any intensity-like score.
     */
    public record Limits(int au, int people, double within, double between, double levelsMatched, double referenceF1) {
    }

    /** {@link Limits} per intensity AU, over the frames the pooled rows compare. */
    public static List<Limits> limits(List<TrainingClip> clips, List<List<AuFrame>> coded) {
        Map<String, List<ClipPairs>> byPerson = new LinkedHashMap<>();
        for (int c = 0; c < clips.size(); c++)
            byPerson.computeIfAbsent(clips.get(c).person(), p -> new ArrayList<>()).add(new ClipPairs(clips.get(c), coded.get(c), (clip, i) -> true));
        List<Limits> limits = new ArrayList<>();
        for (int au : ReducedClip.INTENSITY_AUS) {
            List<Double> within = new ArrayList<>();
            List<Compared> people = new ArrayList<>();
            for (List<ClipPairs> person : byPerson.values()) {
                Compared one = Compared.of(person, au);
                if (one.frames() == 0) continue;
                people.add(one);
                double r = Agreement.pearson(one.ours, one.theirs);
                if (!Double.isNaN(r)) within.add(r);
            }
            double[] ourMeans = people.stream().mapToDouble(p -> Arrays.stream(p.ours).average().orElseThrow()).toArray(),
                    theirMeans = people.stream().mapToDouble(p -> Arrays.stream(p.theirs).average().orElseThrow()).toArray();
            int frames = people.stream().mapToInt(p -> p.ours.length).sum(), k = 0;
            double[] moved = new double[frames], theirs = new double[frames];
            for (int p = 0; p < people.size(); p++)
                for (int i = 0; i < people.get(p).ours.length; i++, k++) {
                    moved[k] = people.get(p).ours[i] - ourMeans[p] + theirMeans[p];
                    theirs[k] = people.get(p).theirs[i];
                }
            limits.add(new Limits(au, people.size(), within.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                    Agreement.pearson(ourMeans, theirMeans), Agreement.pearson(moved, theirs),
                    Compared.of(byPerson.values().stream().flatMap(List::stream).toList(), au).referenceF1()));
        }
        return limits;
    }

    private static AgreementTable of(List<TrainingClip> clips, List<List<AuFrame>> coded, BiPredicate<TrainingClip, Integer> frames) {
        List<ClipPairs> all = new ArrayList<>();
        Map<String, List<ClipPairs>> byPerson = new LinkedHashMap<>();
        for (int c = 0; c < clips.size(); c++) {
            ClipPairs pairs = new ClipPairs(clips.get(c), coded.get(c), frames);
            all.add(pairs);
            byPerson.computeIfAbsent(clips.get(c).person(), p -> new ArrayList<>()).add(pairs);
        }
        Map<String, List<Row>> perPerson = new LinkedHashMap<>();
        byPerson.forEach((p, list) -> perPerson.put(p, rows(list)));
        return new AgreementTable(rows(all), perPerson);
    }

    private static List<Row> rows(List<ClipPairs> clips) {
        List<Row> rows = new ArrayList<>();
        for (int au : ReducedClip.PRESENCE_AUS) {
            Compared c = Compared.of(clips, au);
            boolean intensity = au != 28;
            rows.add(new Row("AU" + au, c.frames(), intensity ? Agreement.pearson(c.ours, c.theirs) : Double.NaN,
                    intensity ? Agreement.concordance(c.ours, c.theirs) : Double.NaN, Agreement.f1(c.theirPresence, c.ourPresence)));
        }
        int frames = clips.stream().mapToInt(ClipPairs::compared).sum();
        rows.add(new Row("mean", frames, mean(rows, Row::r), mean(rows, Row::ccc), mean(rows, Row::f1)));
        return rows;
    }

    private static double mean(List<Row> rows, java.util.function.ToDoubleFunction<Row> value) {
        return rows.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    /**
     * One AU's frames from some clips, ours beside the reference's: intensities (none for AU28, which the reference
     * has no intensity for) and presences.
     */
    private record Compared(double[] ours, double[] theirs, boolean[] ourPresence, boolean[] theirPresence) {
        static Compared of(List<ClipPairs> clips, int au) {
            List<double[]> pairs = new ArrayList<>();
            List<boolean[]> presence = new ArrayList<>();
            for (ClipPairs c : clips) c.collect(au, pairs, presence);
            boolean[] ourPresence = new boolean[presence.size()], theirPresence = new boolean[presence.size()];
            for (int i = 0; i < presence.size(); i++) {
                ourPresence[i] = presence.get(i)[0];
                theirPresence[i] = presence.get(i)[1];
            }
            return new Compared(pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray(),
                    ourPresence, theirPresence);
        }

        int frames() {
            return ourPresence.length;
        }

        /** The best F1 of the reference's intensity at one threshold against the reference's presence. */
        double referenceF1() {
            boolean[] predicted = new boolean[theirs.length];
            double best = Double.NaN;
            for (int step = 0; step <= 100; step++) {
                for (int i = 0; i < predicted.length; i++) predicted[i] = theirs[i] >= step * 0.05;
                double f1 = Agreement.f1(theirPresence, predicted);
                if (f1 > best || Double.isNaN(best)) best = f1;
            }
            return best;
        }
    }

    /** One clip's coded frames beside its reference values. */
    private static final class ClipPairs {
        private final TrainingClip clip;
        private final List<AuFrame> coded;
        private final BiPredicate<TrainingClip, Integer> frames;

        ClipPairs(TrainingClip clip, List<AuFrame> coded, BiPredicate<TrainingClip, Integer> frames) {
            this.clip = clip;
            this.coded = coded;
            this.frames = frames;
        }

        void collect(int au, List<double[]> intensities, List<boolean[]> presence) {
            ActionUnit unit = ActionUnit.of(au);
            String r = String.format("AU%02d_r", au), c = String.format("AU%02d_c", au);
            for (int i = 0; i < coded.size(); i++) {
                AuFrame f = coded.get(i);
                if (f == null || Float.isNaN(f.intensity(unit)) || !frames.test(clip, i)) continue;
                OpenFaceRow row = clip.reference().row(new FrameKey(i + 1, 0)).orElse(null);
                if (row == null || !row.success()) continue;
                if (au != 28) intensities.add(new double[]{f.intensity(unit), row.value(r)});
                presence.add(new boolean[]{f.present(unit), row.value(c) >= 0.5});
            }
        }

        int compared() {
            int n = 0;
            for (int i = 0; i < coded.size(); i++) {
                if (coded.get(i) == null || !frames.test(clip, i)) continue;
                OpenFaceRow row = clip.reference().row(new FrameKey(i + 1, 0)).orElse(null);
                if (row != null && row.success()) n++;
            }
            return n;
        }
    }
}
