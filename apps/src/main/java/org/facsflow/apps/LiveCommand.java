package org.facsflow.apps;

import org.facsflow.apps.live.DisplayUnavailableException;
import org.facsflow.apps.live.LiveSession;
import org.facsflow.apps.live.LiveSummary;
import org.facsflow.models.AssetStore;
import org.facsflow.models.AssetUnavailableException;
import org.facsflow.media.MediaException;
import org.facsflow.pipeline.table.ResultCsvWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code facsflow live}: the real-time AU visualiser. */
@Command(name = "live", sortOptions = false,
        description = {"Show a camera, a filter graph or a video (played at its own pace) in a window: face box, "
                + "68 points or mesh, head pose and gaze over the frame, and each face's AU intensity bars beside it, "
                + "with the frame rate, dropped frames and the latency from capture to display.",
                "Keys: space pause/resume; m mesh or 68 points; p pose axes; g gaze rays; b AU bars; n take the next "
                        + "2 s as each face's neutral; r start/stop recording the AU and face CSV (and the video with "
                        + "--record-video); s screenshot; q or Esc quit.",
                "Exit status: 0 quit or the source ended; 1 the source could not be opened or was lost; "
                        + "2 models not prepared (run setup); 4 no display."})
public final class LiveCommand implements Callable<Integer> {
    static final class Input {
        @Option(names = "--camera", paramLabel = "N", description = "The camera /dev/videoN (default: 0).")
        Integer camera;

        @Option(names = "--source", paramLabel = "SOURCE",
                description = "A video file (played at its frame times), frames:FOLDER (its images as one video, "
                        + "played at --frame-rate) or lavfi:GRAPH, e.g. lavfi:testsrc2=size=640x480:rate=30,realtime")
        String source;

        String spec() {
            return source != null ? source : "camera:" + (camera == null ? 0 : camera);
        }
    }

    @ArgGroup(exclusive = true)
    Input input = new Input();

    @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR", defaultValue = "facsflow-output",
            description = "Folder for recordings and screenshots (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Option(names = "--record-video", description = "Let r record the frames as MP4 too (they identify the person: off by default).")
    boolean recordVideo;

    @Option(names = "--openface-spaces", description = "Separate recorded fields with OpenFace 2.0's ', ' instead of ','.")
    boolean openFaceSpaces;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this many seconds (default: until q or the end of the source).")
    Double duration;

    @Mixin
    FrameRateOption frameRate;

    @Override
    public Integer call() {
        return run(System.out, System.err);
    }

    int run(PrintStream out, PrintStream err) {
        if (duration != null && !(duration > 0)) {
            err.println("facsflow live: --duration must be more than 0 seconds");
            return 1;
        }
        if (!(frameRate.framesPerSecond > 0)) {
            err.println("facsflow live: --frame-rate must be more than 0");
            return 1;
        }
        var problem = LiveSession.displayProblem();
        if (problem.isPresent()) {
            err.println("facsflow live: " + problem.get() + ". The live window needs a desktop session; "
                    + "to analyse files without one, use facsflow analyze.");
            return 4;
        }
        LiveSession.Options options = new LiveSession.Options(input.spec(), frameRate.framesPerSecond, outputDir, recordVideo,
                openFaceSpaces ? ResultCsvWriter.OPENFACE_SPACES : ResultCsvWriter.PLAIN,
                duration == null ? Double.POSITIVE_INFINITY : duration);
        try {
            LiveSession session = LiveSession.start(options, AssetStore.standard(), out);
            LiveSummary summary = session.await();
            for (String line : summary.lines()) (summary.exitCode() == 0 ? out : err).println("facsflow live: " + line);
            return summary.exitCode();
        } catch (MediaException e) {
            err.println("facsflow live: " + e.getMessage());
            return 1;
        } catch (AssetUnavailableException e) {
            err.println("facsflow: " + e.getMessage());
            return 2;
        } catch (DisplayUnavailableException e) {
            err.println("facsflow live: " + e.getMessage());
            return 4;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("facsflow live: interrupted");
            return 1;
        }
    }
}
