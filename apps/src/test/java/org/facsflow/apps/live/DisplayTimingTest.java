package org.facsflow.apps.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Latency and rate figures from paint times: what the status bar and the exit summary report. */
class DisplayTimingTest {
    private static final long MS = 1_000_000;

    @Test
    void meanAndPercentileOfTheWholeRun() {
        DisplayTiming timing = new DisplayTiming();
        long t = 1_000_000_000L;
        // 100 frames at 30 fps: latencies 1..100 ms.
        for (int i = 1; i <= 100; i++, t += 33 * MS) timing.shown(t - i * MS, t);
        DisplayTiming.Figures total = timing.total();
        assertThat(total.shown()).isEqualTo(100);
        assertThat(total.meanMs()).isCloseTo(50.5, within(1e-9));
        assertThat(total.p95Ms()).isEqualTo(95);
        assertThat(total.maxMs()).isEqualTo(100);
        assertThat(total.fps()).isCloseTo(1000 / 33.0, within(0.01));
    }

    @Test
    void theRecentFiguresFollowTheLastFramesAndTheRateFallsToZeroWhenNothingIsShown() {
        DisplayTiming timing = new DisplayTiming();
        long t = 0;
        for (int i = 0; i < 500; i++, t += 40 * MS) timing.shown(t - (i < 380 ? 200 : 20) * MS, t);
        DisplayTiming.Figures recent = timing.recent(t);
        assertThat(recent.meanMs()).isCloseTo(20, within(1e-6));
        assertThat(recent.fps()).isCloseTo(25, within(0.01));
        assertThat(timing.recent(t + 3_000 * MS).fps()).isZero();
    }

    @Test
    void beforeTheFirstFrameThereAreNoFigures() {
        DisplayTiming.Figures none = new DisplayTiming().total();
        assertThat(none.shown()).isZero();
        assertThat(none.meanMs()).isNaN();
    }
}
