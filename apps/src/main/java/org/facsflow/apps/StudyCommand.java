package org.facsflow.apps;

import org.facsflow.study.Design;
import org.facsflow.study.ManifestException;
import org.facsflow.study.PipelineExtractor;
import org.facsflow.study.RunProgress;
import org.facsflow.study.StudyData;
import org.facsflow.study.StudyExtractor;
import org.facsflow.study.StudyManifest;
import org.facsflow.study.StudyRunner;
import org.facsflow.study.VideoExtractor;
import org.facsflow.study.VideoStatus;
import org.facsflow.study.compare.ComparisonResult;
import org.facsflow.study.compare.StudyComparison;
import org.facsflow.study.metrics.MetricSettings;
import org.facsflow.study.metrics.StudyMetrics;
import org.facsflow.study.report.StudyReport;
import org.facsflow.study.simulate.SyntheticExtractor;
import org.facsflow.study.simulate.SyntheticStudy;
import org.facsflow.study.stats.StatsSettings;
import org.facsflow.models.AssetStore;
import org.facsflow.models.AssetUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code facsflow study}: extract a manifest's recordings, compare two conditions, report; or simulate a study. */
@Command(name = "study", mixinStandardHelpOptions = true, description = "Analyse a study: AU time series of every recording in a manifest, metrics per "
        + "participant and condition, statistics comparing two conditions, and an HTML report.",
        subcommands = {StudyCommand.Run.class, StudyCommand.Compare.class, StudyCommand.Simulate.class})
