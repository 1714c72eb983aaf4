package org.facsflow.apps;

import org.facsflow.facs.ActionUnit;
import org.facsflow.learn.OnDeviceProfile;
import org.facsflow.learn.ProfileBench;
import org.facsflow.learn.pilot.PilotAnalysis;
import org.facsflow.learn.pilot.PilotReport;
import org.facsflow.learn.pilot.PilotStore;
import org.facsflow.learn.pilot.SimulatedPilot;
import org.facsflow.learn.server.LearnOptions;
import org.facsflow.learn.server.LearnServer;
import org.facsflow.learn.server.PipelineAnalyser;
import org.facsflow.learn.signals.SignalExtractor;
import org.facsflow.learn.state.AuValidation;
import org.facsflow.learn.state.Rule;
import org.facsflow.learn.state.StateRules;
import org.facsflow.media.MediaException;
import org.facsflow.models.AssetStore;
import org.facsflow.models.AssetUnavailableException;
import org.facsflow.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** {@code facsflow learn}: the on-device adaptive learning app, its rules, its pilot study and its profile bench. */
@Command(name = "learn", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start the adaptive learning app on this computer: a local web page (127.0.0.1 only, opened "
                + "with the address printed, which carries this run's token) with arithmetic exercises that adapt to "
                + "the student's state (engaged, confused, frustrated, bored, away, fatigued) read from the camera and "
                + "the answers. Camera frames are analysed in memory and dropped; only the derived signals are kept, "
                + "in DATA/sessions/*.jsonl (and DATA/pilot.duckdb with --pilot). Ctrl-C stops it.",
                "Exit status: 0 stopped by request (130 on Ctrl-C); 1 bad rules file or data folder; 2 models not "
                        + "prepared (run setup)."},
        subcommands = {LearnCommand.Rules.class, LearnCommand.Simulate.class, LearnCommand.Report.class,
                LearnCommand.Bench.class})
final class LearnCommand implements Callable<Integer> {
    @Option(names = "--pilot", description = "Study mode: counterbalanced conditions (adaptive, non-adaptive), pre- "
            + "and post-test, the UES-SF questionnaire, everything in DATA/pilot.duckdb.")
    boolean pilot;

    @Option(names = {"-d", "--data"}, paramLabel = "DATA", defaultValue = "facsflow-learn",
            description = "Folder for session logs and the pilot's database (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Port on 127.0.0.1 (default: any free one).")
    int port;

    @Option(names = "--rules", paramLabel = "FILE", description = "A rule file of your own (start from 'facsflow learn rules --json').")
    Path rules;

    @Option(names = "--practice-minutes", paramLabel = "M", defaultValue = "10",
            description = "Pilot: minutes of practice per participant, paused time not counted (default: ${DEFAULT-VALUE}).")
    double practiceMinutes;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Pilot: the seed of the counterbalanced assignment of a new pilot database (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--profile", paramLabel = "light|full", defaultValue = "light",
            description = "The analyser: light (the state machine's measures at the lowest cost) or full (analyze's settings) (default: ${DEFAULT-VALUE}).")
    String profile;

