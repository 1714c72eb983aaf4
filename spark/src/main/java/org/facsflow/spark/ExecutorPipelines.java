package org.facsflow.spark;

import org.apache.spark.SparkFiles;
import org.facsflow.models.AssetStore;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.study.PipelineExtractor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The pipelines of one executor JVM, loaded lazily and kept for the JVM's life: a task borrows one, and later tasks in
 * the JVM reuse it, so the models load once per task slot (a pipeline runs one analysis at a time, and an executor
 * runs as many tasks at once as it has cores), not once per video.
 *
 * <p>Models come from the model cache of the node ({@code FACSFLOW_HOME}, else {@code ~/.cache/facsflow}), or from the
 * folder the job names ({@code --models}); a relative one is looked for in the task's working directory, where YARN
 * and Kubernetes unpack {@code --archives}, then in Spark's files root (local mode).
 */
final class ExecutorPipelines {
    private static final Deque<Pipeline> IDLE = new ArrayDeque<>();

    private ExecutorPipelines() {
    }

    /** An idle pipeline, or a new one loaded from {@code modelsHome} (null: the node's model cache). */
    static Pipeline borrow(String modelsHome) {
        synchronized (IDLE) {
            if (!IDLE.isEmpty()) return IDLE.pop();
            useModels(modelsHome);
        }
        long start = System.nanoTime(); // outside the lock: slots load in parallel
        Pipeline pipeline = Pipeline.load(AssetStore.standard(), PipelineExtractor.SETTINGS);
        System.err.printf(Locale.ROOT, "facsflow: models loaded in %.1f s for a task slot of this executor%n",
                (System.nanoTime() - start) / 1e9); // in the executor's log
        return pipeline;
    }

    /** Gives a pipeline back after a video went well; one whose video failed is closed instead (its state is unknown). */
    static void giveBack(Pipeline pipeline, boolean healthy) {
        if (!healthy) {
            pipeline.close();
            return;
        }
        synchronized (IDLE) {
            IDLE.push(pipeline);
        }
    }

    private static void useModels(String modelsHome) {
        if (modelsHome == null) return;
        Path home = Path.of(modelsHome);
        if (!home.isAbsolute() && !Files.isDirectory(home.toAbsolutePath()))
            home = Path.of(SparkFiles.getRootDirectory()).resolve(modelsHome);
        String now = home.toAbsolutePath().normalize().toString(), before = System.getProperty("facsflow.home");
        if (before != null && !before.equals(now))
            throw new IllegalStateException("this JVM already loads its models from " + before + ", not " + now);
        System.setProperty("facsflow.home", now); // read by AssetStore and the ONNX Runtime library cache
    }
}
