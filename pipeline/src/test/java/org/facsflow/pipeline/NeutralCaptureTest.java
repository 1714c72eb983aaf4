package org.facsflow.pipeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The `n` key's timing: 2 s of frame time per face, faces joining late, a face without a measurable frame. */
class NeutralCaptureTest {
    /** Records the calls the UI side makes; what the coder does with them is the AU coder's to test. */
    private static final class Calls implements NeutralSegments {
        final List<String> calls = new ArrayList<>();
        final Map<Integer, Integer> frames = new HashMap<>();

        @Override
        public void beginNeutral(int faceId) {
            calls.add("begin " + faceId);
        }

        @Override
        public int endNeutral(int faceId) {
            calls.add("end " + faceId);
            return frames.getOrDefault(faceId, 0);
        }
    }

    @Test
    void eachFaceSeenInTheNextTwoSecondsOfFramesIsCollectedThenSwitched() {
        Calls coder = new Calls();
        coder.frames.put(0, 60);
        coder.frames.put(1, 20);
        NeutralCapture capture = new NeutralCapture(coder);
        capture.beforeFrame(9.0, List.of(0));
        assertThat(coder.calls).isEmpty();
        capture.request();
        capture.beforeFrame(10.0, List.of(0));
        assertThat(capture.active()).isTrue();
        assertThat(capture.status()).contains("2.0 s left");
        capture.beforeFrame(11.3, List.of(0, 1)); // face 1 appears: it joins for the rest
        capture.beforeFrame(11.96, List.of(0, 1));
        assertThat(coder.calls).containsExactly("begin 0", "begin 1");
        capture.beforeFrame(12.0, List.of(0, 1));
        assertThat(capture.active()).isFalse();
        assertThat(coder.calls).containsExactly("begin 0", "begin 1", "end 0", "end 1");
        assertThat(capture.status()).isEqualTo("neutral taken: face 0 from 60 frames; face 1 from 20 frames");
    }

    @Test
    void aFaceWithoutAMeasurableFrameKeepsItsRunningBaseline() {
        Calls coder = new Calls();
        NeutralCapture capture = new NeutralCapture(coder);
        capture.request();
        capture.beforeFrame(0, List.of(3));
        capture.beforeFrame(2.5, List.of(3));
        assertThat(capture.status()).contains("face 3: no measurable frame, running baseline kept");
    }
}
