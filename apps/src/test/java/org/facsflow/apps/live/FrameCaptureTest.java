package org.facsflow.apps.live;

import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capture thread's ways with a source: a file is paced at its timestamps, a lost camera is reopened with its
 * timestamps continuing, and a camera that cannot be reopened ends the run with a message naming it.
 */
class FrameCaptureTest {
    /** A source that delivers {@code frames} frames at 30 fps from time 0, then ends (or fails, as told). */
    private static final class Clip implements VideoSource {
        private final int frames;
        private final boolean failAtEnd;
        private int next;
        boolean closed;

        Clip(int frames, boolean failAtEnd) {
            this.frames = frames;
            this.failAtEnd = failAtEnd;
        }

        @Override
        public RgbImage next() throws MediaException {
            if (next == frames) {
                if (failAtEnd) throw new MediaException("camera:0", "device unplugged", null);
                return null;
            }
            return new RgbImage(2, 2, new byte[12], next++ / 30.0);
        }

        @Override
        public double frameRate() {
            return 30;
        }

        @Override
        public int width() {
            return 2;
        }

        @Override
        public int height() {
            return 2;
        }

        @Override
        public long frameCountEstimate() {
            return frames;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Takes every frame processing is offered, with its timestamp, until the end; rethrows a failure. */
    private static CompletableFuture<List<Double>> drain(LatestFrame slot) {
        return CompletableFuture.supplyAsync(() -> {
            List<Double> times = new ArrayList<>();
            try {
                for (RgbImage image = slot.next(); image != null; image = slot.next()) {
                    times.add(image.timestampSeconds());
                    slot.release(image);
                }
            } catch (MediaException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return times;
        });
    }

    @Test
    void aFileIsHandedOverAtItsOwnPaceAndEndsTheRun() throws Exception {
        LatestFrame slot = new LatestFrame(2);
        Clip clip = new Clip(15, false);
        CompletableFuture<List<Double>> times = drain(slot);
        long start = System.nanoTime();
        new FrameCapture("clip.mp4", clip, spec -> null, slot, s -> { }).run();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).as("15 frames at 30 fps, paced").isBetween(14 / 30.0 - 0.02, 2.0);
        assertThat(times.get(5, TimeUnit.SECONDS)).hasSize(15).isSorted();
        assertThat(slot.dropped()).isZero();
        assertThat(clip.closed).isTrue();
    }

    @Test
    void aLostCameraIsReopenedItsTimeGoesOnAndOneThatStaysLostEndsTheRunWithItsName() throws Exception {
        LatestFrame slot = new LatestFrame(1);
        Clip first = new Clip(5, true), second = new Clip(5, true);
        List<String> status = Collections.synchronizedList(new ArrayList<>());
        List<VideoSource> reopened = new ArrayList<>(List.of(second));
        FrameCapture capture = new FrameCapture("camera:0", first, spec -> {
            if (reopened.isEmpty()) throw new MediaException(spec, "no such camera", null);
            return reopened.remove(0);
        }, slot, status::add);
        List<Double> offered = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> failure = CompletableFuture.supplyAsync(() -> {
            try {
                for (RgbImage image = slot.next(); image != null; image = slot.next()) {
                    offered.add(image.timestampSeconds());
                    slot.release(image);
                }
                return "no failure";
            } catch (MediaException e) {
                return e.getMessage();
            }
        });
        capture.run(); // the second camera is lost too and cannot be reopened: 3 attempts, 1 s apart
        assertThat(status).startsWith("camera:0 lost (device unplugged): reconnecting, attempt 1 of 3", "camera:0 reconnected");
        assertThat(first.closed).isTrue();
        assertThat(second.closed).isTrue();
        assertThat(capture.captured()).isEqualTo(10);
        assertThat(failure.get(5, TimeUnit.SECONDS)).isEqualTo("camera:0: lost after 10 frames (device unplugged) and "
                + "not reopened in 3 attempts: no such camera");
        // Processing saw time only move forward, into the reopened camera's frames.
        assertThat(offered).isNotEmpty().isSorted();
        assertThat(offered.get(offered.size() - 1)).isGreaterThan(4 / 30.0);
    }
}
