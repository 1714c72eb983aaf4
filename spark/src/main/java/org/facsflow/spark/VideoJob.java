package org.facsflow.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.facsflow.fusion.voice.VoiceStep;
import org.facsflow.media.MediaException;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.VideoInput;
import org.facsflow.pipeline.VideoProgress;
import org.facsflow.study.Csv;
import org.facsflow.study.PipelineExtractor;
import org.facsflow.study.StoredFrames;
import org.facsflow.study.VideoStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One task: one video through the pipeline into its Parquet file, on an executor.
 * <ul>
 *   <li>A video whose stored results are whole and current ({@link StoredFrames}, the rule of {@code study run}) is
 *       skipped, unless the run redoes everything.</li>
 *   <li>A video that fails is thrown back to Spark, which tries the task again (up to {@code spark.task.maxFailures}
 *       tries, on any executor); the last try reports it as failed instead of throwing, so one bad video never stops
 *       the study, and the status table says why.</li>
 *   <li>A video on a file system other than the local one is copied to the executor's local disk first (FFmpeg reads
 *       local files) and deleted afterwards.</li>
 * </ul>
 */
final class VideoJob implements Function<VideoTask, VideoOutcome> {
    /** The sound is analysed, as {@code study run} does by default; stored frames say so ({@link StoredFrames#SETTINGS}). */
    static final boolean VOICE = true;
    static final String EXTRACTION_SETTINGS = PipelineExtractor.extractionSettings(VOICE);

    /**
     * @param modelsHome  the model cache on the executors, null for each node's own ({@link ExecutorPipelines})
     * @param maxFailures tries Spark gives a task ({@code spark.task.maxFailures}; local mode: the F of local[N,F])
     */
    record Settings(StudyOutput output, HadoopConf hadoop, String modelsHome, int maxFailures, boolean redo)
            implements java.io.Serializable {
    }

    /** Videos done and skipped, the reasons of those that failed, and result rows stored: what the driver's progress reads. */
    record Counters(LongAccumulator done, LongAccumulator skipped, CollectionAccumulator<String> failed, LongAccumulator rows)
            implements java.io.Serializable {
        static Counters register(SparkContext context) {
            return new Counters(context.longAccumulator("facsflow videos done"), context.longAccumulator("facsflow videos skipped"),
                    context.collectionAccumulator("facsflow videos failed"), context.longAccumulator("facsflow result rows"));
        }
    }

    private final Settings settings;
    private final Counters counters;

    VideoJob(Settings settings, Counters counters) {
        this.settings = settings;
        this.counters = counters;
    }

    @Override
    public VideoOutcome call(VideoTask task) throws VideoFailure {
        long start = System.nanoTime();
        TaskContext context = TaskContext.get();
        int attempt = context == null ? 0 : context.attemptNumber();
        Configuration conf = settings.hadoop().get();
        try {
            String redo = "";
            if (!settings.redo()) {
                StoredFrames.Verdict stored = settings.output().stored(task, conf);
                if (stored.complete()) {
                    counters.skipped().add(1);
                    return new VideoOutcome(task.id(), VideoStatus.State.SKIPPED, 0, stored.frames(), 0, "");
                }
                redo = stored.redo();
            }
            List<String> notes = new ArrayList<>();
            if (!redo.isEmpty()) notes.add(redo);
            if (attempt > 0) notes.add("done at try " + (attempt + 1));
            long[] stored = extract(task, attempt, conf);
            if (stored[1] > 0) notes.add("dropped " + stored[1] + " frames after the stimulus end ("
                    + Csv.fixed(task.recording().endSeconds(), 2) + " s) that the pipeline decoded");
            counters.done().add(1);
            counters.rows().add(stored[0]);
            return new VideoOutcome(task.id(), VideoStatus.State.DONE, attempt + 1, stored[0], seconds(start),
                    String.join("; ", notes));
        } catch (IOException | MediaException | RuntimeException e) {
            String reason = reason(e, task);
            if (attempt + 1 < settings.maxFailures()) throw new VideoFailure(reason, e); // Spark tries it again
            counters.failed().add(reason);
            return new VideoOutcome(task.id(), VideoStatus.State.FAILED, attempt + 1, 0, seconds(start), reason);
        }
    }

