package org.facsflow.interop.audit;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.validation.Agreement;
import org.facsflow.facs.validation.FaceGeometryAgreement;
import org.facsflow.facs.validation.FrameKey;
import org.facsflow.facs.validation.OpenFaceCsv;
import org.facsflow.facs.validation.ReferenceComparison;
import org.facsflow.facs.validation.ValidationReport;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.agreement.FramePairs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One recording's measures against its reference.
 *
 * @param referenceFrames frames where the reference found the face
 * @param detectionRate   share of those where the result found it too
 * @param landmarkNme     mean over matched frames of the mean distance of the 68 landmarks to the reference's,
 *                        divided by the reference's outer-eye-corner distance (points 36 and 45); NaN where either
 *                        file has no landmarks
 * @param lipOpeningR     over the same frames, Pearson r of the inner lips' opening with the reference's
 *                        ({@link FaceGeometryAgreement#lipOpeningR}); NaN likewise
 * @param eyeOpeningR     the same for the lids' opening
 * @param auPearson       mean over AUs (both with intensities) of Pearson's r over matched frames
 * @param auF1            mean over AUs (both with presence calls) of the frame-level F1 of presence
 */
public record ClipMeasures(String id, int referenceFrames, double detectionRate, double landmarkNme, double lipOpeningR,
                           double eyeOpeningR, double auPearson, double auF1) {
    /** The measure names, in the order of {@link #values()}. */
    public static final List<String> NAMES = List.of("detection_rate", "landmark_nme", "lip_opening_r", "eye_opening_r",
            "au_pearson_r", "au_f1");

    public double[] values() {
        return new double[]{detectionRate, landmarkNme, lipOpeningR, eyeOpeningR, auPearson, auF1};
    }

    /**
     * Where both files carry the 68 landmarks, rows are paired and the NME taken as {@code validate} does
     * ({@link ReferenceComparison}: each face with the one whose landmarks lie nearest in the same frame, as tools
     * number the faces of a group differently); else rows are paired by {@link FramePairs}.
     *
     * @param resultCsv    the result parsed as an OpenFace-layout CSV (for landmarks), or null for other tools; its
     *                     rows are {@code result}'s, in the same order
     * @param referenceCsv the reference likewise
     */
    public static ClipMeasures of(String id, AuTable result, OpenFaceCsv resultCsv, AuTable reference,
                                  OpenFaceCsv referenceCsv, double frameRate) {
        boolean landmarks = resultCsv != null && referenceCsv != null && resultCsv.hasLandmarks() && referenceCsv.hasLandmarks();
        ValidationReport compared = landmarks ? ReferenceComparison.compare(referenceCsv, resultCsv) : null;
        List<int[]> pairs = compared != null ? indices(compared.pairs(), referenceCsv, resultCsv)
                : FramePairs.align(reference, result, frameRate);
        int found = (int) reference.rows().stream().filter(AuRow::success).count();
        double detection = found == 0 ? Double.NaN : (double) pairs.size() / found;
        FaceGeometryAgreement geometry = compared == null ? null : compared.geometry().orElse(null);
        double nme = geometry == null ? Double.NaN : geometry.nmeAll();
        List<Double> rs = new ArrayList<>(), f1s = new ArrayList<>();
        for (ActionUnit au : reference.aus()) {
            int rc = reference.indexOf(au), pc = result.indexOf(au);
            if (pc < 0) continue;
            boolean intensity = reference.columns().get(rc).intensity() && result.columns().get(pc).intensity();
            double[] x = new double[pairs.size()], y = new double[pairs.size()];
            boolean[] a = new boolean[pairs.size()], b = new boolean[pairs.size()];
            int n = 0, m = 0;
            for (int[] p : pairs) {
                AuRow r = reference.rows().get(p[0]), q = result.rows().get(p[1]);
                if (intensity && !Float.isNaN(r.intensity()[rc]) && !Float.isNaN(q.intensity()[pc])) {
                    x[n] = r.intensity()[rc];
                    y[n++] = q.intensity()[pc];
                }
                Boolean ra = reference.present(r, rc), qb = result.present(q, pc);
                if (ra != null && qb != null) {
                    a[m] = ra;
                    b[m++] = qb;
                }
            }
            if (intensity) rs.add(Agreement.pearson(Arrays.copyOf(x, n), Arrays.copyOf(y, n)));
            f1s.add(Agreement.f1(Arrays.copyOf(a, m), Arrays.copyOf(b, m)));
        }
        return new ClipMeasures(id, found, detection, nme, geometry == null ? Double.NaN : geometry.lipOpeningR(),
                geometry == null ? Double.NaN : geometry.eyeOpeningR(), mean(rs), mean(f1s));
    }

    /** The compared pairs as {reference row, result row} indices into each file's rows. */
    private static List<int[]> indices(List<ValidationReport.Pair> pairs, OpenFaceCsv reference, OpenFaceCsv result) {
        Map<FrameKey, Integer> referenceIndex = index(reference), resultIndex = index(result);
        return pairs.stream().map(p -> new int[]{referenceIndex.get(p.reference()), resultIndex.get(p.prediction())}).toList();
    }

    private static Map<FrameKey, Integer> index(OpenFaceCsv csv) {
        Map<FrameKey, Integer> index = new HashMap<>();
        for (int i = 0; i < csv.rows().size(); i++) index.put(csv.rows().get(i).key(), i);
        return index;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }
}
