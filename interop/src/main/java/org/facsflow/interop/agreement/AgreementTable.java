package org.facsflow.interop.agreement;

import org.facsflow.facs.TextTable;

import java.util.List;
import java.util.Locale;

/** Per-AU agreement as an aligned text table or as CSV (NaN where undefined, intervals as two columns). */
public final class AgreementTable {
    private static final String CSV_HEADER = "au,frames,reference_present,predicted_present,f1,f1_low,f1_high,kappa,"
            + "kappa_low,kappa_high,intensity_frames,icc_3_1,icc_low,icc_high,reference_events,predicted_events,"
            + "matched_events,event_f1,event_f1_low,event_f1_high,resampling_units";

    private AgreementTable() {
    }

    public static String format(List<CodeAgreement> rows, Bootstrap bootstrap, double tolerance) {
        TextTable table = new TextTable("AU", "frames", "ref+", "pred+", "F1", "", "kappa", "", "ICC(3,1)", "", "events",
                "event F1", "").alignRight(1, 2, 3, 4, 6, 8, 10, 11);
        for (CodeAgreement r : rows)
            table.add(r.au().code(), Integer.toString(r.frames()), Integer.toString(r.referencePresent()),
                    Integer.toString(r.predictedPresent()), number(r.f1()), r.f1Interval().format(), number(r.kappa()),
                    r.kappaInterval().format(), number(r.icc()), r.iccInterval().format(),
                    r.referenceEvents() + "/" + r.predictedEvents() + "/" + r.matchedEvents(), number(r.eventF1()),
                    r.eventF1Interval().format());
        return table.format() + String.format(Locale.ROOT, "ref+/pred+: frames coded present; events: reference/"
                + "predicted/matched (onset and offset each within %.2f s); ICC over frames where both coded an "
                + "intensity; '-': undefined.%n%.0f%% intervals: percentile bootstrap, %d replicates, event-resampled "
                + "(stretches of frames around each cluster of events; none with fewer than %d stretches).%n",
                tolerance, 100 * bootstrap.confidence(), bootstrap.replicates(), Bootstrap.MIN_UNITS);
    }

    public static String csv(List<CodeAgreement> rows) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (CodeAgreement r : rows)
            out.append(String.join(",", r.au().code(), Integer.toString(r.frames()), Integer.toString(r.referencePresent()),
                    Integer.toString(r.predictedPresent()), csv(r.f1()), csv(r.f1Interval().low()), csv(r.f1Interval().high()),
                    csv(r.kappa()), csv(r.kappaInterval().low()), csv(r.kappaInterval().high()),
                    Integer.toString(r.intensityFrames()), csv(r.icc()), csv(r.iccInterval().low()),
                    csv(r.iccInterval().high()), Integer.toString(r.referenceEvents()),
                    Integer.toString(r.predictedEvents()), Integer.toString(r.matchedEvents()), csv(r.eventF1()),
                    csv(r.eventF1Interval().low()), csv(r.eventF1Interval().high()), Integer.toString(r.units())))
                    .append('\n');
        return out.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String csv(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6f", v);
    }
}
