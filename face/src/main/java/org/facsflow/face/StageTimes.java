package org.facsflow.face;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent in each pipeline stage, summed over calls: what {@code facsflow bench} reports. It is the calling
 * thread's CPU time, not wall time: with more busy threads than cores a thread waits for a core in the middle of a
 * stage, and wall time would charge that wait to whichever stage it interrupted. Recording is two thread-clock reads
 * (about a microsecond) and two array additions, no allocation, so it stays on in production. One instance per
 * thread; {@link #add} merges them once the threads are done. Start and stop a stage on the same thread.
 */
public final class StageTimes {
    /** The stages of the video path, in pipeline order. */
    public enum Stage {
        DECODE("decode"), DETECT("detect"), MESH("mesh"), IRIS("iris"), OCCLUSION("occlusion"),
        POSE_GAZE("pose+gaze"),
        /** Recorded by the application: the AU coder and the affect layer (emotion models, rules, valence). */
        AUS_AFFECT("aus+affect"),
        WRITE("write");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int STAGES = Stage.values().length;
    private final long[] nanos = new long[STAGES];
    private final long[] calls = new long[STAGES];

    /** A start time for {@link #stop}: this thread's CPU time so far. */
    public static long start() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Adds this thread's CPU time since {@code start} to {@code stage}. */
    public void stop(Stage stage, long start) {
        nanos[stage.ordinal()] += THREADS.getCurrentThreadCpuTime() - start;
        calls[stage.ordinal()]++;
    }

    public double millis(Stage stage) {
        return nanos[stage.ordinal()] / 1e6;
    }

    public long calls(Stage stage) {
        return calls[stage.ordinal()];
    }

    /** Adds another thread's times to these (call after that thread has finished). */
    public void add(StageTimes other) {
        for (int i = 0; i < STAGES; i++) {
            nanos[i] += other.nanos[i];
            calls[i] += other.calls[i];
        }
    }

    public void reset() {
        java.util.Arrays.fill(nanos, 0);
        java.util.Arrays.fill(calls, 0);
    }
}
