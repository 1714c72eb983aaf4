package org.facsflow.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.facsflow.study.ManifestException;
import org.facsflow.study.StudyRunner;
import org.facsflow.study.VideoStatus;
import org.facsflow.study.report.StudyReport;

import java.io.IOException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;

/** Starts Spark for a run (embedded or as spark-submit set it up), runs the study, prints what happened. */
final class SparkRun {
    private SparkRun() {
    }

    /** @return the exit status: 0 all videos done or skipped, 1 some failed, 2 unusable input */
    static int run(SparkStudy.Options options, String master, Map<String, String> settings) {
        quietLogging();
        long start = System.nanoTime();
        SparkSession spark = session(master, settings);
        System.err.printf(Locale.ROOT, "spark: started in %.1f s%n", (System.nanoTime() - start) / 1e9);
        try {
            SparkStudy.Result result = new SparkStudy(spark, System.err).run(options);
            System.out.print(new StudyRunner.RunResult(result.statuses(), null).table());
            System.out.printf("%n%d videos (%s): %d done, %d skipped, %d failed. Results: %s%n", result.outcomes().size(),
                    result.study().manifest().design().label(), result.count(VideoStatus.State.DONE),
                    result.count(VideoStatus.State.SKIPPED), result.count(VideoStatus.State.FAILED), options.output());
            if (result.comparison() != null) {
                System.out.println();
                System.out.print(StudyReport.consoleTable(result.comparison()));
                System.out.println();
                System.out.println(StudyReport.summaryText(result.comparison()));
                System.out.println("Comparison: " + result.comparisonDir());
            }
            return result.count(VideoStatus.State.FAILED) > 0 ? 1 : 0;
        } catch (ManifestException | IOException | IllegalArgumentException e) {
            System.err.println("facsflow: " + e.getMessage());
            return 2;
        } finally {
            spark.stop();
        }
    }

    /**
     * The session: spark-submit's settings (system properties) where it started us, else embedded Spark on
     * {@link SparkCommand#DEFAULT_MASTER}. A local master binds to the loopback interface, without a web UI.
     */
    static SparkSession session(String master, Map<String, String> settings) {
        SparkConf conf = new SparkConf();
        conf.setMaster(master != null ? master : conf.get("spark.master", SparkCommand.DEFAULT_MASTER));
        conf.setIfMissing("spark.app.name", "facsflow study");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        settings.forEach(conf::set);
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** Spark logs at INFO by default; the CLI keeps warnings only, unless a log configuration is given. */
    private static void quietLogging() {
        if (System.getProperty("log4j2.configurationFile") != null || System.getProperty("spark.master") != null) return;
        URL quiet = SparkRun.class.getResource("log4j2-cli.properties");
        if (quiet != null) System.setProperty("log4j2.configurationFile", quiet.toString());
    }
}
