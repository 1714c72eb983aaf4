package org.facsflow.fusion;

import org.facsflow.fusion.signal.Resampled;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Early fusion: every source's windowed features side by side, one row per face per window, for users' own models and
 * for statistics across conditions. Each value feature also comes standardised per person ({@code _z}: minus the
 * face's mean over its windows, over its standard deviation), so people who smile, speak or sweat more throughout do
 * not swamp what changes within them. Shares of measurement ({@code face_measured}, {@code voice_coverage},
 * {@code <signal>_coverage}) are kept as they are. The signals belong to one person ({@code signalsFace}); other faces
 * have them empty.
 *
 * @param features per face, feature name to per-window values (raw, then the {@code _z} columns)
 */
public record EarlyFusion(Windows windows, Map<Integer, Map<String, double[]>> features) {
    public static EarlyFusion of(Windows w, Map<Integer, Map<String, double[]>> faces, List<Resampled> signals, int signalsFace) {
        Map<Integer, Map<String, double[]>> all = new LinkedHashMap<>();
        for (Map.Entry<Integer, Map<String, double[]>> face : faces.entrySet()) {
            Map<String, double[]> f = new LinkedHashMap<>(face.getValue());
            for (Resampled s : signals) {
                boolean mine = face.getKey() == signalsFace;
                f.put(s.signal().name(), mine ? s.values() : nan(w.count()));
                f.put(s.signal().name() + "_coverage", mine ? s.coverage() : nan(w.count()));
            }
            Map<String, double[]> z = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : f.entrySet())
                if (standardised(e.getKey())) z.put(e.getKey() + "_z", zScores(e.getValue()));
            f.putAll(z);
            all.put(face.getKey(), f);
        }
        return new EarlyFusion(w, all);
    }

    /** The column names after face_id, window_start, window_end (the same for every face). */
    public List<String> columns() {
        return features.isEmpty() ? List.of() : new ArrayList<>(features.values().iterator().next().keySet());
    }

    static boolean standardised(String feature) {
        return !feature.endsWith("_coverage") && !feature.equals(FaceFeatures.MEASURED);
    }

    /** (x - mean) / sd over the finite values; NaN where fewer than two values or no spread. */
    static double[] zScores(double[] x) {
        double sum = 0, squares = 0;
        int n = 0;
        for (double v : x) {
            if (Double.isNaN(v)) continue;
            sum += v;
            n++;
        }
        double mean = sum / n;
        for (double v : x) if (!Double.isNaN(v)) squares += (v - mean) * (v - mean);
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) z[i] = sd > 0 ? (x[i] - mean) / sd : Double.NaN;
        return z;
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }
}
