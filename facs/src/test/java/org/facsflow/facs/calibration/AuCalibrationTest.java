package org.facsflow.facs.calibration;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.track.TrackerSettings;
import org.facsflow.face.track.TrackingPipeline;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.facs.coding.BaselineMode;
import org.facsflow.facs.coding.FaceFeatures;
import org.facsflow.facs.coding.RegressionTrees;
import org.facsflow.facs.validation.Agreement;
import org.facsflow.facs.validation.FrameKey;
import org.facsflow.facs.validation.OpenFaceRow;
import org.facsflow.models.AssetStore;
import org.facsflow.models.SharedFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Calibration on a small real subset: the first 60 frames of the three development videos (three people), tracked
 * by the real face stage.
 */
class AuCalibrationTest {
    private static final int FRAMES = 60;
    @TempDir
    static Path cache;
    private static List<TrainingClip.Source> sources;
    private static List<TrainingClip> clips;

    @BeforeAll
    static void load() throws Exception {
        AssetStore store = AssetStore.standard();
        Path shared = SharedFolder.find("reference").map(Path::getParent).orElseThrow(() -> new AssertionError(
                "shared/reference not found above " + Path.of("").toAbsolutePath() + ": the tests need the shared folder"));
        FaceFeatures features = new FaceFeatures(CanonicalFace.load(store.require("canonical-face")));
        sources = TrainingCorpus.development(shared, store).stream()
                .map(s -> new TrainingClip.Source(s.name(), s.person(), s.video(), s.reference(), FRAMES)).toList();
        clips = new ArrayList<>();
        try (TrackingPipeline pipeline = TrackingPipeline.create(store, TrackerSettings.DEFAULT, 1)) {
            for (TrainingClip.Source s : sources) clips.add(TrainingClip.load(s, cache, pipeline, features));
        }
    }

    @Test
    void theSameClipsGiveTheSameModelByteForByte(@TempDir Path dir) throws Exception {
        for (TrainingClip clip : clips) assertEquals(FRAMES, clip.frames(), clip.name());
        // The second run reads the clips back from the cache: the cache must not change anything either.
        List<TrainingClip> again = new ArrayList<>();
        for (TrainingClip.Source s : sources) again.add(TrainingClip.load(s, cache, null, null));
        AuCalibration.Fit fit = AuCalibration.fit(clips, Map.of("run", 1), line -> { });
        assertEquals(3, fit.innerFolds(), "three people: one inner fold each, not " + AuCalibration.INNER_FOLDS);
        AuModel first = fit.model();
        AuModel second = AuCalibration.fit(again, Map.of("run", 1), line -> { }).model();
        Path a = dir.resolve("a.json"), b = dir.resolve("b.json");
        first.write(a);
        second.write(b);
        assertEquals(-1, Files.mismatch(a, b), "two fits differ");
        for (ActionUnit au : first.reported()) assertNotNull(first.entry(au));
        assertTrue(first.entry(ActionUnit.AU12).fitted());
        float[] w = first.entry(ActionUnit.AU12).running().weights();
        assertTrue(java.util.stream.IntStream.range(0, w.length).anyMatch(i -> w[i] != 0), "AU12 learned nothing");
    }

