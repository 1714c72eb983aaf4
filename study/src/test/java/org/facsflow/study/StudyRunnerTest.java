package org.facsflow.study;

import org.facsflow.study.metrics.MetricSettings;
import org.facsflow.study.metrics.StudyMetrics;
import org.facsflow.study.simulate.SyntheticExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.facsflow.study.VideoStatus.State.DONE;
import static org.facsflow.study.VideoStatus.State.FAILED;
import static org.facsflow.study.VideoStatus.State.SKIPPED;

class StudyRunnerTest {
    @TempDir
    Path dir;

    /** Test double: fails the test if the runner asks it to extract anything. */
    static final class MustNotRun implements VideoExtractor {
        @Override
        public void extract(Recording recording, Consumer<StudyFrame> sink, Progress progress) {
            throw new AssertionError("extracted " + recording.video() + " although its results were complete");
        }
    }

    /** Test double: the synthetic extractor, but the video whose name contains {@code victim} dies after 100 frames. */
    static final class CrashingExtractor implements VideoExtractor {
        private final SyntheticExtractor inner = new SyntheticExtractor();
        private final String victim;

        CrashingExtractor(String victim) {
            this.victim = victim;
        }

        @Override
        public void extract(Recording recording, Consumer<StudyFrame> sink, Progress progress) throws IOException {
            Path video = recording.video();
            AtomicInteger n = new AtomicInteger();
            inner.extract(recording, f -> {
                if (video.getFileName().toString().contains(victim) && n.incrementAndGet() > 100)
                    throw new IllegalStateException("decoder crashed in " + video.getFileName() + " at frame " + f.frame());
                sink.accept(f);
            }, progress);
        }
    }

    private static List<VideoStatus.State> states(StudyRunner.RunResult result) {
        return result.videos().stream().map(VideoStatus::state).toList();
    }

    private long count(Path db, String sql) throws Exception {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + db, p); var s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aRerunSkipsCompleteVideosAndRedoesDeletedOrChangedOnes() throws Exception {
        StudyManifest manifest = TestStudies.simulate(dir, 3, Design.WITHIN, 0.6, 5);
        Path out = dir.resolve("out");
        StudyRunner.RunResult first = TestStudies.run(manifest, out);
        assertThat(states(first)).containsOnly(DONE).hasSize(6);
        long frames = first.videos().stream().mapToLong(VideoStatus::frames).sum();
        assertThat(frames).isEqualTo(6 * 480);                                 // 16 s at 30 fps
        assertThat(count(first.database(), "SELECT count(*) FROM frames")).isEqualTo(frames);
        assertThat(count(first.database(), "SELECT count(*) FROM videos WHERE status = 'done'")).isEqualTo(6);
        assertThat(count(first.database(), "SELECT count(*) FROM covariates WHERE name = 'age_group'")).isEqualTo(6);
        assertThat(count(first.database(), "SELECT count(DISTINCT video_id) FROM metrics")).isEqualTo(6);

        StudyRunner.RunResult second = TestStudies.run(manifest, out, MustNotRun::new);
        assertThat(states(second)).containsOnly(SKIPPED);
        assertThat(second.videos().stream().mapToLong(VideoStatus::frames).sum()).isEqualTo(frames);
        assertThat(count(second.database(), "SELECT count(*) FROM frames")).isEqualTo(frames);

        Recording deleted = manifest.recordings().get(3), changed = manifest.recordings().get(4);
        Files.delete(new StudyStore(out).framesFile(deleted));
        Files.setLastModifiedTime(changed.video(), FileTime.fromMillis(Files.getLastModifiedTime(changed.video()).toMillis() + 5000));
        List<Path> extracted = new CopyOnWriteArrayList<>();
        StudyRunner.RunResult third = TestStudies.run(manifest, out, () -> new Noting(extracted));
        assertThat(extracted).containsExactlyInAnyOrder(deleted.video(), changed.video());
        assertThat(states(third)).containsExactly(SKIPPED, SKIPPED, SKIPPED, DONE, DONE, SKIPPED);
        assertThat(third.table()).contains("participant", "skipped", "done", "p02");
    }

