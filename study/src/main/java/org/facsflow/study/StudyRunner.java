package org.facsflow.study;

import org.facsflow.facs.TextTable;
import org.facsflow.study.metrics.StudyMetrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * Extracts every recording of a manifest into a study folder (layout in {@link StudyStore}), a few videos at a time,
 * and then builds the study database.
 * <ul>
 *   <li>Resumable: a recording whose Parquet file is complete and whose video is unchanged is skipped. Each video's
 *       results appear atomically when it finishes, so a crash loses only the videos in flight; a rerun deletes
 *       their temporary files and does them again.</li>
 *   <li>A video that fails (unreadable, extractor error) is reported with its reason; the others go on.</li>
 *   <li>Each worker thread has its own extractor from the factory, made before any video starts, so a pipeline that
 *       cannot load its models fails at once.</li>
 * </ul>
 */
public final class StudyRunner {
    /** Two workers: each face and AU pipeline already uses several threads of its own. */
    public static final int DEFAULT_THREADS = 2;

    private final VideoExtractor.Factory extractors;
    private final int threads;
    private final StudyMetrics metrics;
    private final RunProgress progress;

    public StudyRunner(VideoExtractor.Factory extractors, int threads, StudyMetrics metrics, RunProgress progress) {
        if (threads < 1) throw new IllegalArgumentException("need at least one thread, got " + threads);
        this.extractors = extractors;
        this.threads = threads;
        this.metrics = metrics;
        this.progress = progress;
    }

    /**
     * Runs the manifest into {@code studyDir}.
     *
     * @param redo delete every video's results first and extract them all again (e.g. after changing the extractor)
     */
    public RunResult run(StudyManifest manifest, Path studyDir, boolean redo) throws IOException {
        StudyStore store = new StudyStore(studyDir);
        store.clearLeftovers();
        Map<Recording, VideoStatus> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Recording> queue = new ConcurrentLinkedQueue<>();
        for (Recording r : manifest.recordings()) {
            if (redo) Files.deleteIfExists(store.framesFile(r));
            long frames = store.completeFrames(r);
            if (frames >= 0) statuses.put(r, new VideoStatus(r, VideoStatus.State.SKIPPED, frames, 0, ""));
            else queue.add(r);
        }
        progress.start(manifest.recordings().size(), queue.size());
        statuses.values().forEach(progress::finished);
        try {
            extractAll(store, queue, statuses);
        } finally {
            progress.end();
        }
        List<VideoStatus> ordered = manifest.recordings().stream().map(statuses::get).toList();
        Path database = store.buildDatabase(manifest, ordered, metrics);
        return new RunResult(ordered, database);
    }

    private void extractAll(StudyStore store, ConcurrentLinkedQueue<Recording> queue, Map<Recording, VideoStatus> statuses)
            throws IOException {
        if (queue.isEmpty()) return;
        int workers = Math.min(threads, queue.size());
        List<VideoExtractor> made = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "study-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < workers; i++) made.add(extractors.create());
            List<Future<?>> running = new ArrayList<>();
            for (VideoExtractor extractor : made) running.add(pool.submit(() -> {
                for (Recording r; (r = queue.poll()) != null; ) {
                    VideoStatus status = extractOne(store, extractor, r);
                    statuses.put(r, status);
                    progress.finished(status);
                }
            }));
            for (Future<?> f : running) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted; finished videos are kept, a rerun does the rest", e);
        } catch (ExecutionException e) {
            throw new IOException("a study worker stopped: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            for (VideoExtractor x : made) x.close();
        }
    }

    private static VideoStatus extractOne(StudyStore store, VideoExtractor extractor, Recording r) {
        long start = System.nanoTime();
        try {
            long frames = store.extract(r, extractor);
            return new VideoStatus(r, VideoStatus.State.DONE, frames, (System.nanoTime() - start) / 1e9, "");
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return new VideoStatus(r, VideoStatus.State.FAILED, 0, (System.nanoTime() - start) / 1e9, reason);
        }
    }

    /** What a run did: one status per manifest row, in manifest order, and the database it built. */
    public record RunResult(List<VideoStatus> videos, Path database) {
        public RunResult {
            videos = Collections.unmodifiableList(new ArrayList<>(videos));
        }

        public long count(VideoStatus.State state) {
            return videos.stream().filter(v -> v.state() == state).count();
        }

        /** The per-video status table (failed videos last): participant, condition, status, frames, seconds, video, reason. */
        public String table() {
            TextTable table = new TextTable("participant", "condition", "status", "frames", "seconds", "video", "reason")
                    .alignRight(3, 4);
            videos.stream().sorted(Comparator.comparing((VideoStatus v) -> v.state() == VideoStatus.State.FAILED))
                    .forEach(v -> table.add(v.recording().participant(), v.recording().condition(),
                            v.state().name().toLowerCase(), String.valueOf(v.frames()),
                            v.state() == VideoStatus.State.SKIPPED ? "" : Csv.fixed(v.seconds(), 1),
                            v.recording().video().getFileName().toString(), v.reason()));
            return table.format();
        }
    }
}
