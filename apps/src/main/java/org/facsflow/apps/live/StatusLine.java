package org.facsflow.apps.live;

import java.io.PrintStream;

/** The window's line of news (recording saved, camera lost, neutral taken); what matters later is also printed. */
final class StatusLine {
    private final PrintStream out;
    private volatile String text = "";

    StatusLine(PrintStream out) {
        this.out = out;
    }

    /** Shown in the window only (e.g. a countdown). */
    void show(String line) {
        text = line;
    }

    /** Shown and printed: files written, sources lost, outcomes. */
    void announce(String line) {
        text = line;
        out.println("facsflow live: " + line);
    }

    String text() {
        return text;
    }
}
