package org.facsflow.facs.validation;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.TextTable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Per-AU agreement of a prediction with a reference, the mean over AUs, how many frames took part, and the face
 * geometry's agreement where both files carry it.
 */
public final class ValidationReport {
    private static final String CSV_HEADER = "au,n,pearson_r,ccc,icc_3_1,mae,f1";

    private final List<AuAgreement> rows;
    private final FrameCounts counts;
    private final List<ActionUnit> notPredicted;
    private final Optional<FaceGeometryAgreement> geometry;
    private final List<Pair> pairs;

    /** A reference row and the prediction row compared with it ({@link FacePairing}). */
    public record Pair(FrameKey reference, FrameKey prediction) {
    }

    ValidationReport(List<AuAgreement> rows, FrameCounts counts, List<ActionUnit> notPredicted,
                     Optional<FaceGeometryAgreement> geometry, List<Pair> pairs) {
        this.rows = List.copyOf(rows);
        this.counts = counts;
        this.notPredicted = List.copyOf(notPredicted);
        this.geometry = geometry;
        this.pairs = List.copyOf(pairs);
    }

    /** Which prediction row was compared with which reference row. */
    public List<Pair> pairs() {
        return pairs;
    }

    /** One row per AU both files have, in FACS order. */
    public List<AuAgreement> rows() {
        return rows;
    }

    public FrameCounts counts() {
        return counts;
    }

    /** AUs the reference has and the prediction lacks: reported rather than silently dropped. */
    public List<ActionUnit> notPredicted() {
        return notPredicted;
    }

    /** Landmarks, head pose and gaze on the compared frames, where both files have any of their columns. */
    public Optional<FaceGeometryAgreement> geometry() {
        return geometry;
    }

    /** Each measure averaged over the AUs where it is defined (NaN where it is defined for none). */
    public AuAgreement mean() {
        return new AuAgreement("mean", counts.compared(), mean(AuAgreement::pearson), mean(AuAgreement::ccc),
                mean(AuAgreement::icc31), mean(AuAgreement::mae), mean(AuAgreement::f1));
    }

    /** An aligned text table with the frame counts above it; "-" marks an undefined measure. */
    public String format() {
        TextTable table = new TextTable("AU", "n", "r", "CCC", "ICC(3,1)", "MAE", "F1").alignRight(1, 2, 3, 4, 5, 6);
        for (AuAgreement row : rows) table.add(cells(row, "%.3f", "-"));
        if (!rows.isEmpty()) table.add(cells(mean(), "%.3f", "-"));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d reference rows: %d compared, %d skipped (reference success=0), "
                        + "%d skipped (missing or failed in prediction)%n", counts.referenceRows(), counts.compared(),
                counts.referenceFailed(), counts.missingInPrediction()));
        out.append(table.format());
        out.append("n: frames with values for the AU; '-': undefined (constant series, no presence in either, "
                + "or no intensity column)\n");
        if (!notPredicted.isEmpty())
            out.append("not in the prediction: ")
                    .append(notPredicted.stream().map(ActionUnit::code).collect(Collectors.joining(", "))).append('\n');
        geometry.ifPresent(g -> out.append(g.format()));
        return out.toString();
    }

    /** The rows and the mean row as CSV with a header; undefined measures are written NaN. */
    public String toCsv() {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (AuAgreement row : rows) out.append(String.join(",", cells(row, "%.6f", "NaN"))).append('\n');
        if (!rows.isEmpty()) out.append(String.join(",", cells(mean(), "%.6f", "NaN"))).append('\n');
        return out.toString();
    }

    private double mean(ToDoubleFunction<AuAgreement> measure) {
        return rows.stream().mapToDouble(measure).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    private static String[] cells(AuAgreement row, String format, String undefined) {
        double[] measures = {row.pearson(), row.ccc(), row.icc31(), row.mae(), row.f1()};
        String[] cells = new String[2 + measures.length];
        cells[0] = row.label();
        cells[1] = Integer.toString(row.n());
        for (int i = 0; i < measures.length; i++)
            cells[2 + i] = Double.isNaN(measures[i]) ? undefined : String.format(Locale.ROOT, format, measures[i]);
        return cells;
    }
}
