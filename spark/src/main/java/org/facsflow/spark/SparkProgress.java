package org.facsflow.spark;

import org.apache.spark.ExceptionFailure;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.facsflow.study.RunProgress;
import scala.jdk.javaapi.CollectionConverters;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The extraction's progress on the driver, as plain lines on stderr: one per video done or failed and per try that
 * Spark runs again, and every {@code interval} the counts, the tasks running and the time left. A listener on Spark's
 * events follows the tasks of the extraction job (one per video, its index the video's); which way a video went
 * comes from the job's accumulators, whose updates each finished task carries.
 */
final class SparkProgress extends SparkListener implements AutoCloseable {
    static final String JOB_GROUP = "facsflow-extract";

    private final SparkContext context;
    private final List<VideoTask> tasks;
    private final VideoJob.Counters counters;
    private final PrintStream out;
    private final ScheduledExecutorService ticker;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final long started = System.nanoTime();
    private int done, skipped, failed;

    /** @param tasks in the order the job's partitions hold them */
    SparkProgress(SparkContext context, List<VideoTask> tasks, VideoJob.Counters counters, PrintStream out, Duration interval) {
        this.context = context;
        this.tasks = tasks;
        this.counters = counters;
        this.out = out;
        out.println("spark: " + tasks.size() + " videos on " + context.master() + ", one task each");
        context.addSparkListener(this);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "facsflow-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::report, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        if (JOB_GROUP.equals(start.properties().getProperty("spark.jobGroup.id")))
            for (Object stage : CollectionConverters.asJava(start.stageIds())) stages.add((Integer) stage);
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        if (stages.contains(start.stageId())) running.add(start.taskInfo().taskId());
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        if (!stages.contains(end.stageId())) return;
        running.remove(end.taskInfo().taskId());
        VideoTask task = tasks.get(end.taskInfo().index());
        if (end.reason() instanceof TaskFailedReason failure) {
            String why = failure instanceof ExceptionFailure e ? e.description() : failure.toErrorString().lines().findFirst().orElse("");
            out.println("spark: " + task.id() + " try " + (end.taskInfo().attemptNumber() + 1) + " failed (" + why
                    + "); Spark tries it again unless that was its last try");
            return;
        }
        long rows = 0;
        String state = "done";
        String failure = "";
        for (AccumulableInfo info : CollectionConverters.asJava(end.taskInfo().accumulables())) {
            if (info.update().isEmpty()) continue;
            Object update = info.update().get();
            if (info.id() == counters.rows().id()) rows = (Long) update;
            else if (info.id() == counters.skipped().id() && (Long) update > 0) state = "skipped";
            else if (info.id() == counters.failed().id() && update instanceof List<?> reasons && !reasons.isEmpty()) {
                state = "failed";
                failure = String.valueOf(reasons.get(0));
            }
        }
        switch (state) {
            case "skipped" -> skipped++;
            case "failed" -> failed++;
            default -> done++;
        }
        notifyAll();
        if (state.equals("skipped")) return; // a resumed run would list every finished video
        out.println("spark: " + task.id() + (state.equals("done")
                ? " done: " + rows + " rows in " + Math.round(end.taskInfo().duration() / 1000.0) + " s"
                : " failed after " + (end.taskInfo().attemptNumber() + 1) + " tries: " + failure) + "; " + counts() + eta());
    }

    private synchronized void report() {
        if (!running.isEmpty()) out.println("spark: " + counts() + ", " + running.size() + " running" + eta());
    }

    private String counts() {
        return (done + skipped + failed) + "/" + tasks.size() + " videos (" + skipped + " skipped, " + failed + " failed)";
    }

    /** "  ETA 3m10s" from the time per video extracted (or failed) so far; skipped videos take next to none. */
    private String eta() {
        int extracted = done + failed, left = tasks.size() - extracted - skipped;
        if (extracted == 0 || left == 0) return "";
        long perVideo = (System.nanoTime() - started) / extracted;
        return "  ETA " + RunProgress.Display.format(Duration.ofNanos(perVideo * left));
    }

    /** Waits (a few seconds at most) for Spark to deliver the last tasks' events, then stops. */
    @Override
    public void close() {
        ticker.shutdownNow();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        synchronized (this) {
            while (done + skipped + failed < tasks.size() && System.nanoTime() < deadline) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        context.removeSparkListener(this);
        out.flush();
    }
}
