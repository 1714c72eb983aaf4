package org.facsflow.fusion;

import org.facsflow.facs.validation.OpenFaceCsv;
import org.facsflow.facs.validation.OpenFaceRow;
import org.facsflow.pipeline.table.ResultSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A results table (analyze's CSV) on the analysis windows, per face: how much of the window the face was measured
 * and how confidently, its mean valence, arousal and AU intensities, how much of it the face was turned to the camera
 * (head yaw and gaze within {@value #FACING_RAD} rad, about 20 degrees), and the voice attributed to it (share of
 * frames with voice values, activity, voicing, level, median F0 and its semitones, syllable rate). NaN where the window
 * has nothing to say.
 */
public final class FaceFeatures {
    static final double FACING_RAD = 0.35;
    public static final String MEASURED = "face_measured", CONFIDENCE = "face_confidence", VALENCE = "face_valence",
            AROUSAL = "face_arousal", FACING = "face_facing", VOICE_COVERAGE = "voice_coverage";

    private FaceFeatures() {
    }

    /** Face id to feature name to per-window values, faces in id order, features in table order. */
    public static Map<Integer, Map<String, double[]>> of(OpenFaceCsv csv, Windows w) {
        int[] framesPerWindow = new int[w.count()];
        Map<Integer, List<List<OpenFaceRow>>> byFace = new TreeMap<>();
        Map<Integer, Boolean> seen = new HashMap<>();
        for (OpenFaceRow row : csv.rows()) {
            int i = w.index(row.value(ResultSchema.TIMESTAMP));
            if (i < 0) continue;
            if (seen.put(row.key().frame(), true) == null) framesPerWindow[i]++;
            List<List<OpenFaceRow>> windows = byFace.computeIfAbsent(row.key().face(), f -> {
                List<List<OpenFaceRow>> l = new ArrayList<>();
                for (int k = 0; k < w.count(); k++) l.add(new ArrayList<>());
                return l;
            });
            windows.get(i).add(row);
        }
        List<String> aus = csv.columns().stream().filter(c -> c.matches("AU\\d\\d_r")).toList();
        boolean voice = csv.hasColumn(ResultSchema.VOICE_ACTIVE);
        Map<Integer, Map<String, double[]>> faces = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<List<OpenFaceRow>>> face : byFace.entrySet()) {
            if (face.getValue().stream().flatMap(List::stream).noneMatch(OpenFaceRow::success)) continue;
            Map<String, double[]> f = new LinkedHashMap<>();
            List<String> names = new ArrayList<>(List.of(MEASURED, CONFIDENCE, VALENCE, AROUSAL, FACING));
            names.addAll(aus);
            if (voice) names.addAll(List.of(VOICE_COVERAGE, ResultSchema.VOICE_ACTIVE, ResultSchema.VOICE_VOICED,
                    ResultSchema.VOICE_ENERGY, ResultSchema.VOICE_F0, ResultSchema.VOICE_F0_SEMITONES, ResultSchema.VOICE_RATE));
            for (String n : names) f.put(n, new double[w.count()]);
            for (int i = 0; i < w.count(); i++) {
                List<OpenFaceRow> rows = face.getValue().get(i);
                List<OpenFaceRow> measured = rows.stream().filter(OpenFaceRow::success).toList();
                f.get(MEASURED)[i] = framesPerWindow[i] == 0 ? Double.NaN : (double) measured.size() / framesPerWindow[i];
                f.get(CONFIDENCE)[i] = mean(measured, ResultSchema.CONFIDENCE);
                f.get(VALENCE)[i] = mean(measured, ResultSchema.VALENCE);
                f.get(AROUSAL)[i] = mean(measured, ResultSchema.AROUSAL);
                f.get(FACING)[i] = measured.isEmpty() ? Double.NaN
                        : (double) measured.stream().filter(FaceFeatures::facing).count() / measured.size();
                for (String au : aus) f.get(au)[i] = mean(measured, au);
                if (!voice) continue;
                List<OpenFaceRow> voiced = rows.stream().filter(r -> !Double.isNaN(r.value(ResultSchema.VOICE_ACTIVE))).toList();
                f.get(VOICE_COVERAGE)[i] = framesPerWindow[i] == 0 ? Double.NaN : (double) voiced.size() / framesPerWindow[i];
                f.get(ResultSchema.VOICE_ACTIVE)[i] = mean(voiced, ResultSchema.VOICE_ACTIVE);
                f.get(ResultSchema.VOICE_VOICED)[i] = mean(voiced, ResultSchema.VOICE_VOICED);
                f.get(ResultSchema.VOICE_ENERGY)[i] = meanDb(voiced);
                f.get(ResultSchema.VOICE_F0)[i] = median(voiced, ResultSchema.VOICE_F0);
                f.get(ResultSchema.VOICE_F0_SEMITONES)[i] = median(voiced, ResultSchema.VOICE_F0_SEMITONES);
                f.get(ResultSchema.VOICE_RATE)[i] = mean(voiced, ResultSchema.VOICE_RATE);
            }
            faces.put(face.getKey(), f);
        }
        return faces;
    }

    private static boolean facing(OpenFaceRow row) {
        return Math.abs(row.value("pose_Ry")) <= FACING_RAD && Math.abs(row.value("gaze_angle_x")) <= FACING_RAD;
    }

    private static double mean(List<OpenFaceRow> rows, String column) {
        double sum = 0;
        int n = 0;
        for (OpenFaceRow r : rows) {
            double v = r.value(column);
            if (Double.isNaN(v)) continue;
            sum += v;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Sound levels average as powers. */
    private static double meanDb(List<OpenFaceRow> rows) {
        double sum = 0;
        int n = 0;
        for (OpenFaceRow r : rows) {
            double v = r.value(ResultSchema.VOICE_ENERGY);
            if (Double.isNaN(v)) continue;
            sum += Math.pow(10, v / 10);
            n++;
        }
        return n == 0 ? Double.NaN : 10 * Math.log10(sum / n);
    }

    private static double median(List<OpenFaceRow> rows, String column) {
        double[] v = rows.stream().mapToDouble(r -> r.value(column)).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
