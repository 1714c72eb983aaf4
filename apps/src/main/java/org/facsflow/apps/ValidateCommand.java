package org.facsflow.apps;

import org.facsflow.io.AtomicFile;
import org.facsflow.facs.validation.ReferenceComparison;
import org.facsflow.facs.validation.ValidationReport;
import org.facsflow.pipeline.table.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code facsflow validate}: per-AU agreement of an AU CSV with a reference such as OpenFace's own output. */
@Command(name = "validate", sortOptions = false,
        description = {"Compare the AU intensities (AUxx_r) and presence (AUxx_c) of an OpenFace-style CSV with a "
                + "reference CSV, frame by frame (matched on frame and face_id, or face for images): Pearson r, "
                + "Lin's CCC, ICC(3,1) and MAE of intensity, F1 of presence, per AU and averaged. Frames the reference "
                + "failed on (success=0), frames missing from the prediction and empty values are skipped and counted.",
                "Exit status: 0 compared; 1 a file could not be read or written; 3 nothing in common to compare."})
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--reference", required = true, paramLabel = "REF.csv",
            description = "The reference CSV (plain or .gz), e.g. from shared/reference.")
    Path reference;

    @Parameters(paramLabel = "PRED.csv", description = "The CSV to judge (plain or .gz).")
    Path prediction;

    @Option(names = "--csv", paramLabel = "OUT", description = "Also write the per-AU table to this CSV file.")
    Path csvOutput;

    @Override
    public Integer call() {
        ValidationReport report;
        try {
            report = ReferenceComparison.compare(ResultTable.read(reference), ResultTable.read(prediction));
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
        System.out.printf("reference:  %s%nprediction: %s%n", reference, prediction);
        System.out.print(report.format());
        if (csvOutput == null) return 0;
        try (AtomicFile file = AtomicFile.create(csvOutput)) {
            file.stream().write(report.toCsv().getBytes(StandardCharsets.UTF_8));
            file.commit();
        } catch (IOException e) {
            System.err.println("facsflow validate: cannot write " + csvOutput + ": " + e.getMessage());
            return 1;
        }
        System.out.println("CSV: " + csvOutput);
        return 0;
    }
}
