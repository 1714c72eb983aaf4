package org.facsflow.facs.validation;

import org.facsflow.face.landmarks.LandmarkError;
import org.facsflow.face.landmarks.LandmarkError.Region;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where both files carry OpenFace's face geometry columns: how far the prediction's 68 landmarks lie from the
 * reference's ({@link LandmarkError}: all points, the 46 anatomical ones, each region) and how its head pose and gaze
 * differ, over the frames both tracked. Each part is NaN where either file lacks its columns.
 *
 * @param landmarkFrames frames with all 68 points on both sides
 * @param nmeAll         mean over those frames of the NME of all 68 points
 * @param nmeAnatomical  the same over {@link LandmarkError#ANATOMICAL}
 * @param nmeByRegion    the same per {@link Region}, in its order
 * @param faceScale      the median over those frames of the prediction's outer-eye-corner distance over the
 *                       reference's: near 1 when both come from the same video at the same size
 * @param lipOpeningR    over those frames, Pearson r of the prediction's inner-lip opening with the reference's (the
 *                       mean distance of the inner lips' points 61-67, 62-66 and 63-65, each file's over its own
 *                       outer-eye-corner distance): whether the lips open and close together, which the NME, an
 *                       average position, does not say; AU25 and AU26 can follow the reference's no better
 * @param eyeOpeningR    the same for the lids' opening (37-41, 38-40, 43-47 and 44-46): AU5, AU7, AU43 and AU45
 * @param lipsToAu25     r of the inner-lip opening with the reference's AU25 intensity, the prediction's opening then
 *                       the reference's own: neither file is ground truth, and where the two openings part, this says
 *                       which one the reference's AU follows (NaN where the reference has no AU25_r)
 * @param lidsToAu45     the same for the lids and AU45
 * @param poseFrames     frames with pose_Rx, pose_Ry and pose_Rz on both sides
 * @param poseMeanDiff   prediction minus reference, mean per axis (Rx, Ry, Rz), radians
 * @param poseMae        mean absolute difference per axis, radians
 * @param gazeFrames     frames with gaze_angle_x and gaze_angle_y on both sides
 * @param gazeMae        mean absolute difference of gaze_angle_x and gaze_angle_y, radians
 * @param gazeMeanDiff   prediction minus reference, mean of each angle, radians
 */
public record FaceGeometryAgreement(int landmarkFrames, double nmeAll, double nmeAnatomical, double[] nmeByRegion,
                                    double faceScale, double lipOpeningR, double eyeOpeningR, double[] lipsToAu25,
                                    double[] lidsToAu45, int poseFrames, double[] poseMeanDiff, double[] poseMae,
                                    int gazeFrames, double[] gazeMae, double[] gazeMeanDiff) {
    private static final String[] POSE = {"pose_Rx", "pose_Ry", "pose_Rz"}, GAZE = {"gaze_angle_x", "gaze_angle_y"};
    private static final Region[] REGIONS = Region.values();
    /** The 68 points' pairs across the inner lips and across the lids, upper then lower. */
    private static final int[][] LIPS = {{61, 67}, {62, 66}, {63, 65}}, LIDS = {{37, 41}, {38, 40}, {43, 47}, {44, 46}};

    /** Over matched rows (reference and prediction in pairs); empty where the files share none of these columns. */
    static Optional<FaceGeometryAgreement> of(OpenFaceCsv reference, OpenFaceCsv prediction,
                                              List<OpenFaceRow> referenceRows, List<OpenFaceRow> predictionRows) {
        boolean landmarks = reference.hasLandmarks() && prediction.hasLandmarks();
        boolean pose = both(reference, prediction, POSE), gaze = both(reference, prediction, GAZE);
        if (!landmarks && !pose && !gaze) return Optional.empty();
        double all = 0, anatomical = 0;
        double[] byRegion = new double[REGIONS.length], poseDiff = new double[3], poseAbs = new double[3];
        double[] gazeDiff = new double[2], gazeAbs = new double[2];
        int landmarkFrames = 0, poseFrames = 0, gazeFrames = 0;
        float[] ours = new float[2 * LandmarkError.ALL.length], theirs = new float[ours.length];
        double[] scales = new double[referenceRows.size()];
        // ours, the reference's, and the reference's AU25 (lips) or AU45 (lids)
        double[][] lips = new double[3][referenceRows.size()], lids = new double[3][referenceRows.size()];
        for (int i = 0; i < referenceRows.size(); i++) {
            OpenFaceRow r = referenceRows.get(i), p = predictionRows.get(i);
            if (landmarks && p.landmarks68(ours) && r.landmarks68(theirs)) {
                double e = LandmarkError.nme(ours, theirs, LandmarkError.ALL);
                if (!Double.isNaN(e)) {
                    scales[landmarkFrames] = LandmarkError.interOcular(ours) / LandmarkError.interOcular(theirs);
                    lips[0][landmarkFrames] = opening(ours, LIPS);
                    lips[1][landmarkFrames] = opening(theirs, LIPS);
                    lids[0][landmarkFrames] = opening(ours, LIDS);
                    lids[1][landmarkFrames] = opening(theirs, LIDS);
                    lips[2][landmarkFrames] = r.value("AU25_r");
                    lids[2][landmarkFrames] = r.value("AU45_r");
                    all += e;
                    anatomical += LandmarkError.nme(ours, theirs, LandmarkError.ANATOMICAL);
                    for (int g = 0; g < REGIONS.length; g++)
                        byRegion[g] += LandmarkError.nme(ours, theirs, REGIONS[g].points());
                    landmarkFrames++;
                }
            }
            if (pose && add(r, p, POSE, poseDiff, poseAbs)) poseFrames++;
            if (gaze && add(r, p, GAZE, gazeDiff, gazeAbs)) gazeFrames++;
        }
        for (int g = 0; g < byRegion.length; g++) byRegion[g] /= landmarkFrames;
        Arrays.sort(scales, 0, landmarkFrames);
        double scale = landmarkFrames == 0 ? Double.NaN : scales[landmarkFrames / 2];
        return Optional.of(new FaceGeometryAgreement(landmarkFrames, all / landmarkFrames, anatomical / landmarkFrames,
                byRegion, scale, correlation(lips, 0, 1, landmarkFrames), correlation(lids, 0, 1, landmarkFrames),
                new double[]{correlation(lips, 0, 2, landmarkFrames), correlation(lips, 1, 2, landmarkFrames)},
                new double[]{correlation(lids, 0, 2, landmarkFrames), correlation(lids, 1, 2, landmarkFrames)},
                poseFrames, divide(poseDiff, poseFrames), divide(poseAbs, poseFrames),
                gazeFrames, divide(gazeAbs, gazeFrames), divide(gazeDiff, gazeFrames)));
    }

    /** A few lines of text; parts without frames are left out. */
    public String format() {
        StringBuilder out = new StringBuilder("face geometry, prediction against reference:\n");
        if (landmarkFrames > 0) {
            out.append(String.format(Locale.ROOT, "  landmark NME over %d frames (mean distance over the reference's "
                    + "outer-eye-corner distance):%n    all 68 %.1f%%, the 46 anatomical (brows, nose bridge, eyes, lips) "
                    + "%.1f%%%n    by region:", landmarkFrames, 100 * nmeAll, 100 * nmeAnatomical));
            for (int g = 0; g < REGIONS.length; g++)
                out.append(String.format(Locale.ROOT, "%s %s %.1f%%", g == 0 ? "" : ",",
                        REGIONS[g].name().toLowerCase(Locale.ROOT).replace('_', ' '), 100 * nmeByRegion[g]));
            out.append(String.format(Locale.ROOT, "%n    openings frame by frame, r with the reference's: inner lips %.2f, "
                    + "lids %.2f%n", lipOpeningR, eyeOpeningR));
            if (!Double.isNaN(lipsToAu25[1]) || !Double.isNaN(lidsToAu45[1]))
                out.append(String.format(Locale.ROOT, "    r with the reference's AU25 / AU45 (neither file is ground truth: "
                        + "which openings does its AU follow?): the prediction's %.2f / %.2f, the reference's own %.2f / %.2f%n",
                        lipsToAu25[0], lidsToAu45[0], lipsToAu25[1], lidsToAu45[1]));
            // a copy of cap12 at 80% of its size gave an NME of 90%: these compare pixels, not landmarks
            if (faceScale < FacePairing.SAME_SIZE_LOW || faceScale > FacePairing.SAME_SIZE_HIGH)
                out.append(String.format(Locale.ROOT, "    note: the prediction's faces are %.2f times the size of the "
                        + "reference's; these figures compare pixels, so both files must come from the same video at "
                        + "the same size (was one made from a resized copy?)%n", faceScale));
        }
        if (poseFrames > 0)
            out.append(String.format(Locale.ROOT, "  head pose over %d frames, prediction minus reference: pitch (Rx) "
                            + "%+.3f rad (MAE %.3f), yaw (Ry) %+.3f (%.3f), roll (Rz) %+.3f (%.3f)%n", poseFrames,
                    poseMeanDiff[0], poseMae[0], poseMeanDiff[1], poseMae[1], poseMeanDiff[2], poseMae[2]));
        if (gazeFrames > 0)
            out.append(String.format(Locale.ROOT, "  gaze over %d frames: MAE x %.3f rad, y %.3f (mean difference "
                    + "%+.3f, %+.3f)%n", gazeFrames, gazeMae[0], gazeMae[1], gazeMeanDiff[0], gazeMeanDiff[1]));
        return out.toString();
    }

    /** The mean distance across {@code pairs} of points, over the outer-eye-corner distance (so in faces, not pixels). */
    private static double opening(float[] points, int[][] pairs) {
        double sum = 0;
        for (int[] p : pairs) sum += Math.hypot(points[2 * p[0]] - points[2 * p[1]], points[2 * p[0] + 1] - points[2 * p[1] + 1]);
        return sum / pairs.length / LandmarkError.interOcular(points);
    }

    /** Pearson r of series a and b over the first n frames; NaN where either has a missing value. */
    private static double correlation(double[][] series, int a, int b, int n) {
        return Agreement.pearson(Arrays.copyOf(series[a], n), Arrays.copyOf(series[b], n));
    }

    /** Adds one frame's differences in {@code columns} where both rows have them all. */
    private static boolean add(OpenFaceRow reference, OpenFaceRow prediction, String[] columns, double[] diff, double[] abs) {
        double[] d = new double[columns.length];
        for (int k = 0; k < columns.length; k++) {
            d[k] = prediction.value(columns[k]) - reference.value(columns[k]);
            if (Double.isNaN(d[k])) return false;
        }
        for (int k = 0; k < columns.length; k++) {
            diff[k] += d[k];
            abs[k] += Math.abs(d[k]);
        }
        return true;
    }

    private static boolean both(OpenFaceCsv reference, OpenFaceCsv prediction, String... columns) {
        for (String c : columns) if (!reference.hasColumn(c) || !prediction.hasColumn(c)) return false;
        return true;
    }

    private static double[] divide(double[] sums, int n) {
        double[] out = new double[sums.length];
        for (int k = 0; k < sums.length; k++) out[k] = sums[k] / n;
        return out;
    }
}
