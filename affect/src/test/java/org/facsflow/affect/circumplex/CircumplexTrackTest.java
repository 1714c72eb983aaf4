package org.facsflow.affect.circumplex;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A track stays bounded however long a camera runs, and still spans the whole run in time order. */
class CircumplexTrackTest {
    @Test
    void hoursOfFramesKeepABoundedTrackThatSpansThemAll() {
        CircumplexTrack.Builder builder = new CircumplexTrack.Builder(0);
        int frames = 30 * 3600; // an hour at 30 fps
        for (int i = 0; i < frames; i++) builder.add(i / 30.0, new ValenceArousal((float) Math.sin(i / 300.0), 0));
        CircumplexTrack track = builder.build();
        assertThat(track.size()).isLessThanOrEqualTo(CircumplexTrack.Builder.MAX_POINTS).isGreaterThan(CircumplexTrack.Builder.MAX_POINTS / 4);
        assertThat(track.times()[0]).isZero();
        assertThat(track.times()[track.size() - 1]).isGreaterThan(3599);
        for (int i = 1; i < track.size(); i++) {
            assertThat(track.times()[i]).isGreaterThan(track.times()[i - 1]);
            assertThat(track.valence()[i]).isEqualTo((float) Math.sin(track.times()[i] * 30 / 300.0), org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void aShortVideoKeepsEveryFrame() {
        CircumplexTrack.Builder builder = new CircumplexTrack.Builder(3);
        for (int i = 0; i < 1000; i++) builder.add(i, new ValenceArousal(0.1f, -0.2f));
        assertThat(builder.build().size()).isEqualTo(1000);
    }
}
