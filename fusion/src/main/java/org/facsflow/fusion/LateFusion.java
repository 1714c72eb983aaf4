package org.facsflow.fusion;

import org.facsflow.fusion.signal.Resampled;
import org.facsflow.pipeline.table.ResultSchema;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Late fusion: each source's own estimate of valence, arousal and engagement per window, each in [-1, 1], combined
 * with weights that follow how reliable the source is in that window:
 * <pre>
 *   fused_d(window) = sum_s w_sd r_s x_sd / sum_s w_sd r_s        share_sd = w_sd r_s / sum_s w_sd r_s
 * </pre>
 * over the sources s with an estimate x_sd of dimension d in the window and reliability r_s &gt; 0. w_sd is a fixed
 * prior weight, r_s in [0, 1] the source's availability there, so a source drops out exactly while it is unavailable
 * (face not measurable, silence, sensor dropout) and the others share its weight. The sources (z: standardised per
 * person over the recording's windows, {@link EarlyFusion}; clamp(z/2) maps two standard deviations to the ends):
 * <table>
 *   <tr><th>source</th><th>valence</th><th>arousal</th><th>engagement</th><th>reliability r</th></tr>
 *   <tr><td>face</td><td>mean valence (w 1)</td><td>mean arousal (w 1)</td><td>2 x share facing the camera - 1 (w 1)</td>
 *       <td>share of frames measured x mean confidence</td></tr>
 *   <tr><td>voice</td><td>none (prosody says little about valence)</td><td>clamp(mean of z(level), z(F0 semitones),
 *       z(syllable rate) / 2) (w 1)</td><td>+1: speaking (w 0.5)</td><td>share of frames voiced (arousal),
 *       share of frames speaking (engagement)</td></tr>
 *   <tr><td>skin conductance</td><td>none</td><td>clamp(z/2) (w 1)</td><td>none</td><td>coverage</td></tr>
 *   <tr><td>heart rate</td><td>none</td><td>clamp(z/2) (w 0.5)</td><td>none</td><td>coverage</td></tr>
 *   <tr><td>events</td><td>none</td><td>none</td><td>clamp(z(rate)/2) (w 0.5)</td><td>coverage</td></tr>
 * </table>
 * Face-only values are the face's own estimate, beside the fused ones. The priors are heuristics chosen before any
 * data: no labelled affect data exists here to fit them (as for the face's valence and arousal, affect/README.md).
 */
public record LateFusion(Windows windows, Map<Integer, Map<Dimension, Fused>> faces) {
    public enum Dimension {
        VALENCE, AROUSAL, ENGAGEMENT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One source's estimate of one dimension per window, its reliability and its share of the fused value. */
    public record Estimate(String source, double weight, double[] value, double[] reliability, double[] share) {
    }

    /** One dimension for one face: the face-only value, the fused one, and every source's estimate. */
    public record Fused(double[] faceOnly, double[] fused, List<Estimate> sources) {
    }

    public static final String FACE = "face", VOICE = "voice";

    /** @param features per face, as {@link EarlyFusion#features()} (raw and _z) */
    public static LateFusion of(EarlyFusion early, List<Resampled> signals, int signalsFace) {
        Windows w = early.windows();
        Map<Integer, Map<Dimension, Fused>> faces = new LinkedHashMap<>();
        for (Map.Entry<Integer, Map<String, double[]>> face : early.features().entrySet()) {
            Map<String, double[]> f = face.getValue();
            Map<Dimension, List<Estimate>> sources = new EnumMap<>(Dimension.class);
            for (Dimension d : Dimension.values()) sources.put(d, new ArrayList<>());
            double[] faceReliability = new double[w.count()];
            for (int i = 0; i < w.count(); i++)
                faceReliability[i] = nanToZero(f.get(FaceFeatures.MEASURED)[i]) * nanToZero(f.get(FaceFeatures.CONFIDENCE)[i]);
            sources.get(Dimension.VALENCE).add(estimate(FACE, 1, f.get(FaceFeatures.VALENCE), faceReliability));
            sources.get(Dimension.AROUSAL).add(estimate(FACE, 1, f.get(FaceFeatures.AROUSAL), faceReliability));
            double[] facing = new double[w.count()];
            for (int i = 0; i < w.count(); i++) facing[i] = 2 * f.get(FaceFeatures.FACING)[i] - 1;
            sources.get(Dimension.ENGAGEMENT).add(estimate(FACE, 1, facing, faceReliability));
            if (f.containsKey(ResultSchema.VOICE_ACTIVE)) {
                double[] arousal = new double[w.count()], voiced = new double[w.count()], speaking = new double[w.count()];
                double[] active = new double[w.count()];
                for (int i = 0; i < w.count(); i++) {
                    arousal[i] = clampHalf(meanOf(f.get(ResultSchema.VOICE_ENERGY + "_z")[i],
                            f.get(ResultSchema.VOICE_F0_SEMITONES + "_z")[i], f.get(ResultSchema.VOICE_RATE + "_z")[i]));
                    double coverage = nanToZero(f.get(FaceFeatures.VOICE_COVERAGE)[i]);
                    voiced[i] = coverage * nanToZero(f.get(ResultSchema.VOICE_VOICED)[i]);
                    active[i] = coverage * nanToZero(f.get(ResultSchema.VOICE_ACTIVE)[i]);
                    speaking[i] = active[i] > 0 ? 1 : Double.NaN;
                }
                sources.get(Dimension.AROUSAL).add(estimate(VOICE, 1, arousal, voiced));
                sources.get(Dimension.ENGAGEMENT).add(estimate(VOICE, 0.5, speaking, active));
            }
            if (face.getKey() == signalsFace) {
                for (Resampled s : signals) {
                    String name = s.signal().name();
                    double[] z = f.get(name + "_z");
                    double[] x = new double[w.count()];
                    for (int i = 0; i < w.count(); i++) x[i] = clampHalf(z[i]);
                    switch (s.signal().role()) {
                        case SKIN_CONDUCTANCE -> sources.get(Dimension.AROUSAL).add(estimate(name, 1, x, s.coverage()));
                        case HEART_RATE -> sources.get(Dimension.AROUSAL).add(estimate(name, 0.5, x, s.coverage()));
                        case EVENTS -> sources.get(Dimension.ENGAGEMENT).add(estimate(name, 0.5, x, s.coverage()));
                        case OTHER -> {
                            // early fusion only
                        }
                    }
                }
            }
            Map<Dimension, Fused> dims = new EnumMap<>(Dimension.class);
            for (Dimension d : Dimension.values()) dims.put(d, fuse(w.count(), sources.get(d)));
            faces.put(face.getKey(), dims);
        }
        return new LateFusion(w, faces);
    }

    /** The formula of the class comment, window by window; fills each estimate's share. */
    static Fused fuse(int windows, List<Estimate> sources) {
        double[] fused = new double[windows];
        for (int i = 0; i < windows; i++) {
            double num = 0, den = 0;
            for (Estimate e : sources) {
                double weight = e.weight() * e.reliability()[i];
                if (Double.isNaN(e.value()[i]) || !(weight > 0)) continue;
                num += weight * e.value()[i];
                den += weight;
            }
            fused[i] = den > 0 ? num / den : Double.NaN;
            for (Estimate e : sources) {
                double weight = e.weight() * e.reliability()[i];
                e.share()[i] = den > 0 && !Double.isNaN(e.value()[i]) && weight > 0 ? weight / den : 0;
            }
        }
        double[] faceOnly = sources.stream().filter(e -> e.source().equals(FACE)).findFirst()
                .map(e -> availableOnly(e)).orElse(new double[windows]);
        return new Fused(faceOnly, fused, sources);
    }

    private static double[] availableOnly(Estimate e) {
        double[] v = e.value().clone();
        for (int i = 0; i < v.length; i++) if (!(e.reliability()[i] > 0)) v[i] = Double.NaN;
        return v;
    }

    static Estimate estimate(String source, double weight, double[] value, double[] reliability) {
        return new Estimate(source, weight, value, reliability, new double[value.length]);
    }

    static double clampHalf(double z) {
        return Double.isNaN(z) ? Double.NaN : Math.max(-1, Math.min(1, z / 2));
    }

    private static double meanOf(double... values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isNaN(v)) continue;
            sum += v;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
