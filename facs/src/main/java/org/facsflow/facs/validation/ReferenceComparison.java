package org.facsflow.facs.validation;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a prediction CSV with a reference CSV frame by frame, per AU, on OpenFace's columns: {@code AU12_r}
 * intensity 0-5 and {@code AU12_c} presence 0/1 ({@code AU1_r} and {@code AU01_r} name the same AU).
 *
 * <p>Rows are paired by {@link FacePairing}: by landmarks within a frame where both files have them, else by
 * {@link FrameKey}. A frame is skipped where the reference failed (success = 0) or the prediction has no row for it
 * or failed there; an AU also skips a frame where a value it uses is empty or NaN.
 *
 * <p>Presence: a file's {@code _c} column where it has one (present at 0.5 or more), otherwise its {@code _r} at or
 * above {@link IntensityScale#PRESENCE_THRESHOLD}. OpenFace decides presence with a separate classifier, so its
 * {@code _c} is taken as written rather than re-derived from {@code _r}; a coder that writes no {@code _c} is judged
 * by its intensity reaching letter A.
 */
public final class ReferenceComparison {
    private static final Pattern AU_COLUMN = Pattern.compile("AU(\\d+)_([rc])");

    private ReferenceComparison() {
    }

    /**
     * Agreement for every AU both files have a column for; AUs only the reference has are listed as not predicted;
     * and, where both have them, of the landmarks, head pose and gaze on the same frames.
     *
     * @throws IllegalArgumentException if a column names an AU number FACS does not define
     */
    public static ValidationReport compare(OpenFaceCsv reference, OpenFaceCsv prediction) {
        List<Aligned> aligned = new ArrayList<>();
        int referenceFailed = 0, missing = 0;
        FacePairing pairing = new FacePairing(reference, prediction);
        for (OpenFaceRow ref : reference.rows()) {
            if (!ref.success()) {
                referenceFailed++;
                continue;
            }
            OpenFaceRow pred = pairing.match(ref);
            if (pred == null) missing++;
            else aligned.add(new Aligned(ref, pred));
        }
        FrameCounts counts = new FrameCounts(reference.rows().size(), referenceFailed, missing);

        Map<Integer, AuColumns> predictionColumns = auColumns(prediction);
        List<AuAgreement> rows = new ArrayList<>();
        List<ActionUnit> notPredicted = new ArrayList<>();
        for (Map.Entry<Integer, AuColumns> e : auColumns(reference).entrySet()) {
            ActionUnit au = actionUnit(e.getKey(), reference);
            AuColumns predicted = predictionColumns.get(e.getKey());
            if (predicted == null) notPredicted.add(au);
            else rows.add(agreement(au, e.getValue(), predicted, aligned));
        }
        List<OpenFaceRow> referenceRows = aligned.stream().map(Aligned::reference).toList();
        List<OpenFaceRow> predictionRows = aligned.stream().map(Aligned::prediction).toList();
        return new ValidationReport(rows, counts, notPredicted,
                FaceGeometryAgreement.of(reference, prediction, referenceRows, predictionRows),
                aligned.stream().map(a -> new ValidationReport.Pair(a.reference().key(), a.prediction().key())).toList());
    }

    private static AuAgreement agreement(ActionUnit au, AuColumns ref, AuColumns pred, List<Aligned> aligned) {
        boolean intensities = ref.intensity != null && pred.intensity != null;
        double[] x = new double[aligned.size()], y = new double[aligned.size()];
        boolean[] refPresent = new boolean[aligned.size()], predPresent = new boolean[aligned.size()];
        int n = 0;
        for (Aligned frame : aligned) {
            double xi = intensities ? frame.reference.value(ref.intensity) : 0;
            double yi = intensities ? frame.prediction.value(pred.intensity) : 0;
            double xp = frame.reference.value(ref.presenceColumn()), yp = frame.prediction.value(pred.presenceColumn());
            if (Double.isNaN(xi) || Double.isNaN(yi) || Double.isNaN(xp) || Double.isNaN(yp)) continue;
            x[n] = xi;
            y[n] = yi;
            refPresent[n] = ref.isPresent(xp);
            predPresent[n] = pred.isPresent(yp);
            n++;
        }
        double f1 = Agreement.f1(Arrays.copyOf(refPresent, n), Arrays.copyOf(predPresent, n));
        if (!intensities) return new AuAgreement(au.code(), n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, f1);
        x = Arrays.copyOf(x, n);
        y = Arrays.copyOf(y, n);
        return new AuAgreement(au.code(), n, Agreement.pearson(x, y), Agreement.concordance(x, y),
                Agreement.icc31(x, y), Agreement.meanAbsoluteError(x, y), f1);
    }

    /** A file's AU columns by AU number, in number order. */
    private static Map<Integer, AuColumns> auColumns(OpenFaceCsv csv) {
        Map<Integer, AuColumns> byNumber = new TreeMap<>();
        for (String column : csv.columns()) {
            Matcher m = AU_COLUMN.matcher(column);
            if (!m.matches()) continue;
            AuColumns au = byNumber.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new AuColumns());
            if (m.group(2).equals("r")) au.intensity = column;
            else au.presence = column;
        }
        return byNumber;
    }

    private static ActionUnit actionUnit(int number, OpenFaceCsv csv) {
        try {
            return ActionUnit.of(number);
        } catch (NoSuchElementException e) {
            throw new IllegalArgumentException(csv.file() + ": an AU column names " + number + ", which is no FACS code", e);
        }
    }

    private record Aligned(OpenFaceRow reference, OpenFaceRow prediction) {
    }

    /** One file's columns for one AU; either may be null. */
    private static final class AuColumns {
        String intensity;
        String presence;

        String presenceColumn() {
            return presence != null ? presence : intensity;
        }

        boolean isPresent(double value) {
            return presence != null ? value >= 0.5 : IntensityScale.isPresent(value);
        }
    }
}
