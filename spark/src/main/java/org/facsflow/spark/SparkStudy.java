package org.facsflow.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.facsflow.study.Csv;
import org.facsflow.study.ManifestException;
import org.facsflow.study.PipelineExtractor;
import org.facsflow.study.Recording;
import org.facsflow.study.StoredFrames;
import org.facsflow.study.StudyData;
import org.facsflow.study.VideoStatus;
import org.facsflow.study.compare.ComparisonResult;
import org.facsflow.study.compare.StudyComparison;
import org.facsflow.study.metrics.MetricSettings;
import org.facsflow.study.metrics.VideoSummary;
import org.facsflow.study.report.StudyReport;
import org.facsflow.study.stats.StatsSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The driver of {@code facsflow spark run}: a study's videos spread over the cluster, one task per video
 * ({@link VideoJob}), then its metrics from the stored Parquet with Spark SQL and the study's own metric code
 * ({@link SeriesMetrics}), then the comparison of two conditions with the study's own statistics, on the driver.
 * Layout of the output in {@link StudyOutput}.
 */
final class SparkStudy {
    /**
     * @param input      a manifest, or a folder or glob of videos (CONDITION/PARTICIPANT.mp4), on any Hadoop file system
     * @param output     the study's output folder
     * @param modelsHome the model cache on the executors; null: each node's own ({@link ExecutorPipelines})
     * @param redo       extract every video again
     * @param a          first condition to compare (null: the first of a two-condition study)
     * @param b          second condition
     * @param report     also write the HTML report
     */
    record Options(String input, String output, String modelsHome, boolean redo, String a, String b, boolean report) {
    }

