package org.facsflow.apps;

import org.facsflow.facs.coding.BaselineMode;
import org.facsflow.facs.validation.OpenFaceCsv;
import org.facsflow.facs.validation.ReferenceComparison;
import org.facsflow.facs.validation.ValidationReport;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.Coding;
import org.facsflow.interop.EventLabels;
import org.facsflow.interop.agreement.AgreementTable;
import org.facsflow.interop.agreement.Agreements;
import org.facsflow.interop.agreement.Bootstrap;
import org.facsflow.interop.agreement.CodeAgreement;
import org.facsflow.interop.convert.Conversions;
import org.facsflow.interop.read.CodingFiles;
import org.facsflow.io.AtomicFile;
import org.facsflow.pipeline.table.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code facsflow validate}: per-AU agreement of an AU file with a reference: another tool's output or human FACS
 * codes (.eaf, BORIS, frame-label CSV), or two human coders.
 */
@Command(name = "validate", sortOptions = false,
        description = {"Compare an AU coding with a reference, per AU. Either side may be any supported file: "
                + CodingFiles.KNOWN + " (two human files give inter-coder agreement).",
                "Always: frame-level F1 and Cohen's kappa of presence, ICC(3,1) of intensity where both coded one, and "
                + "event-level agreement (onset and offset within --tolerance), with 95%% bootstrap intervals "
                + "(event-resampled). Events are sampled at the other side's frames (or at --frame-rate when both "
                + "are events). When both are OpenFace-layout CSVs (OpenFace, facsflow), also Pearson r, Lin's CCC, "
                + "ICC(3,1) and MAE of intensity, matched on frame and face_id, and where both carry them the 68 "
                + "landmarks' NME (all, the 46 anatomical points, each region), head pose and gaze differences. "
                + "A facsflow video coded with the running baseline gets a note against OpenFace, which codes a "
                + "file against the whole video (analyze --baseline offline).",
                "Exit status: 0 compared; 1 a file could not be read or written; 3 nothing in common to compare."})
final class ValidateCommand implements Callable<Integer> {
    private static final Set<String> OPENFACE_LAYOUT = Set.of("OpenFace", "facsflow");
    /** Face numbers above any a tool writes, for prediction faces the intensity table never paired. */
    private static final int UNPAIRED_FACES = 1 << 19;

    @Option(names = "--reference", required = true, paramLabel = "REF",
            description = "The reference: OpenFace's CSV (plain or .gz, e.g. from shared/reference), human codes, any supported file.")
    Path reference;

    @Parameters(paramLabel = "PRED", description = "The coding to judge (any supported file).")
    Path prediction;

    @Option(names = "--csv", paramLabel = "OUT", description = "Write the intensity table (OpenFace-layout pairs) to this CSV.")
    Path csvOutput;

    @Option(names = "--agreement-csv", paramLabel = "OUT", description = "Write the presence and event agreement table to this CSV.")
    Path agreementCsv;

    @Option(names = "--tolerance", defaultValue = "0.5", paramLabel = "SECONDS",
            description = "Onset and offset tolerance for matching events (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--frame-rate", defaultValue = "30", paramLabel = "FPS",
            description = "For files without times and for two event files (default: ${DEFAULT-VALUE}).")
    double frameRate;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "N", description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int replicates;

    /** The intensity table's report where both files are OpenFace-layout CSVs: its face pairs renumber the prediction. */
    private ValidationReport paired;

    @Override
    public Integer call() {
        Coding ref, pred;
        try {
            ref = CodingFiles.read(reference);
            pred = CodingFiles.read(prediction);
        } catch (IOException | RuntimeException e) {
            System.err.println("facsflow validate: " + e.getMessage());
            return 1;
        }
        System.out.printf("reference:  %s (%s)%nprediction: %s (%s)%n", reference, ref.format(), prediction, pred.format());
        if (ref instanceof AuTable r && pred instanceof AuTable p && OPENFACE_LAYOUT.contains(r.format().tool())
                && OPENFACE_LAYOUT.contains(p.format().tool())) {
            Integer status = intensityTable(r.format().tool().equals("OpenFace"));
            if (status != null) return status;
        }
        AuTable[] tables = frames(ref, pred);
        if (paired != null) tables[1] = facesAsReference(tables[1], paired);
        Bootstrap bootstrap = new Bootstrap(Math.max(1, replicates), 0.95, Bootstrap.DEFAULT.seed());
        List<CodeAgreement> rows = Agreements.compare(tables[0], tables[1], frameRate, tolerance, bootstrap);
        if (rows.isEmpty() || rows.stream().allMatch(r -> r.frames() == 0)) {
            System.err.println("facsflow validate: " + prediction + " and " + reference
                    + " have no AU with frames in common (frames are matched on time, else frame number, and face)");
            return 3;
        }
        System.out.println("\npresence and event agreement:");
        System.out.print(AgreementTable.format(rows, bootstrap, tolerance));
        if (agreementCsv == null) return 0;
        try {
            AtomicFile.writeText(agreementCsv, out -> out.write(AgreementTable.csv(rows)));
        } catch (IOException e) {
            System.err.println("facsflow validate: cannot write " + agreementCsv + ": " + e.getMessage());
            return 1;
        }
        System.out.println("CSV: " + agreementCsv);
        return 0;
    }