    @Test
    void aCrashMidVideoLeavesNoResultForItAndTheOthersGoOn() throws Exception {
        StudyManifest manifest = TestStudies.simulate(dir, 3, Design.WITHIN, 0.6, 6);
        Path out = dir.resolve("out");
        StudyStore store = new StudyStore(out);
        StudyRunner.RunResult result = TestStudies.run(manifest, out, () -> new CrashingExtractor("p02_AdA"));

        Recording victim = manifest.recordings().stream().filter(r -> r.id().equals("p02_AdA")).findFirst().orElseThrow();
        VideoStatus failed = result.videos().stream().filter(v -> v.recording() == victim).findFirst().orElseThrow();
        assertThat(failed.state()).isEqualTo(FAILED);
        assertThat(failed.reason()).contains("decoder crashed in p02_AdA.synthetic at frame");
        assertThat(result.count(DONE)).isEqualTo(5);
        assertThat(store.framesFile(victim)).doesNotExist();
        try (Stream<Path> files = Files.list(out.resolve("frames"))) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(10)      // each with its SHA-256
                    .allMatch(n -> n.endsWith(".parquet") || n.endsWith(".parquet.sha256")).noneMatch(n -> n.startsWith("p02_AdA"));
        }
        assertThat(count(result.database(), "SELECT count(*) FROM videos WHERE status = 'failed' AND reason LIKE '%decoder crashed%'")).isEqualTo(1);
        assertThat(count(result.database(), "SELECT count(*) FROM frames WHERE video_id = 'p02_AdA'")).isZero();
        assertThat(result.table().strip()).endsWith("decoder crashed in p02_AdA.synthetic at frame 100"); // failures last

