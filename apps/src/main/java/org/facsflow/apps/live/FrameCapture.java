package org.facsflow.apps.live;

import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoOpener;
import org.facsflow.media.VideoSource;

import java.util.function.Consumer;

/**
 * The capture thread: reads the source as fast as it delivers and puts each frame into the {@link LatestFrame} slot,
 * stamped with its arrival time. It owns the source (FFmpeg's grabber is not thread-safe) and closes it when it stops.
 *
 * <p>A file is paced: each frame is handed over at its own timestamp, as a camera would deliver it, and pausing
 * pauses the file. A camera that stops delivering is reopened up to {@value #RECONNECT_TRIES} times,
 * {@value #RECONNECT_WAIT_MS} ms apart; its timestamps then continue where they stopped, so the tracker's time only
 * moves forward. Anything else that ends or fails ends the slot, and processing ends with it.
 */
final class FrameCapture implements Runnable {
    static final int RECONNECT_TRIES = 3;
    static final long RECONNECT_WAIT_MS = 1000;

    private final String spec;
    private final SourceKind kind;
    private final VideoOpener opener;
    private final LatestFrame slot;
    private final Consumer<String> status;
    private VideoSource source;
    private volatile boolean stopping;
    private volatile long captured;

    /**
     * @param source an open source, now owned by this capture
     * @param status receives what a user should know (a lost camera, a reconnection)
     */
    FrameCapture(String spec, VideoSource source, VideoOpener opener, LatestFrame slot, Consumer<String> status) {
        this.spec = spec;
        this.kind = SourceKind.of(spec);
        this.source = source;
        this.opener = opener;
        this.slot = slot;
        this.status = status;
    }

    /** Frames read from the source so far. */
    long captured() {
        return captured;
    }

    /** Asks the thread to stop after the frame it is reading; it closes the source itself. */
    void stop() {
        stopping = true;
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public void run() {
        double offset = 0, last = Double.NaN, interval = 1 / 30.0;
        long clock = Long.MIN_VALUE; // nanoTime at which a paced file's timestamp 0 is due
        try {
            while (!stopping) {
                if (kind.paced()) {
                    long waited = slot.awaitRunning();
                    if (clock != Long.MIN_VALUE) clock += waited;
                }
                RgbImage image;
                MediaException problem = null;
                try {
                    image = source.next();
                } catch (MediaException e) {
                    image = null;
                    problem = e;
                }
                if (stopping) break;
                if (image == null) {
                    if (!kind.reconnects()) {
                        if (problem != null) slot.fail(problem);
                        else slot.end();
                        return;
                    }
                    if (!reconnect(problem)) return;
                    offset = Double.isNaN(last) ? 0 : last + interval;
                    continue;
                }
                double time = image.timestampSeconds() + offset;
                if (!Double.isNaN(last) && time > last) interval = Math.min(1, time - last);
                if (kind.paced()) {
                    if (clock == Long.MIN_VALUE) clock = System.nanoTime() - Math.round(time * 1e9);
                    if (!sleepUntil(clock + Math.round(time * 1e9))) break;
                }
                last = time;
                captured++;
                RgbImage stamped = offset == 0 ? image : new RgbImage(image.width(), image.height(), image.rgb(), time);
                slot.offer(new LatestFrame.Captured(stamped, captured, System.nanoTime()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            slot.end();
            closeQuietly(source);
        }
    }

    /** Reopens a lost camera; false (and the slot failed) when it cannot be reopened or capture is stopping. */
    private boolean reconnect(MediaException problem) throws InterruptedException {
        String why = problem == null ? "delivered no more frames" : problem.problem();
        closeQuietly(source);
        source = null;
        MediaException last = problem;
        for (int attempt = 1; attempt <= RECONNECT_TRIES && !stopping; attempt++) {
            status.accept(spec + " lost (" + why + "): reconnecting, attempt " + attempt + " of " + RECONNECT_TRIES);
            if (!sleepUntil(System.nanoTime() + RECONNECT_WAIT_MS * 1_000_000)) return false;
            try {
                source = opener.open(spec);
                status.accept(spec + " reconnected");
                return true;
            } catch (MediaException e) {
                last = e;
            }
        }
        if (!stopping)
            slot.fail(new MediaException(spec, "lost after " + captured + " frames (" + why + ") and not reopened in "
                    + RECONNECT_TRIES + " attempts" + (last != null && last != problem ? ": " + last.problem() : ""), last));
        return false;
    }

    /** Sleeps until {@code deadline} ({@link System#nanoTime()}); false when capture was stopped meanwhile. */
    private synchronized boolean sleepUntil(long deadline) throws InterruptedException {
        for (long left = deadline - System.nanoTime(); left > 0 && !stopping; left = deadline - System.nanoTime())
            wait(left / 1_000_000, (int) (left % 1_000_000));
        return !stopping;
    }

    private static void closeQuietly(VideoSource source) {
        if (source == null) return;
        try {
            source.close();
        } catch (MediaException | RuntimeException ignored) {
            // closing after the end or a failure: the end or the failure is what is reported
        }
    }
}