    @Override
    public Integer call() {
        StateRules stateRules;
        OnDeviceProfile p;
        try {
            stateRules = loadRules(rules);
            p = OnDeviceProfile.valueOf(profile.toUpperCase(Locale.ROOT));
        } catch (IOException e) {
            System.err.println("facsflow learn: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("facsflow learn: --profile must be light or full, not " + profile);
            return 1;
        }
        stateRules.disabledMessages().forEach(m -> System.err.println("facsflow learn: " + m));
        try (CommandRun run = CommandRun.begin(System.err, false)) {
            PilotStore store = null;
            try (Pipeline pipeline = Pipeline.load(AssetStore.standard(), p.settings())) {
                run.modelsLoaded();
                if (pilot) store = PilotStore.open(data, seed, PilotStore.LIVE_FLUSH_SECONDS);
                CountDownLatch stopped = new CountDownLatch(1);
                try (LearnServer server = LearnServer.start(new LearnOptions(data, port, stateRules, pilot,
                        practiceMinutes * 60, seed, p.label()), new PipelineAnalyser(pipeline,
                        new SignalExtractor(stateRules.ausInUse())), store)) {
                    run.onInterrupt(stopped::countDown, "the session's log is kept");
                    System.out.println("facsflow learn" + (pilot ? " (pilot study)" : "") + ": open " + server.url());
                    System.out.println("  measuring " + stateRules.ausInUse().stream().map(ActionUnit::code)
                            .collect(Collectors.joining(", ")) + ", head pose and gaze with the " + p.label()
                            + " profile; storing signals only, in " + data.toAbsolutePath());
                    System.out.println("  Ctrl-C stops it.");
                    stopped.await();
                } finally {
                    if (store != null) store.close();
                }
                return 130;
            } catch (AssetUnavailableException e) {
                System.err.println("facsflow: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                System.err.println("facsflow learn: " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }
    }

    static StateRules loadRules(Path file) throws IOException {
        return file == null ? StateRules.standard(AuValidation.standard()) : StateRules.read(file, AuValidation.standard());
    }

    @Command(name = "rules", mixinStandardHelpOptions = true, description = {"List the state machine's rules: state, "
            + "the AUs each reads and whether the AU coder validates them (a rule reading one it does not is disabled), "
            + "what it tests, and its sources; or print the bundled rule file to start your own (--json)."})
    static final class Rules implements Callable<Integer> {
        @Option(names = "--rules", paramLabel = "FILE", description = "A rule file of your own instead of the bundled one.")
        Path rules;

        @Option(names = "--json", description = "Print the bundled rule file.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            if (json) {
                try (var in = StateRules.class.getResourceAsStream(StateRules.RESOURCE)) {
                    System.out.print(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
                return 0;
            }
            StateRules r;
            try {
                r = loadRules(rules);
            } catch (IOException e) {
                System.err.println("facsflow learn rules: " + e.getMessage());
                return 1;
            }
            System.out.println("Rules of " + r.source() + " (AUs the coder validates: fitted to reference codes):");
            for (Rule rule : r.rules()) {
                System.out.printf(Locale.ROOT, "%-28s %-10s AUs: %-12s %s%n", rule.id(), rule.state().label(),
                        rule.aus().isEmpty() ? "none" : rule.aus().stream().map(ActionUnit::code).collect(Collectors.joining("+")),
                        rule.enabled() ? "in use" : "DISABLED: " + rule.disabledBecause());
                System.out.println("    when " + rule.when().stream().map(c -> c.describe()).collect(Collectors.joining("; ")));
                System.out.println("    sources " + String.join(", ", rule.sources()));
            }
            System.out.println("AUs exported to the page and the log: " + r.ausInUse().stream().map(ActionUnit::code)
                    .collect(Collectors.joining(", ")));
            return 0;
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false, description = {"A SIMULATED "
            + "pilot: synthetic students (a documented model in which hints, encouragement and breaks help them) "
            + "go through the whole study with the real session and state machine, into OUT/pilot.duckdb; then the "
            + "analysis and its report in OUT/report/, labelled SIMULATED. It shows how the analysis works, nothing "
            + "about real students."})
    static final class Simulate implements Callable<Integer> {
        @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "A new folder.")
        Path out;

        @Option(names = "--students", paramLabel = "N", defaultValue = "24", description = "Default: ${DEFAULT-VALUE}.")
        int students;

        @Option(names = "--practice-minutes", paramLabel = "M", defaultValue = "10", description = "Default: ${DEFAULT-VALUE}.")
        double practiceMinutes;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
        long seed;

        @Override
        public Integer call() {
            if (Files.exists(out.resolve(PilotStore.FILE))) {
                System.err.println("facsflow learn simulate: " + out.resolve(PilotStore.FILE) + " exists: choose a new folder");
                return 1;
            }
            try (PilotStore store = PilotStore.open(out, seed, Double.POSITIVE_INFINITY)) {
                SimulatedPilot.run(store, StateRules.standard(AuValidation.standard()),
                        new SimulatedPilot.Settings(students, practiceMinutes * 60, seed));
                return Report.write(store, out.resolve("report"));
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("facsflow learn simulate: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = {"Analyse a pilot: learning gain and "
            + "engagement (UES-SF) by condition with effect sizes and intervals, and how the detected states agree "
            + "with the questionnaire; writes summary.txt and CSVs into OUT (default PILOTDIR/report)."})
    static final class Report implements Callable<Integer> {
        @Parameters(paramLabel = "PILOTDIR", description = "The folder holding pilot.duckdb (learn --pilot's DATA).")
        Path dir;

        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Where the report goes.")
        Path out;

        @Override
        public Integer call() {
            if (!Files.exists(dir.resolve(PilotStore.FILE))) {
                System.err.println("facsflow learn report: " + dir.resolve(PilotStore.FILE) + " not found");
                return 1;
            }
            try (PilotStore store = PilotStore.open(dir, 0, PilotStore.LIVE_FLUSH_SECONDS)) {
                return write(store, out != null ? out : dir.resolve("report"));
            } catch (IOException e) {
                System.err.println("facsflow learn report: " + e.getMessage());
                return 1;
            }
        }

        static int write(PilotStore store, Path out) throws IOException {
            PilotAnalysis.Result r = PilotAnalysis.analyse(store);
            if (r.participants().isEmpty()) {
                System.err.println("facsflow learn report: no participant has completed the pilot yet");
                return 1;
            }
            List<Path> files = PilotReport.write(r, out);
            System.out.print(Files.readString(files.get(0)));
            System.out.println("\nWritten: " + files.stream().map(Path::toString).collect(Collectors.joining(", ")));
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, description = {"Measure the "
            + "analyser's profiles on the frames the page would send (VIDEO at 10 frames a second, 320x240 JPEG): CPU "
            + "per frame, peak memory, and the light profile's drift from the full pipeline's signals and states. "
            + "Models load and 50 frames warm up before timing. For each profile's own peak memory run it alone "
            + "(--profile)."})
    static final class Bench implements Callable<Integer> {
        @Parameters(paramLabel = "VIDEO", description = "A video file with a face.")
        String video;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "Default: ${DEFAULT-VALUE}.")
        double seconds;

        @Option(names = "--profile", paramLabel = "light|full|both", defaultValue = "both", description = "Default: ${DEFAULT-VALUE}.")
        String profile;

        @Override
        public Integer call() {
            try {
                List<byte[]> frames = ProfileBench.frames(video, seconds);
                System.out.printf(Locale.ROOT, "facsflow learn bench: %s, %d frames (%.0f/s, 320x240 JPEG, %.1f KiB "
                        + "average)%n", video, frames.size(), ProfileBench.FPS,
                        frames.stream().mapToInt(f -> f.length).average().orElse(0) / 1024);
                System.out.println("profile  thread CPU ms/frame  process CPU ms/frame  wall ms/frame  peak RSS MiB (so far)");
                ProfileBench.Pass light = null, full = null;
                if (!profile.equals("full")) light = print(ProfileBench.run(OnDeviceProfile.LIGHT, frames, AssetStore.standard()));
                if (!profile.equals("light")) full = print(ProfileBench.run(OnDeviceProfile.FULL, frames, AssetStore.standard()));
                if (light != null && full != null) {
                    Map<String, Double> d = ProfileBench.drift(light, full, StateRules.standard(AuValidation.standard()));
                    System.out.println("light against full (mean |difference| where both measured; face and state: share of frames that agree):");
                    d.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-10s %s%n", k,
                            k.equals("face") || k.equals("state") ? String.format(Locale.ROOT, "%.1f%%", 100 * v)
                                    : k.startsWith("AU") ? String.format(Locale.ROOT, "%.3f", v)
                                    : String.format(Locale.ROOT, "%.2f deg", v)));
                }
                return 0;
            } catch (AssetUnavailableException e) {
                System.err.println("facsflow: " + e.getMessage());
                return 2;
            } catch (MediaException | IOException e) {
                System.err.println("facsflow learn bench: " + e.getMessage());
                return 1;
            }
        }

        private static ProfileBench.Pass print(ProfileBench.Pass p) {
            System.out.printf(Locale.ROOT, "%-8s %19.2f %21.2f %14.2f %13.0f%n", p.profile().label(),
                    p.perFrame(p.threadCpuMs()), p.perFrame(p.processCpuMs()), p.perFrame(p.wallMs()), p.peakRssKib() / 1024.0);
            return p;
        }
    }
}
