package org.facsflow.apps;

import org.facsflow.face.FaceAnalyzer;
import org.facsflow.models.AssetStore;
import org.facsflow.models.AssetUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code facsflow analyze}: measure every face in the given images and write OpenFace-style CSVs. */
@Command(name = "analyze", sortOptions = false,
        description = {"Measure every face in images (files or folders): 468-point mesh, iris, 68 iBUG landmarks, "
                + "head pose and gaze, one CSV per input with OpenFace 2's column names.",
                "Exit status: 0 all inputs analysed; 1 some input could not be read; 3 no face in any input."})
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Image files or folders of images.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR", defaultValue = "facsflow-output",
            description = "Folder for the results (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Option(names = "--overlay", description = "Also write each image with boxes, landmarks, pose axes and gaze rays drawn on it.")
    boolean overlay;

    @Option(names = "--mesh", description = "Add the 478-point mesh to the CSV (identifying data: off by default) and draw it on overlays.")
    boolean mesh;

    @Option(names = "--plain-csv", description = "Separate fields with ',' instead of OpenFace's ', '.")
    boolean plainCsv;

    @Override
    public Integer call() {
        try (FaceAnalyzer analyzer = FaceAnalyzer.create(AssetStore.standard())) {
            ImageJob job = new ImageJob(analyzer, outputDir, new ImageJob.Options(overlay, mesh, plainCsv), System.out, System.err);
            return job.run(inputs).exitCode();
        } catch (AssetUnavailableException e) {
            System.err.println("facsflow: " + e.getMessage());
            return 2;
        }
    }
}
