package org.facsflow.facs.calibration;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.facs.validation.Agreement;
import org.facsflow.facs.validation.FrameKey;
import org.facsflow.facs.validation.OpenFaceRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

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
        List<Row> rows = new ArrayList<>();
        for (int b = 0; b + 1 < edges.length; b++) {
            double from = edges[b], to = edges[b + 1];
            AgreementTable t = of(clips, coded, (clip, i) -> {
                double yaw = Math.abs(Math.toDegrees(clip.faces().get(i).pose().ry()));
                return yaw >= from && yaw < to;
            });
            Row mean = t.mean();
            rows.add(new Row(String.format(java.util.Locale.ROOT, "%.0f-%.0f", from, to), mean.frames(), mean.r(), mean.ccc(), mean.f1()));
        }
        return rows;
    }

    /**
     * Where an intensity AU's disagreement lies: within people (the mean over people of each one's r) or between them
     * (r across people of each one's mean intensity, ours against the reference's). A pooled r can be no better than
     * the between-person level allows when people differ in their mean.
     */
    public record Levels(int au, int people, double within, double between) {
    }

    /** {@link Levels} per intensity AU, over the people of {@code clips}. */
    public static List<Levels> levels(List<TrainingClip> clips, List<List<AuFrame>> coded) {
        Map<String, List<ClipPairs>> byPerson = new LinkedHashMap<>();
        for (int c = 0; c < clips.size(); c++)
            byPerson.computeIfAbsent(clips.get(c).person(), p -> new ArrayList<>()).add(new ClipPairs(clips.get(c), coded.get(c), (clip, i) -> true));
        List<Levels> levels = new ArrayList<>();
        for (int au : ReducedClip.INTENSITY_AUS) {
            List<Double> within = new ArrayList<>(), ourMeans = new ArrayList<>(), theirMeans = new ArrayList<>();
            for (List<ClipPairs> person : byPerson.values()) {
                List<double[]> pairs = new ArrayList<>();
                for (ClipPairs c : person) c.collect(au, pairs, new ArrayList<>());
                if (pairs.isEmpty()) continue;
                double[] ours = pairs.stream().mapToDouble(p -> p[0]).toArray(), theirs = pairs.stream().mapToDouble(p -> p[1]).toArray();
                ourMeans.add(Arrays.stream(ours).average().orElseThrow());
                theirMeans.add(Arrays.stream(theirs).average().orElseThrow());
                double r = Agreement.pearson(ours, theirs);
                if (!Double.isNaN(r)) within.add(r);
            }
            levels.add(new Levels(au, ourMeans.size(), within.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                    Agreement.pearson(ourMeans.stream().mapToDouble(Double::doubleValue).toArray(), theirMeans.stream().mapToDouble(Double::doubleValue).toArray())));
        }
        return levels;
    }

    /**
     * OpenFace against itself: per intensity AU, the best presence F1 that the reference's own intensity reaches
     * against the reference's presence at one threshold (0-5 in steps of 0.05), over the frames the pooled rows
     * compare. OpenFace decides presence with classifiers of its own, so this is a yardstick for the F1 of any
     * intensity-like score, ours included.
     */
    public static Map<Integer, Double> referenceConsistency(List<TrainingClip> clips, List<List<AuFrame>> coded) {
        Map<Integer, Double> best = new LinkedHashMap<>();
        for (int au : ReducedClip.INTENSITY_AUS) {
            List<double[]> pairs = new ArrayList<>();
            List<boolean[]> presence = new ArrayList<>();
            for (int c = 0; c < clips.size(); c++) new ClipPairs(clips.get(c), coded.get(c), (clip, i) -> true).collect(au, pairs, presence);
            boolean[] reference = new boolean[presence.size()], predicted = new boolean[presence.size()];
            for (int i = 0; i < reference.length; i++) reference[i] = presence.get(i)[1];
            double f1 = Double.NaN;
            for (int step = 0; step <= 100; step++) {
                double threshold = step * 0.05;
                for (int i = 0; i < predicted.length; i++) predicted[i] = pairs.get(i)[1] >= threshold;
                double f = Agreement.f1(reference, predicted);
                if (f > f1 || Double.isNaN(f1)) f1 = f;
            }
            best.put(au, f1);
        }
        return best;
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
            List<double[]> pairs = new ArrayList<>();
            List<boolean[]> presence = new ArrayList<>();
            for (ClipPairs c : clips) c.collect(au, pairs, presence);
            double[] ours = pairs.stream().mapToDouble(p -> p[0]).toArray(), theirs = pairs.stream().mapToDouble(p -> p[1]).toArray();
            boolean[] reference = new boolean[presence.size()], predicted = new boolean[presence.size()];
            for (int i = 0; i < presence.size(); i++) {
                predicted[i] = presence.get(i)[0];
                reference[i] = presence.get(i)[1];
            }
            boolean intensity = au != 28;
            rows.add(new Row("AU" + au, presence.size(), intensity ? Agreement.pearson(ours, theirs) : Double.NaN,
                    intensity ? Agreement.concordance(ours, theirs) : Double.NaN, Agreement.f1(reference, predicted)));
        }
        int frames = clips.stream().mapToInt(ClipPairs::compared).sum();
        rows.add(new Row("mean", frames, mean(rows, Row::r), mean(rows, Row::ccc), mean(rows, Row::f1)));
        return rows;
    }

    private static double mean(List<Row> rows, java.util.function.ToDoubleFunction<Row> value) {
        return rows.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
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