    /**
     * The intensity table of two OpenFace-layout CSVs (kept in {@link #paired}); a non-null status ends the command.
     * Against OpenFace, a prediction coded with the running baseline gets a note: OpenFace codes a video file against
     * each person's whole video, which `--baseline offline` mirrors.
     */
    private Integer intensityTable(boolean againstOpenFace) {
        ValidationReport report;
        boolean running;
        try {
            OpenFaceCsv predicted = ResultTable.read(prediction);
            running = predicted.texts("au_baseline").contains(BaselineMode.RUNNING.label());
            report = ReferenceComparison.compare(ResultTable.read(reference), predicted);
            paired = report;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("facsflow validate: " + e.getMessage());
            return 1;
        }
        if (report.counts().compared() == 0) {
            System.err.println("facsflow validate: no frame of " + prediction + " matches a successfully tracked frame of "
                    + reference + " (rows are matched on frame and face_id, or face for images)");
            return 3;
        }
        if (report.rows().isEmpty()) {
            System.err.println("facsflow validate: " + prediction + " and " + reference
                    + " have no AU column (AUxx_r or AUxx_c) in common");
            return 3;
        }
        System.out.print(report.format());
        if (againstOpenFace && running)
            System.out.printf("note: %s was coded with the running (live) baseline; OpenFace codes a video file against%n"
                    + "  each person's whole video, as `analyze --baseline offline` does: use that for the comparable figure%n"
                    + "  (it agrees better with OpenFace, most of all in each face's first seconds)%n", prediction.getFileName());
        if (csvOutput == null) return null;
        try {
            AtomicFile.writeText(csvOutput, out -> out.write(report.toCsv()));
        } catch (IOException e) {
            System.err.println("facsflow validate: cannot write " + csvOutput + ": " + e.getMessage());
            return 1;
        }
        System.out.println("CSV: " + csvOutput);
        return null;
    }

    /**
     * The prediction with each face numbered as the reference face the intensity table paired it with most often
     * (tools number faces differently: OpenFace's FaceLandmarkImg by detection, facsflow left to right), so the
     * presence and event table compares the same faces; a face never paired gets a number no reference face has.
     */
    static AuTable facesAsReference(AuTable prediction, ValidationReport report) {
        Map<Integer, Map<Integer, Integer>> votes = new HashMap<>();
        for (ValidationReport.Pair p : report.pairs())
            votes.computeIfAbsent(p.prediction().face(), f -> new HashMap<>()).merge(p.reference().face(), 1, Integer::sum);
        Map<Integer, Integer> face = new HashMap<>();
        votes.forEach((f, v) -> face.put(f, Collections.max(v.entrySet(), Map.Entry.comparingByValue()).getKey()));
        if (face.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))
                && prediction.faces().stream().allMatch(face::containsKey)) return prediction;
        List<AuRow> rows = new ArrayList<>(prediction.rows().size());
        for (AuRow r : prediction.rows())
            rows.add(new AuRow(r.frame(), face.getOrDefault(r.face(), UNPAIRED_FACES + r.face()), r.time(), r.success(),
                    r.intensity(), r.presence()));
        return new AuTable(prediction.source(), prediction.format(), prediction.columns(), rows);
    }

    /** Both sides as frame tables: events sampled at the other side's frames, or both on one grid. */
    private AuTable[] frames(Coding ref, Coding pred) {
        if (ref instanceof AuTable r && pred instanceof AuTable p) return new AuTable[]{r, p};
        if (ref instanceof EventLabels r && pred instanceof AuTable p)
            return new AuTable[]{Conversions.framesAt(r, p, frameRate), p};
        if (ref instanceof AuTable r && pred instanceof EventLabels p)
            return new AuTable[]{r, Conversions.framesAt(p, r, frameRate)};
        EventLabels r = (EventLabels) ref, p = (EventLabels) pred;
        AuTable grid = Conversions.frames(r.end() >= p.end() ? r : p, frameRate, reference);
        return new AuTable[]{Conversions.framesAt(r, grid, frameRate), Conversions.framesAt(p, grid, frameRate)};
    }
}