        // A hard crash (power loss) while writing leaves a temporary file: the next run removes it and does the video.
        Path leftover = AtomicWrite.partOf(store.framesFile(victim));
        Files.writeString(leftover, "half a parquet file");
        StudyRunner.RunResult rerun = TestStudies.run(manifest, out);
        assertThat(leftover).doesNotExist();
        assertThat(states(rerun)).containsExactly(SKIPPED, SKIPPED, DONE, SKIPPED, SKIPPED, SKIPPED);
        assertThat(store.framesFile(victim)).exists();
    }

    @Test
    void anUnreadableVideoFailsWithItsNameAndReason() throws Exception {
        StudyManifest manifest = TestStudies.simulate(dir, 2, Design.BETWEEN, 0.6, 7);
        Files.writeString(manifest.recordings().get(1).video(), "not a recording\n");
        StudyRunner.RunResult result = TestStudies.run(manifest, dir.resolve("out"));
        assertThat(states(result)).containsExactly(DONE, FAILED, DONE, DONE);
        assertThat(result.videos().get(1).reason()).contains("p02_AdB.synthetic").contains("not a synthetic recording");
    }

    /** Test double: the synthetic extractor, noting each video it is asked to extract. */
    static final class Noting implements VideoExtractor {
        private final List<Path> extracted;

        Noting(List<Path> extracted) {
            this.extracted = extracted;
        }

        @Override
        public void extract(Recording recording, Consumer<StudyFrame> sink, Progress progress) throws IOException {
            extracted.add(recording.video());
            new SyntheticExtractor().extract(recording, sink, progress);
        }
    }

    /** Test double: the synthetic extractor, told to ignore the stimulus end (an extractor that breaks the contract). */
    static final class PastTheEnd implements VideoExtractor {
        @Override
        public void extract(Recording r, Consumer<StudyFrame> sink, Progress progress) throws IOException {
            new SyntheticExtractor().extract(new Recording(r.id(), r.participant(), r.condition(), r.video(), r.frameRate(),
                    r.onsetSeconds(), Double.NaN, r.covariates()), sink, progress);
        }
    }

    /** Run in a separate JVM by the lock test: takes a study folder's lock, says so, and holds it until killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            StudyLock lock = StudyLock.acquire(Path.of(args[0]));
            System.out.println("locked " + ProcessHandle.current().pid());
            System.out.flush();
            Thread.sleep(600_000);
            lock.close();
        }
    }

    @Test
    void aDamagedResultFileIsExtractedAgainInsteadOfBlockingEveryRun() throws Exception {
        StudyManifest manifest = TestStudies.simulate(dir, 3, Design.WITHIN, 0.6, 15);
        Path out = dir.resolve("out");
        StudyStore store = new StudyStore(out);
        long frames = TestStudies.run(manifest, out).videos().stream().mapToLong(VideoStatus::frames).sum();
        Recording flipped = manifest.recordings().get(0), truncated = manifest.recordings().get(3),
                unsummed = manifest.recordings().get(5);
        Path file = store.framesFile(flipped);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;                                       // one bit, mid-file: compressed data
        Files.write(file, bytes);
        byte[] whole = Files.readAllBytes(store.framesFile(truncated));
        Files.write(store.framesFile(truncated), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.delete(store.checksumFile(unsummed));

        List<Path> extracted = new CopyOnWriteArrayList<>();
        StudyRunner.RunResult rerun = TestStudies.run(manifest, out, () -> new Noting(extracted));
        assertThat(extracted).containsExactlyInAnyOrder(flipped.video(), truncated.video(), unsummed.video());
        assertThat(states(rerun)).containsExactly(DONE, SKIPPED, SKIPPED, DONE, SKIPPED, DONE);
        assertThat(rerun.videos().get(0).reason()).isEqualTo("frames/p01_AdA.parquet was damaged (its SHA-256 no longer "
                + "matches): extracted again");
        assertThat(rerun.videos().get(3).reason()).contains("p02_AdB.parquet was damaged");
        assertThat(rerun.videos().get(5).reason()).contains("p03_AdB.parquet has no checksum");
        assertThat(rerun.table()).contains("was damaged (its SHA-256 no longer matches): extracted again");
        assertThat(count(rerun.database(), "SELECT count(*) FROM frames")).isEqualTo(frames);
        // the checksum file is sha256sum's format, and matches again
        assertThat(Files.readString(store.checksumFile(flipped))).matches("[0-9a-f]{64}  p01_AdA\\.parquet\n");
        assertThat(states(TestStudies.run(manifest, out, MustNotRun::new))).containsOnly(SKIPPED);
    }

    @Test
    void aSecondRunOnTheSameFolderIsRefusedAndAKilledRunsLockIsNot() throws Exception {
        StudyManifest manifest = TestStudies.simulate(dir, 2, Design.WITHIN, 0.6, 16);
        Path out = dir.resolve("out");
        // another run in this process
        try (StudyLock held = StudyLock.acquire(out)) {
            assertThat(catchThrowable(() -> TestStudies.run(manifest, out, MustNotRun::new)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("study folder " + out.toAbsolutePath() + " is in use by another 'study run' (pid "
                            + ProcessHandle.current().pid() + " on host ");
        }
        // another process, then killed (SIGKILL: no chance to clean up): its lock goes with it
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(), out.toString()).redirectErrorStream(true).start();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine();
            assertThat(line).startsWith("locked ");
            assertThat(catchThrowable(() -> TestStudies.run(manifest, out, MustNotRun::new)))
                    .hasMessageContaining("is in use by another 'study run' (pid " + holder.pid() + " on host ")
                    .hasMessageContaining("wait for it to finish");
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        assertThat(Files.readString(out.resolve(StudyLock.FILE))).contains("pid " + holder.pid()); // left behind
        assertThat(states(TestStudies.run(manifest, out))).containsOnly(DONE);
        assertThat(Files.readString(out.resolve(StudyLock.FILE))).isEmpty();                 // released after the run
    }

    @Test
    void framesExtractedWithOtherSettingsAreExtractedAgain() throws Exception {
        // e.g. a study run with the voice, then one with --no-voice: the stored frames carry measures this run leaves out
        StudyManifest manifest = TestStudies.simulate(dir, 2, Design.WITHIN, 0.6, 21);
        Path out = dir.resolve("out");
        String voice = PipelineExtractor.extractionSettings(true), noVoice = PipelineExtractor.extractionSettings(false);
        assertThat(states(new StudyRunner(SyntheticExtractor::new, voice, 2, new StudyMetrics(MetricSettings.DEFAULT),
                RunProgress.silent()).run(manifest, out, false))).containsOnly(DONE);
        StudyRunner.RunResult other = new StudyRunner(SyntheticExtractor::new, noVoice, 2,
                new StudyMetrics(MetricSettings.DEFAULT), RunProgress.silent()).run(manifest, out, false);
        assertThat(other.videos()).hasSize(4).allMatch(v -> v.state() == DONE && v.reason().endsWith(
                "was extracted with other settings (sound analysed, now sound left alone): extracted again"));
        assertThat(states(new StudyRunner(MustNotRun::new, noVoice, 2, new StudyMetrics(MetricSettings.DEFAULT),
                RunProgress.silent()).run(manifest, out, false))).containsOnly(SKIPPED);
    }

    @Test
    void nothingAfterTheStimulusEndIsStored() throws Exception {
        StudyManifest simulated = TestStudies.simulate(dir, 2, Design.WITHIN, 0.6, 17);
        Path manifestFile = simulated.source();
        Files.writeString(manifestFile, Files.readString(manifestFile).replace(",1.0,15.0,", ",1.0,5.0,"));
        StudyManifest manifest = StudyManifest.read(manifestFile);
        assertThat(manifest.recordings().get(0).endSeconds()).isEqualTo(6.0);
        Path out = dir.resolve("out");
        StudyRunner.RunResult result = TestStudies.run(manifest, out);
        assertThat(result.videos()).allMatch(v -> v.frames() == 181 && v.reason().isEmpty()); // 0 .. 6 s at 30 fps
        assertThat(count(result.database(), "SELECT count(*) FROM frames WHERE time_s > 6.0")).isZero();

        // an extractor that decodes past the end: the runner drops those frames and says so
        Path other = dir.resolve("other");
        StudyRunner.RunResult defended = TestStudies.run(manifest, other, PastTheEnd::new);
        assertThat(defended.videos()).allMatch(v -> v.frames() == 181
                && v.reason().equals("dropped 299 frames after the stimulus end (6.00 s) that the extractor decoded"));
        assertThat(count(defended.database(), "SELECT max(time_s) FROM frames")).isEqualTo(6);

        // a longer duration in the manifest: the stored frames no longer cover it, so the videos are extracted again
        Files.writeString(manifestFile, Files.readString(manifestFile).replace(",1.0,5.0,", ",1.0,8.0,"));
        StudyRunner.RunResult longer = TestStudies.run(StudyManifest.read(manifestFile), out);
        assertThat(longer.videos()).allMatch(v -> v.state() == DONE && v.frames() == 271
                && v.reason().equals("the manifest's onset or duration changed: extracted again"));
    }

    @Test
    void progressIsReportedPerFrameAsPlainLinesWithoutCarriageReturns() throws Exception {
        StudyManifest manifest = TestStudies.simulate(dir, 2, Design.WITHIN, 0.6, 18);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream log = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        new StudyRunner(SyntheticExtractor::new, SyntheticExtractor.SETTINGS, 1, new StudyMetrics(MetricSettings.DEFAULT),
                new RunProgress.Lines(log, Duration.ZERO)).run(manifest, dir.resolve("out"), false);
        String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r");
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("study: 4 videos, 4 to extract");
        // with no interval every frame reports: shares and frame counts of the video in flight, one worker
        assertThat(lines).anyMatch(l -> l.startsWith("study: 0/4 videos (0 skipped, 0 failed); extracting p01_AdA 50% (240 frames)"))
                .anyMatch(l -> l.startsWith("study: 1/4 videos (0 skipped, 0 failed); extracting p01_AdB 0% (1 frames)"));
        assertThat(lines).anyMatch(l -> l.matches("study: p01_AdA done: 480 frames in \\d+ s; 1/4 videos \\(0 skipped, 0 failed\\)"));
        assertThat(lines.stream().filter(l -> l.contains("extracting p02_AdB"))).hasSize(480);
        assertThat(lines).anyMatch(l -> l.matches(".*extracting p02_AdA \\d+% \\(\\d+ frames\\)  ETA \\d+s"));
    }

    @Test
    void progressHearsOfEveryVideoAndTheRunnerRefusesAPipelineThatCannotStart() throws Exception {
        StudyManifest manifest = TestStudies.simulate(dir, 2, Design.WITHIN, 0.6, 8);
        List<String> events = new CopyOnWriteArrayList<>();
        RunProgress progress = new RunProgress() {
            @Override
            public void start(int videos, int toExtract) {
                events.add("start " + videos + " " + toExtract);
            }

            @Override
            public void finished(VideoStatus status) {
                events.add(status.state().name());
            }

            @Override
            public void end() {
                events.add("end");
            }
        };
        new StudyRunner(SyntheticExtractor::new, SyntheticExtractor.SETTINGS, 2, new StudyMetrics(MetricSettings.DEFAULT), progress).run(manifest, dir.resolve("out"), false);
        assertThat(events).containsExactly("start 4 4", "DONE", "DONE", "DONE", "DONE", "end");

        StudyRunner broken = new StudyRunner(() -> {
            throw new IOException("face models missing: run ./facsflow setup");
        }, SyntheticExtractor.SETTINGS, 2, new StudyMetrics(MetricSettings.DEFAULT), RunProgress.silent());
        assertThat(catchThrowable(() -> broken.run(manifest, dir.resolve("other"), false)))
                .isInstanceOf(IOException.class).hasMessageContaining("face models missing");
        assertThat(RunProgress.Display.format(Duration.ofSeconds(125))).isEqualTo("2m05s");
    }
}
