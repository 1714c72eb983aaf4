package org.facsflow.apps.live;

import java.util.Arrays;

/**
 * What the window measures as it paints: frames shown, their rate, and each frame's latency from its arrival (the
 * capture thread's clock) to the end of its first paint. The recent frames give the on-screen figures; a histogram of
 * 1 ms bins gives the whole run's mean and percentiles with fixed memory, however long the run. Thread-safe.
 */
final class DisplayTiming {
    static final int RECENT = 120;
    private static final int MAX_MS = 10_000;
    private static final long FPS_WINDOW_NANOS = 2_000_000_000L;

    /** Figures over the recent frames (on screen) or the whole run (the summary); NaN where there is no frame. */
    record Figures(long shown, double fps, double meanMs, double p95Ms, double maxMs) {
    }

    private final long[] histogram = new long[MAX_MS + 1];
    private final double[] recentMs = new double[RECENT];
    private final long[] recentPaint = new long[RECENT];
    private long shown;
    private double sumMs, maxMs;
    private long firstPaint, lastPaint;

    /** One frame painted for the first time at {@code paintNanos}, having arrived at {@code arrivalNanos}. */
    synchronized void shown(long arrivalNanos, long paintNanos) {
        double ms = (paintNanos - arrivalNanos) / 1e6;
        int slot = (int) (shown % RECENT);
        recentMs[slot] = ms;
        recentPaint[slot] = paintNanos;
        if (shown == 0) firstPaint = paintNanos;
        lastPaint = paintNanos;
        shown++;
        sumMs += ms;
        maxMs = Math.max(maxMs, ms);
        histogram[(int) Math.max(0, Math.min(MAX_MS, Math.round(ms)))]++;
    }

    synchronized long shown() {
        return shown;
    }

    /** The last {@value #RECENT} frames; the rate over those painted in the last 2 s (0 when none was, e.g. paused). */
    synchronized Figures recent(long nowNanos) {
        int n = (int) Math.min(shown, RECENT);
        if (n == 0) return new Figures(0, 0, Double.NaN, Double.NaN, Double.NaN);
        double[] ms = Arrays.copyOf(recentMs, n);
        Arrays.sort(ms);
        double sum = 0;
        for (double v : ms) sum += v;
        int inWindow = 0;
        long oldest = Long.MAX_VALUE, newest = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (nowNanos - recentPaint[i] > FPS_WINDOW_NANOS) continue;
            inWindow++;
            oldest = Math.min(oldest, recentPaint[i]);
            newest = Math.max(newest, recentPaint[i]);
        }
        double fps = inWindow >= 2 && newest > oldest ? (inWindow - 1) * 1e9 / (newest - oldest) : 0;
        return new Figures(shown, fps, sum / n, ms[Math.min(n - 1, (int) Math.ceil(0.95 * n) - 1)], ms[n - 1]);
    }

    /** The whole run: rate from the first paint to the last; percentiles to the millisecond. */
    synchronized Figures total() {
        if (shown == 0) return new Figures(0, 0, Double.NaN, Double.NaN, Double.NaN);
        double fps = shown >= 2 && lastPaint > firstPaint ? (shown - 1) * 1e9 / (lastPaint - firstPaint) : 0;
        long rank = (long) Math.ceil(0.95 * shown), seen = 0;
        int bin = 0;
        while (bin < MAX_MS && (seen += histogram[bin]) < rank) bin++;
        return new Figures(shown, fps, sumMs / shown, bin, maxMs);
    }
}
