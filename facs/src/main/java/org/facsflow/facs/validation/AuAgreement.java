package org.facsflow.facs.validation;

/**
 * Agreement on one AU (or the mean over AUs): over {@code n} frames, Pearson's r, Lin's CCC, ICC(3,1) and the mean
 * absolute error of the intensities, and F1 of presence. Each is NaN where undefined (see {@link Agreement}); the
 * intensity measures are NaN too where either file has no intensity column for the AU (OpenFace's AU28 has presence
 * only).
 *
 * @param label "AU12" etc., or "mean"
 * @param n     frames compared for this AU; for the mean row, the frames compared overall
 */
public record AuAgreement(String label, int n, double pearson, double ccc, double icc31, double mae, double f1) {
}
