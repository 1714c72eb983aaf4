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
 *   <li>Resumable: a recording whose Parquet file is whole (its SHA-256 matches), and whose video and manifest
 *       timing and extraction settings (the sound analysed or not) are unchanged, is skipped; a damaged or
 *       differently extracted one is extracted again, and the run says so. Each video's
 *       results appear atomically when it finishes, so a crash loses only the videos in flight; a rerun deletes
 *       their temporary files and does them again.</li>
 *   <li>One run per study folder at a time ({@link StudyLock}); a second is refused with the first one's pid, host
 *       and start time.</li>
 *   <li>Nothing after the stimulus end is stored ({@link Recording#endSeconds()}): the extractor is asked not to
 *       decode it, and frames it hands over anyway are dropped (and counted in the video's reason).</li>
 *   <li>A video that fails (unreadable, extractor error) is reported with its reason; the others go on.</li>
 *   <li>Each worker thread has its own extractor from the factory, made before any video starts, so a pipeline that
 *       cannot load its models fails at once.</li>
 * </ul>
 */
public final class StudyRunner {
    /** Two workers: each face and AU pipeline already uses several threads of its own. */
    public static final int DEFAULT_THREADS = 2;

    private final VideoExtractor.Factory extractors;
    private final String settings;
    private final int threads;
    private final StudyMetrics metrics;
    private final RunProgress progress;

    /**
     * @param settings what the extractors measure beyond the defaults, in words (e.g. {@link PipelineExtractor#extractionSettings});
     *                 stored frames extracted with other settings are extracted again
     */
    public StudyRunner(VideoExtractor.Factory extractors, String settings, int threads, StudyMetrics metrics, RunProgress progress) {
        if (threads < 1) throw new IllegalArgumentException("need at least one thread, got " + threads);
        this.extractors = extractors;
        this.settings = settings;
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
        try (StudyLock lock = StudyLock.acquire(store.dir())) {
            store.clearLeftovers();
            Map<Recording, VideoStatus> statuses = new ConcurrentHashMap<>();
            Map<Recording, String> redoReasons = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<Recording> queue = new ConcurrentLinkedQueue<>();
            for (Recording r : manifest.recordings()) {
                if (redo) {
                    Files.deleteIfExists(store.framesFile(r));
                    Files.deleteIfExists(store.checksumFile(r));
                }
                StoredFrames.Verdict stored = store.stored(r, settings);
                if (stored.complete()) {
                    statuses.put(r, new VideoStatus(r, VideoStatus.State.SKIPPED, stored.frames(), 0, ""));
                } else {
                    queue.add(r);
                    if (!stored.redo().isEmpty()) redoReasons.put(r, stored.redo());
                }
            }
            progress.start(manifest.recordings().size(), queue.size());
            statuses.values().forEach(progress::finished);
            try {
                extractAll(store, queue, statuses, redoReasons);
            } finally {
                progress.end();
            }
            List<VideoStatus> ordered = manifest.recordings().stream().map(statuses::get).toList();
            Path database = store.buildDatabase(manifest, ordered, metrics);
            return new RunResult(ordered, database);
        }
    }

    private void extractAll(StudyStore store, ConcurrentLinkedQueue<Recording> queue, Map<Recording, VideoStatus> statuses,
                            Map<Recording, String> redoReasons) throws IOException {
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
                    VideoStatus status = extractOne(store, extractor, r, redoReasons.getOrDefault(r, ""));
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

    private VideoStatus extractOne(StudyStore store, VideoExtractor extractor, Recording r, String redoReason) {
        long start = System.nanoTime();
        try {
            StudyStore.Extracted done = store.extract(r, extractor, settings, progress.extracting(r));
            List<String> notes = new ArrayList<>();
            if (!redoReason.isEmpty()) notes.add(redoReason);
            if (done.dropped() > 0) notes.add("dropped " + done.dropped() + " frames after the stimulus end ("
                    + Csv.fixed(r.endSeconds(), 2) + " s) that the extractor decoded");
            return new VideoStatus(r, VideoStatus.State.DONE, done.frames(), (System.nanoTime() - start) / 1e9,
                    String.join("; ", notes));
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
