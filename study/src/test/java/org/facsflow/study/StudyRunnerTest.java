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
        public void extract(Recording recording, Consumer<AuFrame> sink) {
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
        public void extract(Recording recording, Consumer<AuFrame> sink) throws IOException {
            Path video = recording.video();
            AtomicInteger n = new AtomicInteger();
            inner.extract(recording, f -> {
                if (video.getFileName().toString().contains(victim) && n.incrementAndGet() > 100)
                    throw new IllegalStateException("decoder crashed in " + video.getFileName() + " at frame " + f.frame());
                sink.accept(f);
            });
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
        StudyRunner.RunResult third = TestStudies.run(manifest, out, () -> new VideoExtractor() {
            @Override
            public void extract(Recording recording, Consumer<AuFrame> sink) throws IOException {
                extracted.add(recording.video());
                new SyntheticExtractor().extract(recording, sink);
            }
        });
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
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(5).allMatch(n -> n.endsWith(".parquet"));
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
        new StudyRunner(SyntheticExtractor::new, 2, new StudyMetrics(MetricSettings.DEFAULT), progress).run(manifest, dir.resolve("out"), false);
        assertThat(events).containsExactly("start 4 4", "DONE", "DONE", "DONE", "DONE", "end");

        StudyRunner broken = new StudyRunner(() -> {
            throw new IOException("face models missing: run ./facsflow setup");
        }, 2, new StudyMetrics(MetricSettings.DEFAULT), RunProgress.silent());
        assertThat(catchThrowable(() -> broken.run(manifest, dir.resolve("other"), false)))
                .isInstanceOf(IOException.class).hasMessageContaining("face models missing");
        assertThat(RunProgress.Line.format(Duration.ofSeconds(125))).isEqualTo("2m05s");
    }
}
