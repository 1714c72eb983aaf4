package org.facsflow.apps;

import org.facsflow.modelprep.AssetPreparer;
import org.facsflow.models.AssetStore;
import org.facsflow.pipeline.table.ResultCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Obtains and converts every model and test medium, verifies them, then analyses the demo input so a newcomer sees
 * real output. Running it again does no network work.
 */
@Command(name = "setup", description = "Obtain the models from their registry packages, convert and verify them, then run the demo.")
final class SetupCommand implements Callable<Integer> {
    /** The demo input: a group photo from @vladmandic/face-api's demo folder. */
    static final String DEMO_ASSET = "group-photo-1";

    @Option(names = "--no-demo", description = "Only prepare the models and media.")
    boolean noDemo;

    @Option(names = "--demo-output", paramLabel = "DIR", defaultValue = "facsflow-output/demo",
            description = "Where the demo writes (default: ${DEFAULT-VALUE}).")
    Path demoOutput;

    @Option(names = "--accept-new-hashes", hidden = true,
            description = "Maintainers: prepare everything anew and print the actual SHA-256 of each file for the catalogue.")
    boolean acceptNewHashes;

    @Override
    public Integer call() {
        AssetStore store = AssetStore.standard();
        try {
            List<AssetPreparer.Outcome> outcomes = new AssetPreparer(store, System.out::println).prepareAll(acceptNewHashes);
            for (AssetPreparer.Outcome o : outcomes)
                if (acceptNewHashes) System.out.println("sha256 " + o.asset().name() + " " + o.actualSha256());
        } catch (IOException e) {
            System.err.println("facsflow setup: " + e.getMessage());
            return 2;
        }
        long present = store.catalog().all().stream().filter(a -> store.status(a) == AssetStore.Status.PRESENT).count();
        System.out.printf("%d of %d models and media ready in %s (./facsflow models lists them)%n",
                present, store.catalog().all().size(), store.home());
        if (noDemo || acceptNewHashes) return 0;
        System.out.println("\nDemo: analysing " + DEMO_ASSET + " with overlay into " + demoOutput);
        List<String> demo = List.of(store.require(DEMO_ASSET).toString());
        OutputNames names = OutputNames.assign(demoOutput, demo, i -> ImageJob.SUFFIXES, i -> Batch.baseName(Path.of(i)), System.err);
        try (ImageJob job = ImageJob.create(store, 1, 1, names, new ImageJob.Options(true, false, ResultCsvWriter.PLAIN), System.out)) {
            return job.run(demo).exitCode();
        }
    }
}
