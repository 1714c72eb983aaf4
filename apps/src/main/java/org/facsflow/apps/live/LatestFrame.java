package org.facsflow.apps.live;

import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The hand-over from the capture thread to processing: one slot that holds the newest captured frame. A frame that
 * arrives before processing took the one before replaces it, and the replaced frame counts as dropped, so processing
 * always starts on the newest frame and never falls behind the camera.
 *
 * <p>Processing holds at most {@code maxInFlight} frames at once (taken, not yet {@linkplain #release released}): the
 * tracking pipeline overlaps locating one frame with measuring the one before, which is worth a second frame in
 * flight; more would only wait in the pipeline's queues and add latency.
 *
 * <p>To the tracking pipeline it is a {@link VideoSource} whose {@link #next()} blocks until a frame may be taken.
 * Paused, nothing is handed out; frames that arrive meanwhile replace each other without counting as dropped.
 * Thread-safe: the capture thread offers, the pipeline's reader takes, processing releases, the window pauses.
 */
final class LatestFrame implements VideoSource {
    /** A frame as it arrived: its number in capture order (1-based) and when it arrived ({@link System#nanoTime()}). */
    record Captured(RgbImage image, long number, long arrivalNanos) {
    }

    private final int maxInFlight;
    private final Deque<Captured> inFlight = new ArrayDeque<>();
    private Captured pending;
    private boolean paused, ended, stopped;
    private long pausedAt;
    private MediaException failure;
    private long dropped, skippedWhilePaused;

    LatestFrame(int maxInFlight) {
        if (maxInFlight < 1) throw new IllegalArgumentException("maxInFlight " + maxInFlight);
        this.maxInFlight = maxInFlight;
    }

    /** From the capture thread: the newest frame, replacing one not yet taken. */
    synchronized void offer(Captured frame) {
        if (pending != null) {
            if (paused) skippedWhilePaused++;
            else dropped++;
        }
        pending = frame;
        notifyAll();
    }

    /** From the capture thread: no more frames; the ones in the slot are still processed. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** From the capture thread: the source failed; {@link #next()} throws it once the slot is empty. */
    synchronized void fail(MediaException problem) {
        failure = problem;
        ended = true;
        notifyAll();
    }

    /** Processing is to stop now: {@link #next()} returns null, whatever is pending. */
    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /**
     * Pauses or resumes handing out frames. A frame that arrived before the pause and is handed out after it counts
     * its wait from the resumption: the pause is the user's time, not latency.
     */
    synchronized void pause(boolean pause) {
        if (pause == paused) return;
        paused = pause;
        long now = System.nanoTime();
        if (pause) pausedAt = now;
        else if (pending != null && pending.arrivalNanos() < pausedAt)
            pending = new Captured(pending.image(), pending.number(), pending.arrivalNanos() + now - pausedAt);
        notifyAll();
    }

    synchronized boolean paused() {
        return paused;
    }

    /**
     * For a capture thread that paces a file: blocks while paused (a file waits; a camera does not).
     *
     * @return nanoseconds spent waiting, by which the file's clock is to be shifted
     */
    synchronized long awaitRunning() throws InterruptedException {
        long start = System.nanoTime();
        while (paused && !stopped) wait();
        return System.nanoTime() - start;
    }

    /** The next frame to process, once one has arrived and fewer than {@code maxInFlight} are in flight. */
    @Override
    public synchronized RgbImage next() throws MediaException {
        try {
            while (true) {
                if (stopped) return null;
                if (pending != null && !paused && inFlight.size() < maxInFlight) {
                    Captured frame = pending;
                    pending = null;
                    inFlight.addLast(frame);
                    return frame.image();
                }
                if (pending == null && ended) {
                    if (failure != null) throw failure;
                    return null;
                }
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the pipeline is stopping its reader
            return null;
        }
    }

    /**
     * Processing is done with the frame holding {@code image} (frames come back in the order they were taken).
     *
     * @return the frame as it was captured
     */
    synchronized Captured release(RgbImage image) {
        Captured frame = inFlight.pollFirst();
        if (frame == null || frame.image() != image)
            throw new IllegalStateException("frames released out of the order they were taken in");
        notifyAll();
        return frame;
    }

    /** Frames replaced by newer ones before processing could take them (not counting those while paused). */
    synchronized long dropped() {
        return dropped;
    }

    synchronized long skippedWhilePaused() {
        return skippedWhilePaused;
    }

    @Override
    public double frameRate() {
        return 0;
    }

    @Override
    public synchronized int width() {
        return pending == null ? 0 : pending.image().width();
    }

    @Override
    public synchronized int height() {
        return pending == null ? 0 : pending.image().height();
    }

    @Override
    public long frameCountEstimate() {
        return -1;
    }

    /** Nothing to release: the capture thread owns the real source. */
    @Override
    public void close() {
    }
}
