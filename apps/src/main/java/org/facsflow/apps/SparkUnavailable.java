package org.facsflow.apps;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code spark} where the Spark module is not on the classpath: says how to run it. */
@Command(name = "spark", description = "Run a study on Apache Spark (spark/README.md); './facsflow spark' adds the Spark module.")
final class SparkUnavailable implements Callable<Integer> {
    @Unmatched
    List<String> arguments;

    @Override
    public Integer call() {
        System.err.println("facsflow: the Spark module is not on this classpath: run './facsflow spark ...' (the launcher "
                + "adds it for this command only) or spark-submit the job jar, as spark/README.md shows");
        return 2;
    }
}
