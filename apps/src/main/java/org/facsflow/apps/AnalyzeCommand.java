package org.facsflow.apps;

import org.facsflow.media.StillImages;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;
import org.facsflow.models.AssetUnavailableException;
import org.facsflow.pipeline.Baseline;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.PipelineSettings;
import org.facsflow.pipeline.VideoInput;
import org.facsflow.pipeline.table.ResultCsvWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code facsflow analyze}: measure every face in images, videos and live sources and write OpenFace-style CSVs. */
@Command(name = "analyze", sortOptions = false,
        description = {"Measure every face in images, videos (files or folders of them), cameras and FFmpeg filter "
                + "graphs: 468-point mesh, iris, 68 iBUG landmarks, head pose and gaze, Action Units (intensity, "
                + "presence, left/right, FACS letters), emotions and valence/arousal; one CSV per input with "
                + "OpenFace 2's column names (videos also get AU events, co-occurrence and a circumplex plot). Videos are tracked: stable face ids, smoothed values, a row with "
                + "success=0 where a tracked face is not found (and for frames without any face).",
                "Exit status: 0 all inputs analysed; 1 some input could not be read; 2 models missing or bad "
                        + "arguments; 3 no face in any input."})
final class AnalyzeCommand implements Callable<Integer> {
    /** The exit status of a run stopped by Ctrl-C or a kill (128 + SIGINT), as a shell reports one. */
    static final int INTERRUPTED = 130;