final class StudyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, description = {
            "Extract every recording of MANIFEST into STUDYDIR (per-video Parquet, then STUDYDIR/study.duckdb). "
                    + "Rerunning skips videos whose results are complete and whose file is unchanged.",
            "Manifest: CSV with columns participant, condition, video (relative to the manifest), optional onset and "
                    + "duration (seconds; nothing after onset + duration is decoded or stored); other columns are covariates.",
            "A damaged result file (its SHA-256 no longer matches) is extracted again. One run per STUDYDIR at a time: "
                    + "a second is refused, naming the first (a killed run's lock is released by the system).",
            "Progress goes to stderr: one line redrawn on a terminal, else a plain line per video and every 5 s.",
            "Exit status: 0 every video done or skipped; 1 some video failed; 2 unusable manifest, STUDYDIR in use, "
                    + "or models not prepared."})
    static final class Run implements Callable<Integer> {
        @Parameters(paramLabel = "MANIFEST", description = "The study manifest (CSV).")
        Path manifest;

        @Option(names = {"-o", "--output"}, paramLabel = "STUDYDIR", required = true, description = "The study folder.")
        Path studyDir;

        @Option(names = "--threads", defaultValue = "" + StudyRunner.DEFAULT_THREADS,
                description = "Videos extracted at once (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--redo", description = "Extract every video again (e.g. after a model update).")
        boolean redo;

        @Option(names = "--no-voice", description = "Leave the videos' sound alone: no voice metrics (by default a video "
                + "file with speech gets the participant's speaking share, level, pitch and syllable rate).")
        boolean noVoice;

        @Option(names = "--synthetic", hidden = true, description = "Use the simulation of 'study simulate' as extractor.")
        boolean synthetic;

        @Override
        public Integer call() {
            // The real pipeline (or another tool's AU file read as it is), one extractor per worker thread.
            VideoExtractor.Factory extractors = synthetic ? SyntheticExtractor::new : () -> new StudyExtractor(AssetStore.standard(), !noVoice);
            try {
                String settings = synthetic ? SyntheticExtractor.SETTINGS : PipelineExtractor.extractionSettings(!noVoice);
                return StudyCommand.run(StudyManifest.read(manifest), studyDir, extractors, settings, threads, redo);
            } catch (AssetUnavailableException e) {
                System.err.println("facsflow: " + e.getMessage());
                return 2;
            } catch (ManifestException | IOException | IllegalArgumentException e) {
                System.err.println("facsflow: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, description = {
            "Compare two conditions of a study: a verdict in plain words first, then per-metric tests (paired or "
                    + "independent, from the design): permutation tests with the intervals that invert them, "
                    + "Benjamini-Hochberg FDR, effect sizes with noncentral-t intervals; CSVs of every number and, with "
                    + "--report, report.html. Simulated data are labelled SIMULATED everywhere.",
            "Exit status: 0 compared; 2 no study database or unknown condition."})
    static final class Compare implements Callable<Integer> {
        @Parameters(paramLabel = "STUDYDIR", description = "A study folder written by 'facsflow study run'.")
        Path studyDir;

        @Option(names = "--a", required = true, paramLabel = "CONDITION", description = "First condition (differences are A minus B).")
        String a;

        @Option(names = "--b", required = true, paramLabel = "CONDITION", description = "Second condition.")
        String b;

        @Option(names = "--report", description = "Also write the self-contained HTML report.")
        boolean report;

        @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR",
                description = "Folder for the results (default: STUDYDIR/compare-A-vs-B).")
        Path outputDir;

        @Override
        public Integer call() {
            try {
                ComparisonResult result = new StudyComparison(MetricSettings.DEFAULT, StatsSettings.DEFAULT)
                        .compare(StudyData.open(studyDir), a, b);
                Path out = outputDir != null ? outputDir
                        : studyDir.resolve("compare-" + (a + "-vs-" + b).replaceAll("[^A-Za-z0-9.-]", "-"));
                List<Path> written = StudyReport.write(result, out, report);
                System.out.print(StudyReport.consoleTable(result));
                System.out.println();
                System.out.println(StudyReport.summaryText(result));
                System.out.println("Wrote " + written.size() + " files to " + out
                        + (report ? "; open " + out.resolve(StudyReport.HTML) : ""));
                return 0;
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("facsflow: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false, description = {
            "Write and extract a simulated A/B study (conditions AdA and AdB; AU time series from a simulation, not "
                    + "from faces) to see the whole analysis: then run 'facsflow study compare STUDYDIR --a AdA --b AdB --report'."})
    static final class Simulate implements Callable<Integer> {
        @Option(names = {"-o", "--output"}, paramLabel = "STUDYDIR", required = true, description = "The study folder.")
        Path studyDir;

        @Option(names = "--participants", defaultValue = "12", description = "Participants per condition (default: ${DEFAULT-VALUE}).")
        int participants;

        @Option(names = "--design", defaultValue = "WITHIN",
                description = "WITHIN (everyone watches both ads) or BETWEEN (each watches one) (default: ${DEFAULT-VALUE}).")
        Design design;

        @Option(names = "--smile-ratio", defaultValue = "0.5",
                description = "AdB's smiling relative to AdA's; 1 = no difference (default: ${DEFAULT-VALUE}).")
        double smileRatio;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulation (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            try {
                Path manifest = new SyntheticStudy(participants, design, smileRatio, seed).write(studyDir);
                int status = StudyCommand.run(StudyManifest.read(manifest), studyDir, SyntheticExtractor::new,
                        SyntheticExtractor.SETTINGS, StudyRunner.DEFAULT_THREADS, false);
                System.out.println("Next: facsflow study compare " + studyDir + " --a " + SyntheticStudy.A + " --b "
                        + SyntheticStudy.B + " --report");
                return status;
            } catch (IOException | ManifestException | IllegalArgumentException e) {
                System.err.println("facsflow: " + e.getMessage());
                return 2;
            }
        }
    }

    private static int run(StudyManifest manifest, Path studyDir, VideoExtractor.Factory extractors, String settings,
                           int threads, boolean redo) throws IOException {
        StudyRunner runner = new StudyRunner(extractors, settings, threads, new StudyMetrics(MetricSettings.DEFAULT),
                RunProgress.forConsole(System.err));
        StudyRunner.RunResult result = runner.run(manifest, studyDir, redo);
        System.out.print(result.table());
        System.out.printf("%n%d videos (%s): %d done, %d skipped, %d failed. Study database: %s%n",
                result.videos().size(), manifest.design().label(), result.count(VideoStatus.State.DONE),
                result.count(VideoStatus.State.SKIPPED), result.count(VideoStatus.State.FAILED), result.database());
        return result.count(VideoStatus.State.FAILED) > 0 ? 1 : 0;
    }
}
