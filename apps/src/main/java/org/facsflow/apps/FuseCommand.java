package org.facsflow.apps;

import org.facsflow.fusion.FusionRun;
import org.facsflow.fusion.SignalSource;
import org.facsflow.fusion.signal.SignalFileException;
import org.facsflow.fusion.signal.SignalFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code facsflow fuse}: the face beside the voice and physiology, on one timeline ({@link FusionRun}). */
@Command(name = "fuse", sortOptions = false,
        description = {"Fuse an analysis CSV (with its voice_* columns when the video had speech) with physiological and "
                + "behavioural signals: skin conductance, heart rate or inter-beat intervals, eye-tracker, keyboard and "
                + "mouse events, from CSVs with a time column or Empatica E4 exports. Each file's clock is put on the "
                + "video's by --sync, then everything is resampled onto windows (gaps stay gaps). Writes <stem>_early.csv "
                + "(every source's windowed features, raw and standardised per person), <stem>_fusion.csv (arousal, "
                + "valence and engagement: face only, each source, fused with reliability weights, each source's share) "
                + "and a plot per face.",
                "Exit status: 0 fused; 1 a file could not be read or its clock aligned; 2 bad arguments."})
final class FuseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RESULTS", description = "An analysis CSV written by analyze.")
    Path results;

    @Option(names = "--signals", paramLabel = "FILE", description = "A signal file (repeatable).")
    List<Path> signals = new ArrayList<>();

    @Option(names = "--sync", paramLabel = "SPEC", description = "How a signal file's clock maps onto the video's: "
            + "offset=S (the file's clock reads S s at the video's 0; for E4 the Unix time the video started), or "
            + "markers=FILE (the times of sync events on the file's clock, one per line, e.g. an E4 tags.csv; "
            + "with --video-markers; two or more correct clock drift). Once for all files, or once per --signals, in order.")
    List<String> syncs = new ArrayList<>();

    @Option(names = "--video-markers", paramLabel = "TIMES", description = "The sync events' times in the video, "
            + "seconds: a comma-separated list or a file of times.")
    String videoMarkers;

    @Option(names = "--window", paramLabel = "SECONDS", defaultValue = "1", description = "Analysis window length (default: ${DEFAULT-VALUE}).")
    double window;

    @Option(names = "--face", paramLabel = "ID", description = "The face the signals belong to (default: the face measured most often).")
    Integer face;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR", description = "Folder for the outputs (default: the CSV's folder).")
    Path outputDir;

    @Option(names = "--no-plot", description = "Do not write the plots.")
    boolean noPlot;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!(window > 0)) throw new CommandLine.ParameterException(spec.commandLine(), "--window must be positive");
        if (!signals.isEmpty() && syncs.size() != 1 && syncs.size() != signals.size())
            throw new CommandLine.ParameterException(spec.commandLine(), "give --sync once for all signal files or once per "
                    + "--signals (" + signals.size() + " files, " + syncs.size() + " --sync)");
        List<SignalSource> sources = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) sources.add(new SignalSource(signals.get(i), syncs.get(syncs.size() == 1 ? 0 : i)));
        Path out = outputDir != null ? outputDir : results.toAbsolutePath().getParent();
        try {
            FusionRun.Outcome outcome = new FusionRun(results, sources, markers(), window, face, out, !noPlot).run();
            for (String note : outcome.notes()) System.out.println(note);
            System.out.println("signals belong to face " + outcome.signalsFace());
            System.out.println("early fusion: " + outcome.early());
            System.out.println("late fusion: " + outcome.late());
            for (Path png : outcome.plots()) System.out.println("plot: " + png);
            return 0;
        } catch (IOException e) {
            System.err.println("facsflow fuse: " + e.getMessage());
            return 1;
        }
    }

    private double[] markers() throws SignalFileException {
        if (videoMarkers == null) return null;
        Path file = Path.of(videoMarkers);
        if (Files.isRegularFile(file)) return SignalFiles.times(file);
        String[] parts = videoMarkers.split(",");
        double[] t = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) t[i] = Double.parseDouble(parts[i].trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--video-markers wants seconds such as 3.2,65.8 or a file of them, not " + videoMarkers);
        }
        return t;
    }
}
