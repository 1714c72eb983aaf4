package org.facsflow.apps.live;

import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The capture-to-processing hand-over: newest frame wins, drops are counted, nothing queues, pauses hold. */
class LatestFrameTest {
    private static LatestFrame.Captured frame(long number) {
        return new LatestFrame.Captured(new RgbImage(2, 2, new byte[12], number / 30.0), number, System.nanoTime());
    }

    @Test
    void processingGetsTheNewestFrameAndEachReplacedOneCountsAsDropped() throws MediaException {
        LatestFrame slot = new LatestFrame(2);
        for (int n = 1; n <= 5; n++) slot.offer(frame(n));
        RgbImage taken = slot.next();
        assertThat(slot.release(taken).number()).isEqualTo(5);
        assertThat(slot.dropped()).isEqualTo(4);
    }

    @Test
    void noMoreThanMaxInFlightFramesAreHandedOutUntilOneIsReleased() throws Exception {
        LatestFrame slot = new LatestFrame(2);
        slot.offer(frame(1));
        RgbImage first = slot.next();
        slot.offer(frame(2));
        slot.next();
        slot.offer(frame(3));
        CompletableFuture<RgbImage> third = CompletableFuture.supplyAsync(() -> next(slot));
        assertThatThrownBy(() -> third.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        slot.offer(frame(4)); // replaces 3 while processing is full: dropped, never queued
        slot.release(first);
        assertThat(third.get(5, TimeUnit.SECONDS).timestampSeconds()).isEqualTo(4 / 30.0);
        assertThat(slot.dropped()).isEqualTo(1);
    }

    @Test
    void framesComeBackInTheOrderTheyWereTaken() throws MediaException {
        LatestFrame slot = new LatestFrame(2);
        slot.offer(frame(1));
        slot.next();
        slot.offer(frame(2));
        RgbImage second = slot.next();
        assertThatThrownBy(() -> slot.release(second)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pausedNothingIsHandedOutAndFramesReplacedMeanwhileAreNotDrops() throws Exception {
        LatestFrame slot = new LatestFrame(2);
        slot.pause(true);
        slot.offer(frame(1));
        slot.offer(frame(2));
        CompletableFuture<RgbImage> next = CompletableFuture.supplyAsync(() -> next(slot));
        assertThatThrownBy(() -> next.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        slot.pause(false);
        assertThat(next.get(5, TimeUnit.SECONDS).timestampSeconds()).isEqualTo(2 / 30.0);
        assertThat(slot.dropped()).isZero();
        assertThat(slot.skippedWhilePaused()).isEqualTo(1);
    }

    @Test
    void aFrameThatWaitedThroughAPauseCountsItsLatencyFromTheResumption() throws Exception {
        LatestFrame slot = new LatestFrame(1);
        slot.offer(frame(1));
        slot.pause(true);
        Thread.sleep(300);
        slot.pause(false);
        long arrival = slot.release(slot.next()).arrivalNanos();
        assertThat(System.nanoTime() - arrival).isLessThan(TimeUnit.MILLISECONDS.toNanos(250));
    }

    @Test
    void theEndComesAfterThePendingFrameAndAFailureIsThrownThere() throws MediaException {
        LatestFrame ended = new LatestFrame(1);
        ended.offer(frame(1));
        ended.end();
        ended.release(ended.next());
        assertThat(ended.next()).isNull();

        LatestFrame failed = new LatestFrame(1);
        failed.fail(new MediaException("camera:0", "lost", null));
        assertThatThrownBy(failed::next).isInstanceOf(MediaException.class).hasMessage("camera:0: lost");
    }

    @Test
    void stopEndsProcessingAtOnceEvenWithAFramePending() throws MediaException {
        LatestFrame slot = new LatestFrame(1);
        slot.offer(frame(1));
        slot.stop();
        assertThat(slot.next()).isNull();
    }

    private static RgbImage next(LatestFrame slot) {
        try {
            return slot.next();
        } catch (MediaException e) {
            throw new IllegalStateException(e);
        }
    }
}