    @Parameters(arity = "0..*", paramLabel = "INPUT",
            description = "Image or video files, folders of them, or sources: camera:N, lavfi:GRAPH "
                    + "(e.g. lavfi:testsrc2=size=640x480:rate=30), frames:FOLDER (the folder's images as one video, "
                    + "in natural name order, like OpenFace's -fdir). Files with an image extension are read as "
                    + "images, all others as videos.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--camera", paramLabel = "N", description = "Also analyse camera N (/dev/videoN); stop it with "
            + "--max-frames, --duration or Ctrl-C (the CSV is completed).")
    Integer camera;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR", defaultValue = "facsflow-output",
            description = "Folder for the results (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Option(names = "--overlay", description = "Also write each input with boxes, landmarks, pose axes and gaze rays "
            + "drawn on it (a JPEG per image, an MP4 per video).")
    boolean overlay;

    @Option(names = "--mesh", description = "Add the 478-point mesh to the CSV (identifying data: off by default) and draw it on overlays.")
    boolean mesh;

    @Option(names = "--openface-spaces", description = "Separate fields with OpenFace 2.0's ', ' instead of ',' (for "
            + "scripts written for OpenFace's files; pandas and R then read empty cells as text).")
    boolean openFaceSpaces;

    @Option(names = "--parquet", description = "Videos: also write the CSV's table as Parquet.")
    boolean parquet;

    @Option(names = "--raw", description = "Videos: write each frame's own measurements instead of the values smoothed over time.")
    boolean raw;

    @Option(names = "--no-voice", description = "Videos: leave the audio track alone. By default a video file with an "
            + "audio track gets the voice_* columns (pitch, loudness, voice activity, syllable rate) on the row of the "
            + "face that is speaking; a silent or music track leaves them empty.")
    boolean noVoice;

    @Option(names = "--max-frames", paramLabel = "N", description = "Videos: stop after N frames (at least 1).")
    Long maxFrames;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Videos: stop at this time in the video (or after this long on a live source).")
    Double duration;

    @CommandLine.Mixin
    FrameRateOption frameRate;

    @Option(names = "--threads", paramLabel = "N",
            description = "Videos: threads that measure faces besides the thread that decodes and locates them; 0 measures "
                    + "on the locating thread (default: 1 on a machine with 2 cores or fewer, else 2). Images: how "
                    + "many are analysed at once (at least 1; default: " + ImageJob.DEFAULT_THREADS + ").")
    Integer threads;

    @Option(names = "--baseline", paramLabel = "MODE", defaultValue = "running",
            description = "Videos: each person's neutral face for AU coding: running (causal, one pass, as live) or "
                    + "offline (a first pass over the whole file, as OpenFace's dynamic models; twice the work) "
                    + "(default: ${DEFAULT-VALUE}). Recorded per row in au_baseline.")
    String baseline;

    @Option(names = "--neutral", paramLabel = "FROM-TO", description = "Videos: take this stretch as every person's "
            + "neutral face, e.g. 0:00-0:03 or 1.5-4 (seconds, or m:ss).")
    String neutral;

    @CommandLine.Mixin
    EveryFrameOption everyFrame;

    @Option(names = "--experimental-aus", description = "Also code and write the hand-set AUs that failed their check "
            + "(AuModel.experimental(), see docs/au-model-card.md: AU16, AU18, AU22, AU24, AU28); by default they are "
            + "left out of the CSV, the events and the EMFACS rules.")
    boolean experimentalAus;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<String> all = new ArrayList<>(inputs);
        if (camera != null) all.add("camera:" + camera);
        if (all.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(), "give an INPUT or --camera N");
        if ((threads != null && threads < 0) || (duration != null && !(duration > 0)) || !(frameRate.framesPerSecond > 0))
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads, --duration and --frame-rate must be positive");
        if (maxFrames != null && maxFrames < 1)
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-frames must be at least 1 (leave it out for every frame)");
        PipelineSettings settings = settings();
        Batch batch = new Batch(System.out, System.err);
        List<String> expanded = batch.expand(all);
        List<String> images = expanded.stream().filter(AnalyzeCommand::isImage).toList();
        boolean anyVideo = images.size() < expanded.size();
        try (CommandRun run = CommandRun.begin(System.err, anyVideo)) {
            int status = analyze(run, settings, batch, expanded, images, anyVideo);
            return run.interrupted() ? INTERRUPTED : status;
        }
    }

    private int analyze(CommandRun run, PipelineSettings settings, Batch batch, List<String> expanded, List<String> images,
                        boolean anyVideo) {
        AssetStore store = AssetStore.standard();
        OutputNames names = OutputNames.assign(outputDir, expanded, i -> isImage(i) ? ImageJob.SUFFIXES : VideoJob.SUFFIXES,
                i -> isImage(i) ? Batch.baseName(Path.of(i)) : VideoJob.stem(i), System.err);
        String separator = openFaceSpaces ? ResultCsvWriter.OPENFACE_SPACES : ResultCsvWriter.PLAIN;
        try (ImageJob imageJob = images.isEmpty() ? null : ImageJob.create(store, settings, threads != null ? threads : ImageJob.DEFAULT_THREADS,
                images.size(), names, new ImageJob.Options(overlay, mesh, separator), System.out);
             Pipeline pipeline = anyVideo ? Pipeline.load(store, settings) : null) {
            run.modelsLoaded();
            VideoJob videos = anyVideo ? new VideoJob(pipeline, s -> VideoSources.open(s, frameRate.framesPerSecond), names,
                    new VideoJob.Options(overlay, mesh, separator, parquet, maxFrames == null ? VideoInput.UNLIMITED : maxFrames,
                            duration == null ? Double.POSITIVE_INFINITY : duration, !noVoice), System.out, System.err) : null;
            List<Batch.Item> items = new ArrayList<>();
            for (String input : expanded) items.add(new Batch.Item(input, isImage(input) ? imageJob : videos));
            if (videos != null) run.onInterrupt(videos::interrupt);
            if (run.interrupted()) return INTERRUPTED;
            if (imageJob != null) imageJob.plan(images);
            return batch.run(items, run::interrupted).exitCode();
        } catch (AssetUnavailableException e) {
            run.modelsLoaded();
            System.err.println("facsflow: " + e.getMessage());
            return 2;
        }
    }

    /** The pipeline's settings from the options. */
    private PipelineSettings settings() {
        PipelineSettings settings = PipelineSettings.DEFAULT.withBaseline(baseline());
        if (threads != null) settings = settings.withMeasuringThreads(threads);
        settings = everyFrame.applyTo(settings);
        if (experimentalAus) settings = settings.withExperimentalAus();
        return raw ? settings.raw() : settings;
    }

    /** --baseline and --neutral as the AU coder's baseline; a neutral segment wins over the mode. */
    private Baseline baseline() {
        if (neutral != null) {
            String[] range = neutral.split("-");
            try {
                double from = seconds(range[0]), to = range.length == 2 ? seconds(range[1]) : Double.NaN;
                if (range.length == 2 && to > from && from >= 0) return Baseline.segment(from, to);
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new CommandLine.ParameterException(spec.commandLine(), "--neutral wants FROM-TO, e.g. 0:00-0:03, not " + neutral);
        }
        return switch (baseline) {
            case "running" -> Baseline.RUNNING;
            case "offline" -> Baseline.OFFLINE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--baseline is running or offline, not " + baseline);
        };
    }

    /** Seconds from "12.5" or "m:ss(.s)". */
    private static double seconds(String text) {
        String[] parts = text.trim().split(":");
        return parts.length == 1 ? Double.parseDouble(parts[0]) : Integer.parseInt(parts[0]) * 60 + Double.parseDouble(parts[1]);
    }

    /** Routing: an image extension means an image; sources and every other file are videos (FFmpeg says if not). */
    private static boolean isImage(String input) {
        return !VideoSources.isSourceSpec(input) && StillImages.isImage(Path.of(input));
    }
}