    @Test
    void convertedTreesPredictWhatXgboostPredictsOnRealFaces() throws Exception {
        List<ReducedClip> reduced = ReducedClip.of(clips, AuCalibration.reduction(clips));
        List<float[]> rows = new ArrayList<>();
        List<Float> target = new ArrayList<>();
        int au12 = Arrays.binarySearch(ReducedClip.INTENSITY_AUS, 12);
        for (ReducedClip clip : reduced)
            for (int i = 0; i < clip.frames(); i++)
                if (clip.usable(i)) {
                    rows.add(clip.dynamicInput(i));
                    target.add(clip.intensity[i][au12]);
                }
        float[] y = new float[rows.size()];
        for (int i = 0; i < y.length; i++) y[i] = target.get(i);
        double[] weights = new double[rows.size()];
        Arrays.fill(weights, 1);
        int width = rows.get(0).length;
        float[] flat = new float[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, flat, i * width, width);
        try (BoostedTrees boosted = new BoostedTrees(rows, weights)) {
            Booster booster = boosted.train(y);
            RegressionTrees ours = boosted.fit(y);
            // through the model file's packed form, as the coder reads them
            RegressionTrees stored = AuModel.Trees.of(ours).trees();
            int half = BoostedTrees.ROUNDS[BoostedTrees.ROUNDS.length - 1] / 2;
            DMatrix m = new DMatrix(flat, rows.size(), width, Float.NaN);
            m.setBaseMargin(new float[rows.size()]);
            float[][] all = booster.predict(m, false, 0), first = booster.predict(m, false, half);
            booster.dispose();
            m.dispose();
            assertEquals(BoostedTrees.ROUNDS[BoostedTrees.ROUNDS.length - 1], stored.trees());
            double spread = 0;
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(all[i][0], stored.apply(rows.get(i)), 1e-4, "row " + i);
                assertEquals(first[i][0], stored.first(half).apply(rows.get(i)), 1e-4, "row " + i + ", first " + half + " trees");
                spread += Math.abs(all[i][0] - all[0][0]);
            }
            assertTrue(spread > 0, "the trees learned nothing from AU12");
        }
    }

    @Test
    void limitsSeparateMovementsWithinPeopleFromTheirOverallLevels() {
        // OpenFace's own AU12 as "ours": perfect within people and between them. Then each person's values shifted
        // so that their means are the reference means mirrored: still perfect within, the opposite between.
        AgreementTable.Limits same = au12Limits(0), mirrored = au12Limits(-2);
        assertEquals(3, same.people());
        assertEquals(1, same.within(), 1e-6);
        assertEquals(1, same.between(), 1e-6);
        assertEquals(1, mirrored.within(), 1e-6);
        assertEquals(-1, mirrored.between(), 1e-6);
        // with the levels put right, only the (perfect) movements remain, though the pooled r itself is far below 1
        assertEquals(1, mirrored.levelsMatched(), 1e-6);
        assertTrue(pooledAu12(-2) < 0.9, "pooled r of the mirrored levels " + pooledAu12(-2));
    }

    @Test
    void openFaceAgainstItselfIsItsBestThresholdOnItsOwnIntensity() {
        double own = au12Limits(0).referenceF1();
        // no threshold may beat the best one: OpenFace's own 1.0 ("A" and above) counted here directly
        List<Boolean> truth = new ArrayList<>(), atOne = new ArrayList<>();
        for (TrainingClip clip : clips)
            for (int i = 0; i < clip.frames(); i++) {
                OpenFaceRow row = clip.reference().row(new FrameKey(i + 1, 0)).orElse(null);
                if (row == null || !row.success()) continue;
                truth.add(row.value("AU12_c") >= 0.5);
                atOne.add(row.value("AU12_r") >= 1.0);
            }
        boolean[] t = new boolean[truth.size()], p = new boolean[truth.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = truth.get(i);
            p[i] = atOne.get(i);
        }
        double f1AtOne = Agreement.f1(t, p);
        assertTrue(own >= f1AtOne - 1e-9 && own <= 1, own + " against " + f1AtOne + " at 1.0");
    }

    private static double pooledAu12(double shift) {
        return AgreementTable.of(clips, au12Coded(shift)).row(12).r();
    }

    private static AgreementTable.Limits au12Limits(double shift) {
        return AgreementTable.limits(clips, au12Coded(shift)).stream().filter(l -> l.au() == 12).findFirst().orElseThrow();
    }

    /** The reference's AU12 plus {@code shift} times the person's reference mean as the coded value; no other AU. */
    private static List<List<AuFrame>> au12Coded(double shift) {
        int a12 = AuFrame.index(ActionUnit.AU12), n = ActionUnit.CODED.size();
        List<List<AuFrame>> coded = new ArrayList<>();
        for (TrainingClip clip : clips) {
            double[] values = new double[clip.frames()];
            boolean[] ok = new boolean[clip.frames()];
            double sum = 0;
            int count = 0;
            for (int i = 0; i < clip.frames(); i++) {
                OpenFaceRow row = clip.reference().row(new FrameKey(i + 1, 0)).orElse(null);
                if (row == null || !row.success()) continue;
                ok[i] = true;
                values[i] = row.value("AU12_r");
                sum += values[i];
                count++;
            }
            double mean = sum / count;
            List<AuFrame> frames = new ArrayList<>();
            for (int i = 0; i < clip.frames(); i++) {
                if (!ok[i]) {
                    frames.add(null);
                    continue;
                }
                float[] intensity = new float[n], sides = new float[n];
                Arrays.fill(intensity, Float.NaN);
                Arrays.fill(sides, Float.NaN);
                intensity[a12] = (float) (values[i] + shift * mean);
                frames.add(new AuFrame(intensity, sides, sides, new boolean[n], BaselineMode.OFFLINE));
            }
            coded.add(frames);
        }
        return coded;
    }

    @Test
    void foldsNeverSplitAPersonAndUseEveryPerson() {
        List<String> persons = List.of("a", "b", "a", "c", "d", "b", "e");
        int[] frames = {10, 50, 10, 30, 5, 50, 20};
        int[] folds = PersonFolds.assign(persons, frames, 3);
        assertEquals(folds[0], folds[2]);
        assertEquals(folds[1], folds[5]);
        assertEquals(3, Arrays.stream(folds).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> PersonFolds.assign(List.of("a", "a"), new int[]{1, 1}, 2));
    }
}
