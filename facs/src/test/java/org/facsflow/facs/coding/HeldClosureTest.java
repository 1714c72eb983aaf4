package org.facsflow.facs.coding;

import org.facsflow.facs.ActionUnit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** FACS's half-second rule between AU43 and the AU45 blink, at 25 frames a second. */
class HeldClosureTest {
    private static final int AU43 = AuFrame.index(ActionUnit.AU43), AU12 = AuFrame.index(ActionUnit.AU12);
    private static final double FPS = 25;

    @Test
    void aBlinkIsNoClosureAndAHeldClosureIsOfflineAsAWhole() {
        // open 10 frames, closed 6 (0.2 s from first to last: a blink), open 10, closed 20 (0.76 s), open 5, then a lost frame
        List<AuFrame> frames = new ArrayList<>();
        add(frames, 10, 0.4f);
        add(frames, 6, 2.5f);
        add(frames, 10, 0.4f);
        add(frames, 20, 3f);
        add(frames, 5, 0f);
        frames.add(null);
        List<AuFrame> out = HeldClosure.offline(frames, times(frames.size()));
        assertEquals(frames.size(), out.size());
        for (int i = 0; i < 26; i++) assertClosure(out.get(i), 0, false);
        for (int i = 26; i < 46; i++) assertClosure(out.get(i), 3f, true);
        for (int i = 46; i < 51; i++) assertClosure(out.get(i), 0, false);
        assertNull(out.get(51));
        // other AUs pass untouched
        assertEquals(1.5f, out.get(30).intensity()[AU12]);
    }

    @Test
    void liveAClosureCountsOnceItHasLastedHalfASecond() {
        HeldClosure closure = new HeldClosure();
        double[] t = times(50);
        for (int i = 0; i < 5; i++) assertClosure(closure.next(frame(2.5f), t[i]), 0, false);
        assertClosure(closure.next(frame(0.2f), t[5]), 0, false);
        // a new stretch from frame 6: 0.5 s later (frame 18.5) it is a closure, not before
        for (int i = 6; i < 19; i++) assertClosure(closure.next(frame(3f), t[i]), 0, false);
        for (int i = 19; i < 30; i++) assertClosure(closure.next(frame(3f), t[i]), 3f, true);
        assertClosure(closure.next(frame(Float.NaN), t[30]), Float.NaN, false);
        assertClosure(closure.next(frame(3f), t[31]), 0, false);
        // a frame without the face (32) ends a stretch too: the one from 33 counts from 45.5, not from 43.5
        closure.end();
        for (int i = 33; i < 46; i++) assertClosure(closure.next(frame(3f), t[i]), 0, false);
        assertClosure(closure.next(frame(3f), t[46]), 3f, true);
    }

    private static void assertClosure(AuFrame f, float intensity, boolean present) {
        assertEquals(intensity, f.intensity()[AU43]);
        assertEquals(present, f.present()[AU43]);
        if (!Float.isNaN(intensity)) assertEquals(intensity, f.left()[AU43]);
    }

    private static void add(List<AuFrame> frames, int n, float au43) {
        for (int i = 0; i < n; i++) frames.add(frame(au43));
    }

    /** AU43 (both sides alike) at {@code au43}, present from 1 as its rule's threshold; AU12 at 1.5 beside it. */
    private static AuFrame frame(float au43) {
        int n = ActionUnit.CODED.size();
        float[] intensity = new float[n], left = new float[n], right = new float[n];
        Arrays.fill(left, Float.NaN);
        Arrays.fill(right, Float.NaN);
        boolean[] present = new boolean[n];
        intensity[AU43] = left[AU43] = right[AU43] = au43;
        present[AU43] = au43 >= 1;
        intensity[AU12] = 1.5f;
        return new AuFrame(intensity, left, right, present, BaselineMode.OFFLINE);
    }

    private static double[] times(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = i / FPS;
        return t;
    }
}
