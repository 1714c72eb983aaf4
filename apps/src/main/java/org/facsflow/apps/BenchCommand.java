package org.facsflow.apps;

import org.facsflow.face.StageTimes;
import org.facsflow.face.track.TrackingPipeline;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.PipelineSettings;
import org.facsflow.pipeline.VideoInput;
import org.facsflow.pipeline.VideoSummary;
import org.facsflow.pipeline.table.ResultCsvWriter;
import org.facsflow.media.MediaException;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;
import org.facsflow.models.AssetUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code facsflow bench}: how fast the video path runs here, end to end (decode, track, measure, smooth, CSV), and
 * where the time goes. Speed is measured here, never asserted in a test (DEVELOPERS.md).
 */
@Command(name = "bench", sortOptions = false,
        description = {"Analyse a video as `analyze` does (CSV into a temporary folder, deleted afterwards) and report "
                + "frames, wall time, end-to-end frames per second, the process's CPU time per frame and how many cores "
                + "it kept busy, the CPU milliseconds per frame of each stage (summed over threads) and peak memory "
                + "(VmHWM).",
                "Model loading and the warm-up frames are not counted."})
final class BenchCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(paramLabel = "VIDEO", description = "A video file (or camera:N, lavfi:GRAPH).")
    String video;

    @Option(names = "--frames", paramLabel = "N", description = "Only the first N frames (default: all).")
    long frames;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "200",
            description = "Frames analysed once before measuring, so the JIT and ONNX Runtime are warm (with 30, this"
                    + " machine measured 5-10%% fewer frames/s) (default: ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--threads", paramLabel = "N",
            description = "Measuring threads, as for analyze (default: 1 on a machine with 2 cores or fewer, else 2).")
    Integer threads;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Mixin
    EveryFrameOption everyFrame;

    @Override
    public Integer call() {
        Path scratch = null;
        long loadStart = System.nanoTime();
        AssetStore store = AssetStore.standard();
        PipelineSettings settings = everyFrame.applyTo(PipelineSettings.DEFAULT.withMeasuringThreads(measuringThreads()));
        try (Pipeline pipeline = Pipeline.load(store, settings)) {
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            scratch = Files.createTempDirectory("facsflow-bench");
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            if (warmup > 0) job(pipeline, scratch, warmup, quiet).analyzeVideo(video);
            long cpuStart = processCpuNanos();
            VideoJob.Result result = job(pipeline, scratch, frames > 0 ? frames : VideoInput.UNLIMITED, quiet).analyzeVideo(video);
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            String input = describe(video);
            long peakKib = peakRssKib();
            Figures f = new Figures(input, result.summary(), result.seconds(), loadSeconds, cpuSeconds, peakKib);
            System.out.print(json ? json(f) : text(f));
            return 0;
        } catch (AssetUnavailableException e) {
            System.err.println("facsflow: " + e.getMessage());
            return 2;
        } catch (MediaException e) {
            System.err.println("facsflow: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("facsflow bench: " + e.getMessage());
            return 1;
        } finally {
            deleteQuietly(scratch);
        }
    }

    private VideoJob job(Pipeline pipeline, Path dir, long maxFrames, PrintStream quiet) {
        OutputNames names = OutputNames.assign(dir, List.of(video), i -> VideoJob.SUFFIXES, VideoJob::stem, quiet);
        return new VideoJob(pipeline, VideoSources::open, names, new VideoJob.Options(false, false, ResultCsvWriter.PLAIN,
                false, maxFrames, Double.POSITIVE_INFINITY), quiet, quiet);
    }

    /** What one benchmark run measured. */
    private record Figures(String input, VideoSummary result, double seconds, double loadSeconds, double cpuSeconds,
                           long peakKib) {
        long frames() {
            return Math.max(1, result.frames());
        }

        double cpuMillisPerFrame() {
            return cpuSeconds * 1000 / frames();
        }

        double busyCores() {
            return cpuSeconds / seconds;
        }
    }

    private String text(Figures f) {
        VideoSummary r = f.result();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "input      %s%n", f.input()));
        b.append(String.format(Locale.ROOT, "machine    %d cores, Java %s; %d measuring thread(s)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version().feature(), measuringThreads()));
        b.append(String.format(Locale.ROOT, "schedule   %s%n", everyFrame.everyFrame
                ? "both expression models and the occlusion check on every frame (--every-frame)"
                : "occlusion check and expression models (taking turns) 10 times a second per face"));
        b.append(String.format(Locale.ROOT, "frames     %d (%d with a face, %d face id(s))%n", r.frames(), r.framesWithFace(), r.faceIds()));
        b.append(String.format(Locale.ROOT, "wall       %.2f s, decode to CSV (models loaded in %.1f s and %d warm-up frames before, not counted)%n",
                f.seconds(), f.loadSeconds(), warmup));
        b.append(String.format(Locale.ROOT, "speed      %.1f frames/s end to end%n", r.frames() / f.seconds()));
        b.append(String.format(Locale.ROOT, "cpu        %.2f ms/frame, %.2f of %d cores busy%n", f.cpuMillisPerFrame(),
                f.busyCores(), Runtime.getRuntime().availableProcessors()));
        b.append("stage   cpu ms/frame   calls\n");
        for (StageTimes.Stage s : StageTimes.Stage.values())
            b.append(String.format(Locale.ROOT, "  %-11s %7.3f %7d%n", s.label(), r.times().millis(s) / f.frames(), r.times().calls(s)));
        b.append(String.format(Locale.ROOT, "  %-11s %7.3f   (the rest of the cpu time: queues, smoothing, JIT, GC)%n", "sum",
                sum(r.times()) / f.frames()));
        b.append(String.format(Locale.ROOT, "peak RSS   %.0f MiB%n", f.peakKib() / 1024.0));
        return b.toString();
    }

    private String json(Figures f) {
        VideoSummary r = f.result();
        StringBuilder b = new StringBuilder("{");
        b.append("\"input\": \"").append(f.input().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        b.append(String.format(Locale.ROOT, ", \"cores\": %d, \"measuring_threads\": %d, \"every_frame\": %b, \"frames\": %d, \"frames_with_face\": %d",
                Runtime.getRuntime().availableProcessors(), measuringThreads(), everyFrame.everyFrame, r.frames(), r.framesWithFace()));
        b.append(String.format(Locale.ROOT, ", \"wall_seconds\": %.3f, \"fps\": %.2f, \"model_load_seconds\": %.2f, \"warmup_frames\": %d",
                f.seconds(), r.frames() / f.seconds(), f.loadSeconds(), warmup));
        b.append(String.format(Locale.ROOT, ", \"cpu_ms_per_frame\": %.3f, \"busy_cores\": %.2f", f.cpuMillisPerFrame(), f.busyCores()));
        b.append(", \"stage_cpu_ms_per_frame\": {");
        String sep = "";
        for (StageTimes.Stage s : StageTimes.Stage.values()) {
            b.append(sep).append(String.format(Locale.ROOT, "\"%s\": %.3f", s.label(), r.times().millis(s) / f.frames()));
            sep = ", ";
        }
        b.append(String.format(Locale.ROOT, "}, \"peak_rss_mib\": %.1f}%n", f.peakKib() / 1024.0));
        return b.toString();
    }

    private static double sum(StageTimes times) {
        double total = 0;
        for (StageTimes.Stage s : StageTimes.Stage.values()) total += times.millis(s);
        return total;
    }

    /** Path, size, frame rate and frame count, as the container states them. */
    private static String describe(String spec) throws MediaException {
        try (VideoSource source = VideoSources.open(spec)) {
            return String.format(Locale.ROOT, "%s (%dx%d, %.3f fps, %d frames in the container)", spec, source.width(),
                    source.height(), source.frameRate(), source.frameCountEstimate());
        }
    }

    private int measuringThreads() {
        return threads != null ? threads : TrackingPipeline.defaultMeasuringThreads();
    }

    /** CPU time of the whole process, all threads (JVM and native libraries' own threads too). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The process's peak resident memory, from Linux's /proc (0 elsewhere). */
    static long peakRssKib() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