    /** Runs the pipeline over the video into its file; returns the rows stored and the frames dropped after the end. */
    private long[] extract(VideoTask task, int attempt, Configuration conf) throws IOException, MediaException {
        StudyOutput out = settings.output();
        Path target = out.framesFile(task), part = out.partFile(task, attempt);
        FileSystem fs = target.getFileSystem(conf);
        for (FileStatus leftover : globOrEmpty(fs, new Path(out.videoDir(task), "." + task.id() + ".parquet.*.part")))
            fs.delete(leftover.getPath(), false); // from a try that was killed
        Path video = new Path(task.video());
        try (LocalVideo local = LocalVideo.of(video, conf)) {
            StoredFrames.Fingerprint source = StudyOutput.fingerprint(video, conf);
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put(StoredFrames.SCHEMA, FrameTable.SCHEMA_NAME);
            meta.put(StoredFrames.VIDEO, task.video());
            meta.put(StoredFrames.VIDEO_SIZE, String.valueOf(source.size()));
            meta.put(StoredFrames.VIDEO_MODIFIED, String.valueOf(source.modified()));
            meta.put(StoredFrames.END, String.valueOf(task.recording().endSeconds()));
            meta.put(StoredFrames.EXTRACTOR, PipelineExtractor.DESCRIPTION);
            meta.put(StoredFrames.SIMULATED, "false");
            meta.put(StoredFrames.SETTINGS, EXTRACTION_SETTINGS);
            long rows, dropped;
            Pipeline pipeline = ExecutorPipelines.borrow(settings.modelsHome());
            boolean healthy = false;
            FrameParquetWriter writer = new FrameParquetWriter(part, conf, task.recording().endSeconds(), meta);
            try {
                VideoInput input = PipelineExtractor.input(task.recording(local.path()));
                // the voice as study run has it: on the speaking face's rows (empty without speech)
                VoiceStep.forInput(input.spec(), VOICE).analyze(pipeline, input, writer, VideoProgress.NONE);
                healthy = true;
            } finally {
                writer.close(); // the footer, before the file is checksummed (a failed try's file is deleted below)
                ExecutorPipelines.giveBack(pipeline, healthy);
            }
            rows = writer.rows();
            dropped = writer.dropped();
            if (rows == 0) throw new IOException(task.video() + ": no frames (the pipeline decoded nothing"
                    + (dropped > 0 ? " before the stimulus end at " + task.recording().endSeconds() + " s)" : ")"));
            // the checksum first: a crash between the two leaves a mismatch, which the next run extracts again
            StudyOutput.writeString(fs, out.checksumFile(task),
                    StoredFrames.checksumLine(StoredFrames.sha256(fs.open(part)), target.getName()));
            StudyOutput.replace(fs, part, target);
            return new long[]{rows, dropped};
        } finally {
            fs.delete(part, false);
        }
    }

    private static FileStatus[] globOrEmpty(FileSystem fs, Path pattern) throws IOException {
        FileStatus[] found = fs.globStatus(pattern);
        return found == null ? new FileStatus[0] : found;
    }

    /** The first line of the error, naming the video by its URI rather than by a local copy's name. */
    private static String reason(Exception e, VideoTask task) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        String name = new Path(task.video()).getName();
        String withName = message.replaceAll("\\S*" + LocalVideo.PREFIX + "[^/\\s]*/" + Pattern.quote(name),
                Matcher.quoteReplacement(task.video()));
        return withName.contains(name) ? withName : task.video() + ": " + withName;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** A try that failed and that Spark is to run again. */
    static final class VideoFailure extends Exception {
        VideoFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The video as a local file or folder: itself when it is on the local file system, else a copy deleted on close. */
    private record LocalVideo(java.nio.file.Path path, java.nio.file.Path copy) implements AutoCloseable {
        static final String PREFIX = "facsflow-video-";

        static LocalVideo of(Path video, Configuration conf) throws IOException {
            FileSystem fs = video.getFileSystem(conf);
            if ("file".equals(fs.getUri().getScheme())) return new LocalVideo(java.nio.file.Path.of(video.toUri().getPath()), null);
            java.nio.file.Path dir = Files.createTempDirectory(PREFIX);
            java.nio.file.Path local = dir.resolve(video.getName());
            fs.copyToLocalFile(false, video, new Path(local.toUri()), true);
            return new LocalVideo(local, dir);
        }

        @Override
        public void close() throws IOException {
            if (copy == null) return;
            try (var files = Files.walk(copy)) {
                for (java.nio.file.Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
