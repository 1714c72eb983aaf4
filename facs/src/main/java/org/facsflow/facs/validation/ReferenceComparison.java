package org.facsflow.facs.validation;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a prediction CSV with a reference CSV frame by frame, per AU, using OpenFace's column names
 * ({@code AU12_r} intensity 0-5, {@code AU12_c} presence 0/1).
 *
 * <p>Frames are matched by {@link FrameKey}. A frame is skipped where the reference failed (success = 0) or the
 * prediction has no row for it or failed there; an AU also skips a frame where a value it uses is empty or NaN.
 *
 * <p>Presence: a file's {@code _c} column where it has one, otherwise its {@code _r} at or above
 * {@link IntensityScale#PRESENCE_THRESHOLD}. OpenFace decides presence with a separate classifier, so its {@code _c}
 * is used as written rather than re-derived from {@code _r}; a coder that writes no {@code _c} is judged by its
 * intensity reaching letter A.
 */
public final class ReferenceComparison {
    private static final Pattern AU_COLUMN = Pattern.compile("AU(\\d+)_([rc])");

    private ReferenceComparison() {
    }

    public static ValidationReport compare(OpenFaceCsv reference, OpenFaceCsv prediction) {
        List<OpenFaceRow[]> aligned = new ArrayList<>();
        int referenceFailed = 0, missing = 0;
        for (OpenFaceRow ref : reference.rows()) {
            if (!ref.success()) {
                referenceFailed++;
                continue;
            }
            OpenFaceRow pred = prediction.row(ref.key()).filter(OpenFaceRow::success).orElse(null);
            if (pred == null) missing++;
            else aligned.add(new OpenFaceRow[]{ref, pred});
        }
        FrameCounts counts = new FrameCounts(reference.rows().size(), referenceFailed, missing);

        Set<Integer> predicted = auNumbers(prediction);
        List<AuAgreement> rows = new ArrayList<>();
        List<ActionUnit> notPredicted = new ArrayList<>();
        for (int number : auNumbers(reference)) {
            ActionUnit au = actionUnit(number, reference);
            if (predicted.contains(number)) rows.add(compare(au, new AuColumns(number, reference, prediction), aligned));
            else notPredicted.add(au);
        }
        return new ValidationReport(rows, counts, notPredicted);
    }

    private static AuAgreement compare(ActionUnit au, AuColumns columns, List<OpenFaceRow[]> aligned) {
        double[] refIntensity = new double[aligned.size()], predIntensity = new double[aligned.size()];
        boolean[] refPresent = new boolean[aligned.size()], predPresent = new boolean[aligned.size()];
        int n = 0;
        for (OpenFaceRow[] pair : aligned) {
            double ri = columns.bothIntensities ? pair[0].value(columns.intensity) : 0;
            double pi = columns.bothIntensities ? pair[1].value(columns.intensity) : 0;
            double rp = pair[0].value(columns.referencePresence), pp = pair[1].value(columns.predictionPresence);
            if (Double.isNaN(ri) || Double.isNaN(pi) || Double.isNaN(rp) || Double.isNaN(pp)) continue;
            refIntensity[n] = ri;
            predIntensity[n] = pi;
            refPresent[n] = columns.isPresent(rp, columns.referencePresence);
            predPresent[n] = columns.isPresent(pp, columns.predictionPresence);
            n++;
        }
        double[] x = java.util.Arrays.copyOf(refIntensity, n), y = java.util.Arrays.copyOf(predIntensity, n);
        double f1 = Agreement.f1(java.util.Arrays.copyOf(refPresent, n), java.util.Arrays.copyOf(predPresent, n));
        if (!columns.bothIntensities) return new AuAgreement(au.code(), n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, f1);
        return new AuAgreement(au.code(), n, Agreement.pearson(x, y), Agreement.concordance(x, y),
                Agreement.icc31(x, y), Agreement.meanAbsoluteError(x, y), f1);
    }

    /** The AU numbers a file has an {@code _r} or {@code _c} column for, in order. */
    private static Set<Integer> auNumbers(OpenFaceCsv csv) {
        Set<Integer> numbers = new TreeSet<>();
        for (String column : csv.columns()) {
            Matcher m = AU_COLUMN.matcher(column);
            if (m.matches()) numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers;
    }

    private static ActionUnit actionUnit(int number, OpenFaceCsv csv) {
        try {
            return ActionUnit.of(number);
        } catch (NoSuchElementException e) {
            throw new IllegalArgumentException(csv.file() + ": column AU" + number + "_r/_c names no FACS code", e);
        }
    }

    /** The columns one AU is compared on. */
    private static final class AuColumns {
        final String intensity;
        final boolean bothIntensities;
        final String referencePresence;
        final String predictionPresence;

        AuColumns(int number, OpenFaceCsv reference, OpenFaceCsv prediction) {
            String base = String.format("AU%02d", number);
            intensity = base + "_r";
            bothIntensities = reference.hasColumn(intensity) && prediction.hasColumn(intensity);
            referencePresence = reference.hasColumn(base + "_c") ? base + "_c" : intensity;
            predictionPresence = prediction.hasColumn(base + "_c") ? base + "_c" : intensity;
        }

        boolean isPresent(double value, String column) {
            return column.endsWith("_c") ? value >= 0.5 : IntensityScale.isPresent(value);
        }
    }
}
