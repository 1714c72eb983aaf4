package org.facsflow.spark;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code facsflow spark}: a study on Apache Spark. The CLI finds this class by name when the launcher has put the
 * Spark module on the classpath (it does so for {@code spark} only), and {@code spark-submit} runs its {@link #main}.
 * Nothing here touches a Spark class until a run starts ({@link SparkRun}), so registering it loads no Spark.
 */
@Command(name = "spark", mixinStandardHelpOptions = true, version = "facsflow 0.1.0",
        description = "Run a study on Apache Spark: one video per task, per-frame results as Parquet partitioned by "
                + "condition and participant, the study's metrics and comparison from them.",
        subcommands = {SparkCommand.Run.class})
public final class SparkCommand implements Runnable {
    /** Embedded Spark on every core, each task tried up to 4 times (Spark's spark.task.maxFailures default). */
    static final String DEFAULT_MASTER = "local[*,4]";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** For spark-submit: {@code spark-submit --class org.facsflow.spark.SparkCommand JOB.jar run MANIFEST -o OUT}. */
    public static void main(String[] args) {
        int status = new CommandLine(new SparkCommand()).execute(args);
        if (status != 0) System.exit(status); // a zero exit is left to Spark (YARN's cluster mode reads it)
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, description = {
            "Extract every recording of a study on Spark into OUT: OUT/frames/condition=C/participant=P/ID.parquet "
                    + "(the columns of 'analyze --parquet', full precision), the status table OUT/videos.csv and "
                    + "OUT/videos/, the metrics OUT/metrics/, and with two conditions the comparison OUT/compare-A-vs-B/ "
                    + "(as 'study compare'). Paths may be on any Hadoop file system (hdfs://, s3a://, file:).",
            "INPUT: a manifest (as 'study run'; videos relative to it, on its file system), or a folder or glob of "
                    + "videos laid out CONDITION/PARTICIPANT.mp4 (its manifest is written to OUT/manifest.csv).",
            "A rerun skips videos whose results are whole and current (the rule of 'study run'). A video that fails "
                    + "is tried again as Spark allows (spark.task.maxFailures; local[N,F]: F), then listed as failed.",
            "Exit status: 0 every video done or skipped; 1 some video failed; 2 unusable input or arguments."})
    static final class Run implements Callable<Integer> {
        @Parameters(paramLabel = "INPUT", description = "Manifest CSV, or a folder or glob of videos.")
        String input;

        @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "The study's output folder.")
        String output;

        @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else "
                + DEFAULT_MASTER + ": every core here, 4 tries per video).")
        String master;

        @Option(names = "--models", paramLabel = "DIR", description = "The model cache on the executors (a copy of "
                + "~/.cache/facsflow); relative: unpacked from --archives in each task's folder. Default: each node's "
                + "FACSFLOW_HOME or ~/.cache/facsflow.")
        String models;

        @Option(names = "--redo", description = "Extract every video again.")
        boolean redo;

        @Option(names = "--a", paramLabel = "CONDITION", description = "First condition to compare (default: the "
                + "manifest's first, when it has two).")
        String a;

        @Option(names = "--b", paramLabel = "CONDITION", description = "Second condition to compare.")
        String b;

        @Option(names = "--report", description = "Also write the comparison's HTML report.")
        boolean report;

        @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable), e.g. "
                + "--conf spark.executor.memory=4g.")
        Map<String, String> conf = new LinkedHashMap<>();

        @Override
        public Integer call() {
            return SparkRun.run(new SparkStudy.Options(input, output, models, redo, a, b, report), master, conf);
        }
    }
}
