package org.facsflow.facs.coding;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.validation.OpenFaceCsv;
import org.facsflow.facs.validation.OpenFaceRow;
import org.facsflow.facs.validation.FrameKey;
import org.facsflow.facs.validation.ReferenceComparison;
import org.facsflow.facs.validation.ValidationReport;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits the {@link AuModel} to frame-level reference intensities (OpenFace's {@code AUxx_r} layout): per AU, ridge
 * regression on a few measures chosen from the FACS description of the AU ({@link #CANDIDATES}, not searched), on
 * the same features the coder sees (offline baseline subtracted, 3-frame moving average), with each person weighted
 * equally whatever the length of their video. Presence thresholds are chosen on the training frames to maximise F1
 * against the reference's {@code AUxx_c}, on predictions with each person's cut-off offset taken off as the coder
 * does ({@link NeutralBaseline#offsets}, {@link #CUTOFF}). The population neutral for stills is the mean over people of each geometric measure's median over the person's
 * calmest frames by the reference ({@link #CALM_SHARE}). AUs the reference lacks keep their FACS-based prior.
 * Deterministic: the same inputs give the same coefficients.
 */
public final class Calibration {
    /** Ridge penalty on standardised features, as a fraction of the (weighted) frame count. */
    public static final double RIDGE = 0.05;

    /**
     * The percentile of a person's predictions that becomes their zero: their relaxed end. OpenFace's choice, the
     * share of frames without the AU in training, failed on people whose base rate differs (a held-out person who
     * smiles in 75% of frames lost most of their smiles); 0.1 was chosen over 0.02, 0.05 and that share by the
     * leave-one-person-out means over all folds (model selection).
     */
    public static final double CUTOFF = 0.1;

    /** The share of a person's frames, lowest in summed reference intensity, whose median is their neutral face. */
    public static final double CALM_SHARE = 0.2;

    /** Per AU with a reference intensity, the measures FACS says show it. */
    public static final Map<Integer, List<String>> CANDIDATES = candidates();

    /** One person's video: its measures and its reference; {@code person} groups clips of the same footage. */
    public record Video(String name, String person, AuCoder.Series series, OpenFaceCsv reference) {
    }

    private Calibration() {
    }

    private static Map<Integer, List<String>> candidates() {
        Map<Integer, List<String>> c = new LinkedHashMap<>();
        c.put(1, List.of("brow_inner_height", "forehead_texture"));
        c.put(2, List.of("brow_outer_height", "forehead_texture"));
        c.put(4, List.of("brow_inner_height", "brow_inner_to_midline", "brow_gap", "glabella_texture"));
        c.put(5, List.of("upper_lid_over_iris", "eye_aperture"));
        c.put(6, List.of("cheek_height", "lower_lid_under_iris", "crows_feet_texture", "infraorbital_texture"));
        c.put(7, List.of("lower_lid_under_iris", "eye_aperture", "infraorbital_texture"));
        c.put(9, List.of("ala_to_eye", "nose_bridge_texture", "upper_lip_to_ala"));
        c.put(10, List.of("upper_lip_to_ala", "upper_lip_to_nose", "nasolabial_texture"));
        c.put(12, List.of("corner_height", "corner_width", "corner_depth", "nasolabial_texture"));
        c.put(14, List.of("corner_depth", "corner_width", "corner_below_lips"));
        c.put(15, List.of("corner_below_lips", "corner_height"));
        c.put(17, List.of("chin_to_lower_lip", "lower_lip_thickness", "chin_texture"));
        c.put(20, List.of("corner_width", "corner_height", "corner_depth"));
        c.put(23, List.of("upper_lip_thickness", "lower_lip_thickness", "corner_width"));
        c.put(25, List.of("inner_lip_gap", "jaw_drop"));
        c.put(26, List.of("jaw_drop", "inner_lip_gap"));
        c.put(45, List.of("eye_aperture", "upper_lid_over_iris"));
        return java.util.Collections.unmodifiableMap(c);
    }

    /** The fitted model: {@code priors}' entries for AUs without a reference intensity, fitted ones for the rest. */
    public static AuModel fit(List<Video> videos, AuModel priors, Map<String, Object> note) {
        List<AuModel.Entry> fitted = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> c : CANDIDATES.entrySet())
            fitted.add(fitOne(c.getKey(), c.getValue(), videos));
        return priors.with(fitted, populationNeutral(videos), note);
    }

    /** Per geometric measure, the mean over people of its median over the person's calmest frames. */
    static Map<String, Double> populationNeutral(List<Video> videos) {
        Map<String, List<float[]>> framesPerPerson = new LinkedHashMap<>();
        Map<String, List<Double>> calmPerPerson = new LinkedHashMap<>();
        for (Video v : videos)
            for (int i = 0; i < v.series().measures().size(); i++) {
                OpenFaceRow ref = v.reference().row(new FrameKey(i + 1, 0)).orElse(null);
                if (ref == null || !ref.success() || !AuCoder.isWhole(v.series().verdicts().get(i))) continue;
                double sum = 0;
                for (int au : CANDIDATES.keySet()) sum += ref.value(String.format(Locale.ROOT, "AU%02d_r", au));
                framesPerPerson.computeIfAbsent(v.person(), p -> new ArrayList<>()).add(v.series().measures().get(i));
                calmPerPerson.computeIfAbsent(v.person(), p -> new ArrayList<>()).add(sum);
            }
        double[] total = new double[FacialMeasures.COUNT];
        for (String person : framesPerPerson.keySet()) {
            List<float[]> frames = framesPerPerson.get(person);
            List<Double> calm = calmPerPerson.get(person);
            double limit = quantile(calm.stream().mapToDouble(Double::doubleValue).toArray(), CALM_SHARE);
            for (int m = 0; m < total.length; m++) {
                List<Double> values = new ArrayList<>();
                for (int i = 0; i < frames.size(); i++) if (calm.get(i) <= limit) values.add((double) frames.get(i)[m]);
                total[m] += quantile(values.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
            }
        }
        Map<String, Double> neutral = new LinkedHashMap<>();
        for (int m = 0; m < total.length; m++)
            if (!FacialMeasures.isTexture(m)) neutral.put(FacialMeasures.NAMES.get(m), round(total[m] / framesPerPerson.size()));
        return neutral;
    }

    /** The q-quantile by rank (the same rule as the coder's histograms). */
    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static AuModel.Entry fitOne(int au, List<String> measures, List<Video> videos) {
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>(), weights = new ArrayList<>();
        List<Boolean> presence = new ArrayList<>();
        Map<String, Integer> framesPerPerson = new LinkedHashMap<>();
        List<double[]> perVideoRows = new ArrayList<>();
        List<String> persons = new ArrayList<>();
        String r = String.format(Locale.ROOT, "AU%02d_r", au), cCol = String.format(Locale.ROOT, "AU%02d_c", au);
        for (Video v : videos) {
            double[][] features = features(v.series(), measures);
            for (int i = 0; i < features.length; i++) {
                if (features[i] == null) continue;
                OpenFaceRow ref = v.reference().row(new FrameKey(i + 1, 0)).orElse(null);
                if (ref == null || !ref.success() || Double.isNaN(ref.value(r))) continue;
                rows.add(features[i]);
                targets.add(ref.value(r));
                presence.add(ref.value(cCol) >= 0.5);
                persons.add(v.person());
                framesPerPerson.merge(v.person(), 1, Integer::sum);
            }
        }
        if (rows.isEmpty()) throw new IllegalArgumentException("AU" + au + ": no frame to fit on");
        for (String p : persons) weights.add(1.0 / framesPerPerson.get(p));
        int k = measures.size(), n = rows.size();
        double wsum = 0;
        double[] mean = new double[k];
        double ymean = 0;
        for (int i = 0; i < n; i++) {
            double w = weights.get(i);
            wsum += w;
            ymean += w * targets.get(i);
            for (int j = 0; j < k; j++) mean[j] += w * rows.get(i)[j];
        }
        ymean /= wsum;
        for (int j = 0; j < k; j++) mean[j] /= wsum;
        double[] sd = new double[k];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++) sd[j] += weights.get(i) * Math.pow(rows.get(i)[j] - mean[j], 2);
        for (int j = 0; j < k; j++) sd[j] = Math.max(1e-6, Math.sqrt(sd[j] / wsum));
        RealMatrix xtx = new Array2DRowRealMatrix(k, k);
        double[] xty = new double[k];
        for (int i = 0; i < n; i++) {
            double w = weights.get(i) / wsum;
            double[] z = new double[k];
            for (int j = 0; j < k; j++) z[j] = (rows.get(i)[j] - mean[j]) / sd[j];
            for (int a = 0; a < k; a++) {
                xty[a] += w * z[a] * (targets.get(i) - ymean);
                for (int b = 0; b < k; b++) xtx.addToEntry(a, b, w * z[a] * z[b]);
            }
        }
        for (int j = 0; j < k; j++) xtx.addToEntry(j, j, RIDGE);
        double[] beta = new CholeskyDecomposition(xtx, 1e-9, 1e-12).getSolver().solve(new ArrayRealVector(xty)).toArray();
        double[] weightsRaw = new double[k];
        double intercept = ymean;
        for (int j = 0; j < k; j++) {
            weightsRaw[j] = beta[j] / sd[j];
            intercept -= weightsRaw[j] * mean[j];
        }
        // Each person's offset: the CUTOFF percentile of their predictions, as the coder takes it.
        double[] y = new double[n];
        Map<String, List<Double>> perPerson = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            y[i] = intercept;
            for (int j = 0; j < k; j++) y[i] += weightsRaw[j] * rows.get(i)[j];
            perPerson.computeIfAbsent(persons.get(i), p -> new ArrayList<>()).add(y[i]);
        }
        Map<String, Double> offset = new LinkedHashMap<>();
        perPerson.forEach((p, ys) -> offset.put(p, quantile(ys.stream().mapToDouble(Double::doubleValue).toArray(), CUTOFF)));
        // Presence threshold: the one with the best F1 on the training frames (each person weighted equally).
        double best = -1, threshold = 1.0;
        for (int t = 3; t <= 30; t++) {
            double th = t / 10.0, tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < n; i++) {
                boolean p = Math.max(0, Math.min(5, y[i] - offset.get(persons.get(i)))) >= th, ref = presence.get(i);
                double w = weights.get(i);
                if (p && ref) tp += w;
                else if (p) fp += w;
                else if (ref) fn += w;
            }
            double f1 = 2 * tp + fp + fn == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
            if (f1 > best + 1e-12) {
                best = f1;
                threshold = th;
            }
        }
        return new AuModel.Entry(au, measures, round(weightsRaw), round(intercept), CUTOFF, threshold, "fitted");
    }

    /**
     * The features the predictor sees for a bilateral value: per frame the mean over both sides of each measure's
     * deviation from the offline baseline, 3-frame centred moving average; null for frames not measurable whole.
     */
    static double[][] features(AuCoder.Series s, List<String> measures) {
        int n = s.measures().size();
        NeutralBaseline baseline = new NeutralBaseline(BaselineMode.OFFLINE);
        for (int i = 0; i < n; i++) if (AuCoder.isWhole(s.verdicts().get(i))) baseline.add(s.measures().get(i));
        float[] neutral = baseline.median();
        double[][] raw = new double[n][];
        for (int i = 0; i < n; i++) {
            if (!AuCoder.isWhole(s.verdicts().get(i))) continue;
            float[] m = s.measures().get(i);
            raw[i] = new double[measures.size()];
            for (int j = 0; j < measures.size(); j++) {
                String name = measures.get(j);
                int sided = FacialMeasures.SIDED.indexOf(name);
                raw[i][j] = sided >= 0
                        ? ((m[FacialMeasures.right(sided)] - neutral[FacialMeasures.right(sided)])
                        + (m[FacialMeasures.left(sided)] - neutral[FacialMeasures.left(sided)])) / 2.0
                        : m[FacialMeasures.midline(FacialMeasures.MIDLINE.indexOf(name))]
                        - neutral[FacialMeasures.midline(FacialMeasures.MIDLINE.indexOf(name))];
            }
        }
        double[][] smooth = new double[n][];
        for (int i = 0; i < n; i++) {
            if (raw[i] == null) continue;
            smooth[i] = raw[i].clone();
            int c = 1;
            for (int d : new int[]{-1, 1}) {
                int t = i + d;
                if (t < 0 || t >= n || raw[t] == null) continue;
                for (int j = 0; j < smooth[i].length; j++) smooth[i][j] += raw[t][j];
                c++;
            }
            for (int j = 0; j < smooth[i].length; j++) smooth[i][j] /= c;
        }
        return smooth;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static double[] round(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = round(v[i]);
        return out;
    }

    /**
     * Leave-one-person-out agreement: for each person, fits on everyone else and evaluates on each of that person's
     * videos (clips of the same footage are one person, so they are held out together). Keys are video names.
     */
    public static Map<String, ValidationReport> leaveOnePersonOut(List<Video> videos, AuModel priors) throws IOException {
        Map<String, ValidationReport> reports = new LinkedHashMap<>();
        for (String person : videos.stream().map(Video::person).distinct().toList()) {
            List<Video> training = videos.stream().filter(v -> !v.person().equals(person)).toList();
            if (training.isEmpty()) throw new IllegalArgumentException("leave-one-out needs at least two people");
            AuModel model = fit(training, priors, Map.of());
            for (Video v : videos) if (v.person().equals(person)) reports.put(v.name(), evaluate(model, v));
        }
        return reports;
    }

    /** Codes the video offline with {@code model} and compares it with its reference, AU by AU. */
    public static ValidationReport evaluate(AuModel model, Video v) throws IOException {
        List<AuFrame> frames = AuCoder.codeVideo(v.series(), new AuPredictor(model), BaselineMode.OFFLINE, 0, 0, true);
        Path tmp = Files.createTempFile("facsflow-au-", ".csv");
        try {
            writeCsv(frames, tmp);
            return ReferenceComparison.compare(v.reference(), OpenFaceCsv.read(tmp));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** OpenFace's AU columns only (frame, face_id, success, AUxx_r, AUxx_c), for {@link ReferenceComparison}. */
    static void writeCsv(List<AuFrame> frames, Path file) throws IOException {
        List<ActionUnit> aus = ActionUnit.CODED;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder("frame,face_id,success");
            for (ActionUnit au : aus) h.append(String.format(Locale.ROOT, ",AU%02d_r", au.number()));
            for (ActionUnit au : aus) h.append(String.format(Locale.ROOT, ",AU%02d_c", au.number()));
            out.write(h.append('\n').toString());
            for (int i = 0; i < frames.size(); i++) {
                AuFrame f = frames.get(i);
                StringBuilder line = new StringBuilder().append(i + 1).append(",0,").append(f == null ? 0 : 1);
                for (int a = 0; a < aus.size(); a++)
                    line.append(',').append(f == null || Float.isNaN(f.intensity()[a]) ? "" : String.format(Locale.ROOT, "%.4f", f.intensity()[a]));
                for (int a = 0; a < aus.size(); a++)
                    line.append(',').append(f == null || Float.isNaN(f.intensity()[a]) ? "" : f.present()[a] ? "1" : "0");
                out.write(line.append('\n').toString());
            }
        }
    }
}
