package org.facsflow.apps.live;

import java.awt.event.KeyEvent;

/** The live window's keys. */
enum LiveKey {
    PAUSE(KeyEvent.VK_SPACE), MESH(KeyEvent.VK_M), POSE(KeyEvent.VK_P), GAZE(KeyEvent.VK_G), BARS(KeyEvent.VK_B),
    NEUTRAL(KeyEvent.VK_N), RECORD(KeyEvent.VK_R), SCREENSHOT(KeyEvent.VK_S), QUIT(KeyEvent.VK_Q, KeyEvent.VK_ESCAPE);

    private final int[] keyCodes;

    LiveKey(int... keyCodes) {
        this.keyCodes = keyCodes;
    }

    /** The {@link KeyEvent} key codes that press this key. */
    int[] keyCodes() {
        return keyCodes.clone();
    }
}
