package org.facsflow.apps;

import org.facsflow.interop.agreement.Bootstrap;
import org.facsflow.interop.audit.AuditReport;
import org.facsflow.interop.audit.FairnessAudit;
import org.facsflow.interop.audit.GroupTable;
import org.facsflow.interop.read.TextFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facsflow audit}: does the analysis work equally well for every group of people? */
@Command(name = "audit", sortOptions = false,
        description = {"Fairness audit: per group of people (labels from a table you declare), face detection rate, "
                + "landmark error (NME: mean 68-point distance over the reference's outer-eye-corner distance) and AU "
                + "agreement with the reference (mean Pearson r of intensities, mean F1 of presence over AUs), with "
                + "bootstrap intervals over people and the largest gap between groups, flagged where its interval "
                + "excludes zero. Writes audit_groups.csv, audit_gaps.csv, audit_recordings.csv and audit.html (plots "
                + "embedded) to --output, and prints the table. Faces are paired by their landmarks where both files "
                + "carry them (as validate pairs them), else by time or frame and face number.",
                "Exit status: 0 audited; 1 a file could not be read or written; 2 bad arguments; 3 no recording compared."})
final class AuditCommand implements Callable<Integer> {
    @Option(names = "--results", required = true, paramLabel = "DIR",
            description = "Results to audit: a file per recording named by its id (e.g. analyze's <id>.csv), any supported format.")
    Path results;

    @Option(names = "--reference", required = true, paramLabel = "DIR", description = "Reference outputs named the same way (e.g. <id>.csv.gz).")
    Path references;

    @Option(names = "--groups", required = true, paramLabel = "TABLE.csv", description = "One row per recording: id, person and group labels.")
    Path groups;

    @Option(names = "--by", required = true, split = ",", paramLabel = "COLUMN", description = "The group columns, comma-separated.")
    List<String> columns;

    @Option(names = "--id", defaultValue = "id", paramLabel = "COLUMN", description = "Recording id column (default: ${DEFAULT-VALUE}).")
    String idColumn;

    @Option(names = "--person", defaultValue = "person", paramLabel = "COLUMN", description = "Person column (default: ${DEFAULT-VALUE}).")
    String personColumn;

    @Option(names = "--drop-notes", description = "Drop notes in parentheses from labels: 'light (East Asian)' -> 'light'.")
    boolean dropNotes;

    @Option(names = "--bins", paramLabel = "COLUMN=EDGES", description = "Bin a column of numbers or bands at these edges, "
            + "e.g. apparent_age_band=18,40,60 (a band counts at its middle).")
    Map<String, String> bins = new LinkedHashMap<>();

    @Option(names = {"-o", "--output"}, defaultValue = "audit", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--bootstrap", defaultValue = "2000", paramLabel = "N", description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--frame-rate", defaultValue = "30", paramLabel = "FPS", description = "For files without times (default: ${DEFAULT-VALUE}).")
    double frameRate;

    @Option(names = "--labels-note", paramLabel = "TEXT", description = "What the labels are, for the report "
            + "(default: says they are taken as the table gives them).")
    String labelsNote;

    @Override
    public Integer call() {
        Map<String, double[]> edges = new LinkedHashMap<>();
        try {
            bins.forEach((column, list) -> edges.put(column, Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray()));
        } catch (NumberFormatException e) {
            System.err.println("facsflow audit: --bins wants COLUMN=number,number,...: " + e.getMessage());
            return 2;
        }
        if (replicates < 1) {
            System.err.println("facsflow audit: --bootstrap must be at least 1");
            return 2;
        }
        for (Path dir : List.of(results, references))
            if (!Files.isDirectory(dir)) {
                System.err.println("facsflow audit: " + dir + ": not a folder");
                return 1;
            }
        GroupTable table;
        try {
            table = GroupTable.read(TextFile.read(groups), idColumn, personColumn, columns, dropNotes, edges);
        } catch (IOException e) {
            System.err.println("facsflow audit: " + e.getMessage());
            return 1;
        }
        Bootstrap bootstrap = new Bootstrap(replicates, 0.95, Bootstrap.DEFAULT.seed());
        FairnessAudit.Result result = FairnessAudit.run(results, references, table, frameRate, bootstrap);
        for (FairnessAudit.Skipped s : result.skipped()) System.err.println("facsflow audit: skipped " + s.id() + ": " + s.reason());
        if (result.recordings().isEmpty()) {
            System.err.println("facsflow audit: no recording of " + groups + " has both a result and a reference");
            return 3;
        }
        String note = labelsNote != null ? labelsNote : "Group labels: columns " + String.join(", ", columns) + " of "
                + groups.getFileName() + ", as that table gives them.";
        try {
            AuditReport.write(output, result, bootstrap, note);
        } catch (IOException e) {
            System.err.println("facsflow audit: cannot write " + output + ": " + e.getMessage());
            return 1;
        }
        System.out.print(AuditReport.markdown(result));
        System.out.println();
        for (FairnessAudit.Gap g : result.gaps())
            System.out.printf(Locale.ROOT, "largest gap, %s by %s: %s - %s = %.3f %s%s%n", g.measure(), g.column(), g.higher(),
                    g.lower(), g.gap(), g.interval().format(), g.flagged() ? "  FLAGGED (interval excludes 0)" : "");
        System.out.println("report: " + output.resolve("audit.html"));
        return 0;
    }
}
