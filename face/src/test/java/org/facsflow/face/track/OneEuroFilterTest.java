package org.facsflow.face.track;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The One Euro filter's two promises: a still value stays put (and is calmed), a fast one is followed closely. */
class OneEuroFilterTest {
    private static final OneEuroFilter.Settings SETTINGS = new OneEuroFilter.Settings(1.0, 10.0, 1.0);

    @Test
    void aConstantPassesUnchangedAndTheFirstValueIsTakenAsItIs() {
        OneEuroFilter filter = new OneEuroFilter(2, SETTINGS);
        for (int i = 0; i < 30; i++) {
            float[] v = {3f, -7f};
            filter.apply(v, i / 30.0, 1);
            assertThat(v[0]).isEqualTo(3f);
            assertThat(v[1]).isEqualTo(-7f);
        }
    }

    @Test
    void jitterAtRestShrinksButAFastMoveIsFollowedWithLittleLag() {
        OneEuroFilter filter = new OneEuroFilter(1, SETTINGS);
        double in = 0, out = 0;
        float previous = 0;
        for (int i = 0; i < 60; i++) {
            float noise = (i % 2 == 0 ? 0.01f : -0.01f);
            float[] v = {noise};
            filter.apply(v, i / 30.0, 1);
            if (i > 10) {
                in += Math.abs(noise - (i % 2 == 0 ? -0.01f : 0.01f));
                out += Math.abs(v[0] - previous);
            }
            previous = v[0];
        }
        assertThat(out).isLessThan(in / 3);
        // A move of one unit per second: after half a second the filter is within a tenth of a unit.
        float[] v = {0};
        for (int i = 60; i <= 75; i++) {
            v[0] = (i - 60) / 30f;
            filter.apply(v, i / 30.0, 1);
        }
        assertThat(v[0]).isCloseTo(0.5f, within(0.1f));
    }

    @Test
    void resetForgetsThePast() {
        OneEuroFilter filter = new OneEuroFilter(1, SETTINGS);
        float[] v = {0};
        filter.apply(v, 0, 1);
        filter.reset();
        v[0] = 100;
        filter.apply(v, 1 / 30.0, 1);
        assertThat(v[0]).isEqualTo(100f);
    }
}
