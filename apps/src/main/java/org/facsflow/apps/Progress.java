package org.facsflow.apps;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of one input (frames, frames per second, time left; with an offline baseline, which of the two passes).
 * On a terminal one line redrawn with '\r' twice a second; otherwise (a log, CI) a plain line every
 * {@value #LOG_SECONDS} s, so a long run shows it is alive without filling the log.
 */
final class Progress {
    private static final long REDRAW_NANOS = 500_000_000L;
    static final long LOG_SECONDS = 5;

    private final PrintStream out;
    private final String label;
    private final boolean terminal;
    private long started = System.nanoTime();
    private long lastDraw = System.nanoTime();
    private int pass = 1;
    private boolean drawn;

    private Progress(PrintStream out, String label, boolean terminal) {
        this.out = out;
        this.label = label;
        this.terminal = terminal;
    }

    static Progress of(PrintStream out, String label) {
        return new Progress(out, label, System.console() != null && System.getenv("CI") == null);
    }

    /** After a frame: see {@link org.facsflow.pipeline.VideoProgress}. */
    void frame(int pass, int passes, long frames, long total) {
        long now = System.nanoTime();
        if (pass != this.pass) {
            this.pass = pass;
            started = now;
        }
        if (now - lastDraw < (terminal ? REDRAW_NANOS : LOG_SECONDS * 1_000_000_000L)) return;
        lastDraw = now;
        double seconds = (now - started) / 1e9, fps = frames / Math.max(seconds, 1e-9);
        StringBuilder line = new StringBuilder(terminal ? "\r" : "").append(label);
        if (passes > 1) line.append(pass == 1 ? " (baseline pass 1/2)" : " (pass 2/2)");
        line.append(": frame ").append(frames);
        if (total > 0) line.append('/').append(total);
        line.append(String.format(Locale.ROOT, "  %.0f fps", fps));
        if (total > 0 && frames > 0 && frames < total) {
            long left = Math.round((total - frames) / fps + (passes - pass) * total / fps);
            line.append(String.format(Locale.ROOT, "  ETA %d:%02d", left / 60, left % 60));
        }
        if (terminal) out.print(line.append("   "));
        else out.println(line);
        out.flush();
        drawn = terminal;
    }

    /** Clears a redrawn line, so the next message starts on a clean one. */
    void done() {
        if (drawn) out.print("\r" + " ".repeat(label.length() + 70) + "\r");
        out.flush();
    }
}
