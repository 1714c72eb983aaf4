package org.facsflow.facs.calibration;

import org.facsflow.facs.coding.AuCoder;
import org.facsflow.facs.coding.AuDescriptor;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.facs.coding.BaselineMode;
import org.facsflow.facs.coding.Curvature;
import org.facsflow.facs.coding.NeutralBaseline;
import org.facsflow.facs.coding.QualityGate;
import org.facsflow.facs.validation.FrameKey;
import org.facsflow.facs.validation.OpenFaceRow;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A {@link TrainingClip} seen through one model's descriptor: per frame the descriptor (null where no face), the
 * gate's verdict and the reference's values, and the clip's median descriptor (the offline neutral, from the same
 * histograms the coder uses).
 */
final class ReducedClip {
    /** OpenFace's AUs with an intensity ({@code AUxx_r}), and with a presence ({@code AUxx_c}: the same and AU28). */
    static final int[] INTENSITY_AUS = {1, 2, 4, 5, 6, 7, 9, 10, 12, 14, 15, 17, 20, 23, 25, 26, 45};
    static final int[] PRESENCE_AUS = {1, 2, 4, 5, 6, 7, 9, 10, 12, 14, 15, 17, 20, 23, 25, 26, 28, 45};

    final TrainingClip clip;
    final float[][] descriptors;
    final QualityGate.Verdict[] verdicts;
    final float[] median;
    /** Reference success per frame, and its intensities and presences (0/1) in the orders above. */
    final boolean[] reference;
    final float[][] intensity, presence;

    ReducedClip(TrainingClip clip, AuModel.Descriptor descriptor) {
        this.clip = clip;
        int n = clip.frames();
        AuDescriptor reducer = new AuDescriptor(null, descriptor);
        descriptors = new float[n][];
        verdicts = new QualityGate.Verdict[n];
        reference = new boolean[n];
        intensity = new float[n][];
        presence = new float[n][];
        NeutralBaseline baseline = new NeutralBaseline(BaselineMode.OFFLINE, reducer.length());
        for (int i = 0; i < n; i++) {
            verdicts[i] = clip.verdict(i);
            if (clip.features()[i] != null) descriptors[i] = reducer.reduce(clip.features()[i]);
            if (descriptors[i] != null && AuCoder.isWhole(verdicts[i])) baseline.add(descriptors[i]);
            OpenFaceRow row = clip.reference().row(new FrameKey(i + 1, 0)).orElse(null);
            reference[i] = row != null && row.success();
            if (!reference[i]) continue;
            intensity[i] = values(row, INTENSITY_AUS, "_r");
            presence[i] = values(row, PRESENCE_AUS, "_c");
        }
        float[] m = baseline.frames() > 0 ? baseline.median() : null;
        if (m == null) {
            // no whole frame: the median of every frame with a face (the coder would refuse this clip offline)
            NeutralBaseline any = new NeutralBaseline(BaselineMode.OFFLINE, reducer.length());
            for (float[] d : descriptors) if (d != null) any.add(d);
            m = any.frames() > 0 ? any.median() : new float[reducer.length()];
        }
        median = m;
    }

    int frames() {
        return descriptors.length;
    }

    /** A frame the models learn from and are scored on: a face the gate lets be measured, and a reference value. */
    boolean usable(int i) {
        return descriptors[i] != null && verdicts[i].face() && reference[i];
    }

    /** The running models' input: descriptor minus the clip's median, then the median, then the {@link Curvature} bends. */
    float[] dynamicInput(int i) {
        float[] d = descriptors[i];
        float[] x = new float[2 * d.length + Curvature.LENGTH];
        for (int j = 0; j < d.length; j++) {
            x[j] = d[j] - median[j];
            x[d.length + j] = median[j];
        }
        Curvature.fill(d, median, x, 2 * d.length);
        return x;
    }

    AuCoder.Series series() {
        double[] times = clip.timestamps().clone();
        return new AuCoder.Series(Arrays.asList(descriptors), Arrays.asList(verdicts), times);
    }

    private static float[] values(OpenFaceRow row, int[] aus, String suffix) {
        float[] v = new float[aus.length];
        for (int a = 0; a < aus.length; a++) v[a] = (float) row.value(String.format(Locale.ROOT, "AU%02d%s", aus[a], suffix));
        return v;
    }

    static List<ReducedClip> of(List<TrainingClip> clips, AuModel.Descriptor descriptor) {
        return clips.stream().map(c -> new ReducedClip(c, descriptor)).toList();
    }
}