    /**
     * What a run did.
     *
     * @param outcomes   one per manifest row, in manifest order
     * @param summaries  each complete recording's metrics, by video id
     * @param comparison null when the study was not compared (more than two conditions and none named)
     */
    record Result(StudyInput study, List<VideoOutcome> outcomes, Map<String, VideoSummary> summaries,
                  ComparisonResult comparison, String comparisonDir) {
        long count(VideoStatus.State state) {
            return outcomes.stream().filter(o -> o.state() == state).count();
        }

        /** The outcomes as the study's statuses (failed ones say after how many tries). */
        List<VideoStatus> statuses() {
            List<VideoStatus> statuses = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                VideoOutcome o = outcomes.get(i);
                String reason = o.state() == VideoStatus.State.FAILED ? o.reason() + " [" + o.attempts() + " tries]" : o.reason();
                statuses.add(new VideoStatus(study.tasks().get(i).recording(), o.state(), o.frames(), o.seconds(), reason));
            }
            return statuses;
        }
    }

    static final StructType STATUS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("video_id", DataTypes.StringType, false),
            DataTypes.createStructField("participant", DataTypes.StringType, false),
            DataTypes.createStructField("condition", DataTypes.StringType, false),
            DataTypes.createStructField("video", DataTypes.StringType, false),
            DataTypes.createStructField("status", DataTypes.StringType, false),
            DataTypes.createStructField("attempts", DataTypes.IntegerType, false),
            DataTypes.createStructField("frames", DataTypes.LongType, false),
            DataTypes.createStructField("seconds", DataTypes.DoubleType, false),
            DataTypes.createStructField("error", DataTypes.StringType, false)));
    /** As study.duckdb's metrics table. */
    static final StructType METRICS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("video_id", DataTypes.StringType, false),
            DataTypes.createStructField("participant", DataTypes.StringType, false),
            DataTypes.createStructField("condition", DataTypes.StringType, false),
            DataTypes.createStructField("signal", DataTypes.StringType, false),
            DataTypes.createStructField("statistic", DataTypes.StringType, false),
            DataTypes.createStructField("value", DataTypes.DoubleType, false)));

    private final SparkSession spark;
    private final PrintStream log;

    SparkStudy(SparkSession spark, PrintStream log) {
        this.spark = spark;
        this.log = log;
    }

    Result run(Options options) throws IOException, ManifestException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path root = new Path(options.output());
        StudyOutput output = new StudyOutput(root.getFileSystem(conf).makeQualified(root).toString());
        StudyInput study = StudyInput.read(options.input(), output, conf);
        long start = System.nanoTime();
        List<VideoOutcome> outcomes = extract(study, output, options, conf);
        writeStatus(study, outcomes, output, conf);
        long extracted = System.nanoTime();
        log.println("spark: videos in " + seconds(start, extracted));

        List<VideoTask> complete = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) if (outcomes.get(i).state() != VideoStatus.State.FAILED) complete.add(study.tasks().get(i));
        Map<String, VideoSummary> summaries = summaries(complete, output);
        writeMetrics(study, summaries, output);

        List<String> conditions = study.manifest().conditions();
        String a = options.a() != null ? options.a() : conditions.size() == 2 ? conditions.get(0) : null;
        String b = options.b() != null ? options.b() : conditions.size() == 2 ? conditions.get(1) : null;
        if (a == null || b == null) {
            log.println("spark: metrics in " + seconds(extracted, System.nanoTime()) + "; " + conditions.size()
                    + " conditions: name two with --a and --b to compare them");
            return new Result(study, outcomes, summaries, null, null);
        }
        ComparisonResult comparison = compare(study, outcomes, summaries, a, b);
        String dir = writeComparison(comparison, output, options.report(), conf);
        log.println("spark: metrics and comparison in " + seconds(extracted, System.nanoTime()));
        return new Result(study, outcomes, summaries, comparison, dir);
    }

    private static String seconds(long from, long to) {
        return String.format(Locale.ROOT, "%.1f s", (to - from) / 1e9);
    }

    /** One task per video, the largest first; the outcomes in manifest order. */
    private List<VideoOutcome> extract(StudyInput study, StudyOutput output, Options options, Configuration conf) {
        SparkContext context = spark.sparkContext();
        List<VideoTask> ordered = study.largestFirst();
        VideoJob.Counters counters = VideoJob.Counters.register(context);
        VideoJob job = new VideoJob(new VideoJob.Settings(output, new HadoopConf(conf), options.modelsHome(),
                maxFailures(context), options.redo()), counters);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(context);
        jsc.setJobGroup(SparkProgress.JOB_GROUP, "facsflow: " + ordered.size() + " videos", false);
        Map<String, VideoOutcome> byId;
        try (SparkProgress progress = new SparkProgress(context, ordered, counters, log, Duration.ofSeconds(10))) {
            byId = jsc.parallelize(ordered, ordered.size()).map(job).collect().stream()
                    .collect(Collectors.toMap(VideoOutcome::id, Function.identity()));
        } catch (Exception e) { // the job stopped (e.g. an executor crashed on one video more often than allowed)
            byId = afterStop(ordered, output, conf, e);
        } finally {
            jsc.clearJobGroup();
        }
        Map<String, VideoOutcome> outcomes = byId;
        return study.tasks().stream().map(t -> outcomes.get(t.id())).toList();
    }

    /**
     * When the job as a whole stopped, no video's outcome came back: each video counts as done if its results are
     * whole (an earlier run's or this one's), else as failed with the reason the job stopped. None goes unreported.
     */
    private Map<String, VideoOutcome> afterStop(List<VideoTask> tasks, StudyOutput output, Configuration conf, Exception e) {
        String why = "the Spark job stopped: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
        log.println("spark: " + why);
        Map<String, VideoOutcome> byId = new LinkedHashMap<>();
        for (VideoTask t : tasks) {
            StoredFrames.Verdict stored;
            try {
                stored = output.stored(t, conf);
            } catch (IOException unreadable) {
                stored = new StoredFrames.Verdict(-1, "");
            }
            byId.put(t.id(), stored.complete()
                    ? new VideoOutcome(t.id(), VideoStatus.State.DONE, 0, stored.frames(), 0, "its results are whole; " + why)
                    : new VideoOutcome(t.id(), VideoStatus.State.FAILED, 0, 0, 0, why));
        }
        return byId;
    }

    /**
     * How often Spark tries a task: spark.task.maxFailures, except in local mode, where it is the F of local[N,F]
     * and 1 otherwise (a task that fails in local[N] is not tried again).
     */
    static int maxFailures(SparkContext context) {
        String master = context.master();
        Matcher local = Pattern.compile("local\\[\\s*(\\d+|\\*)\\s*,\\s*(\\d+)\\s*]").matcher(master);
        if (local.matches()) return Integer.parseInt(local.group(2));
        if (master.equals("local") || master.matches("local\\[[^,]*]")) return 1;
        return context.conf().getInt("spark.task.maxFailures", 4);
    }

    /** OUT/videos.csv and OUT/videos/ (Parquet): one row per manifest row. */
    private void writeStatus(StudyInput study, List<VideoOutcome> outcomes, StudyOutput output, Configuration conf)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder(Csv.line(STATUS.fieldNames())).append('\n');
        for (int i = 0; i < outcomes.size(); i++) {
            VideoTask t = study.tasks().get(i);
            VideoOutcome o = outcomes.get(i);
            Object[] cells = {t.id(), t.participant(), t.condition(), t.video(), o.state().name().toLowerCase(),
                    o.attempts(), o.frames(), o.seconds(), o.reason()};
            rows.add(RowFactory.create(cells));
            csv.append(Csv.line(cells)).append('\n');
        }
        Path file = new Path(output.root(), "videos.csv");
        StudyOutput.writeString(file.getFileSystem(conf), file, csv.toString());
        spark.createDataFrame(rows, STATUS).coalesce(1).write().mode(SaveMode.Overwrite).parquet(new Path(output.root(), "videos").toString());
    }

    /**
     * Each complete recording's summary, from its stored rows: the result table read back with Spark SQL (only the
     * columns a series needs), grouped by video, each group summarised by the study's metric code on an executor.
     */
    private Map<String, VideoSummary> summaries(List<VideoTask> complete, StudyOutput output) {
        Map<String, VideoSummary> summaries = new LinkedHashMap<>();
        if (complete.isEmpty()) return summaries;
        Map<String, VideoTask> byId = complete.stream().collect(Collectors.toMap(VideoTask::id, Function.identity()));
        String[] files = complete.stream().map(t -> output.framesFile(t).toString()).toArray(String[]::new);
        List<Column> columns = new ArrayList<>();
        for (String c : SeriesMetrics.columns()) columns.add(functions.col(c));
        columns.add(functions.col(FrameTable.PARTICIPANT));
        columns.add(functions.col(FrameTable.CONDITION));
        int participant = columns.size() - 2, condition = columns.size() - 1;
        // one shuffle partition per video at most (Spark's default of 200 costs seconds on a small study)
        if (!spark.conf().contains("spark.sql.shuffle.partitions"))
            spark.conf().set("spark.sql.shuffle.partitions", Math.min(200, complete.size()));
        Dataset<Row> rows = spark.read().schema(FrameTable.sparkSchema()).option("basePath", output.frames().toString())
                .parquet(files).select(columns.toArray(Column[]::new));
        List<VideoMetrics> metrics = rows
                .groupByKey((MapFunction<Row, String>) r -> Recording.idOf(r.getString(participant), r.getString(condition)), Encoders.STRING())
                .mapGroups(new SeriesMetrics(byId), Encoders.javaSerialization(VideoMetrics.class))
                .collectAsList();
        Map<String, VideoMetrics> found = metrics.stream().collect(Collectors.toMap(VideoMetrics::id, Function.identity()));
        for (VideoTask t : complete) summaries.put(t.id(), found.get(t.id()).summary(t.recording()));
        return summaries;
    }

    /** OUT/metrics/ (Parquet): video_id, participant, condition, signal, statistic, value, as study.duckdb's metrics. */
    private void writeMetrics(StudyInput study, Map<String, VideoSummary> summaries, StudyOutput output) {
        List<Row> rows = new ArrayList<>();
        for (VideoTask t : study.tasks()) {
            VideoSummary s = summaries.get(t.id());
            if (s == null) continue;
            s.metrics().forEach((key, value) ->
                    rows.add(RowFactory.create(t.id(), t.participant(), t.condition(), key.signal(), key.statistic(), value)));
        }
        spark.createDataFrame(rows, METRICS).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(new Path(output.root(), "metrics").toString());
    }

    /** The study's comparison of two conditions, over the summaries computed here. */
    static ComparisonResult compare(StudyInput study, List<VideoOutcome> outcomes, Map<String, VideoSummary> summaries,
                                    String a, String b) throws IOException {
        List<StudyData.StoredVideo> videos = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++)
            videos.add(new StudyData.StoredVideo(study.tasks().get(i).recording(), outcomes.get(i).state(),
                    outcomes.get(i).reason(), PipelineExtractor.DESCRIPTION, false));
        StudyData data = new StudyData(study.manifest().design(), videos,
                (recordings, metrics) -> recordings.stream().map(r -> summaries.get(r.id())).toList());
        return new StudyComparison(MetricSettings.DEFAULT, StatsSettings.DEFAULT).compare(data, a, b);
    }

    /** OUT/compare-A-vs-B/, as {@code study compare} writes it (written locally, then copied to another file system). */
    private static String writeComparison(ComparisonResult r, StudyOutput output, boolean report, Configuration conf)
            throws IOException {
        Path target = new Path(output.root(), "compare-" + (r.a() + "-vs-" + r.b()).replaceAll("[^A-Za-z0-9.-]", "-"));
        FileSystem fs = target.getFileSystem(conf);
        if ("file".equals(fs.getUri().getScheme())) {
            StudyReport.write(r, java.nio.file.Path.of(target.toUri().getPath()), report);
        } else {
            java.nio.file.Path local = Files.createTempDirectory("facsflow-compare-");
            StudyReport.write(r, local, report);
            fs.delete(target, true);
            fs.copyFromLocalFile(true, true, new Path(local.toUri()), target);
        }
        return target.toString();
    }
}
