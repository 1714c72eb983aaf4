package org.facsflow.apps;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress report on a terminal (frames, frames per second, time left), redrawn with '\r' at most twice a
 * second. Without a console, or under CI, it stays silent: logs would fill with redraws.
 */
final class Progress {
    private static final long REDRAW_NANOS = 500_000_000L;

    private final PrintStream out; // null: silent
    private final String label;
    private final long total;
    private final long started = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    private Progress(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    /** @param total frames expected; 0 or less when unknown (live sources) */
    static Progress onTerminal(PrintStream out, String label, long total) {
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        return new Progress(terminal ? out : null, label, total);
    }

    void update(long frames) {
        if (out == null) return;
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        double seconds = (now - started) / 1e9, fps = frames / Math.max(seconds, 1e-9);
        StringBuilder line = new StringBuilder("\r").append(label).append(": frame ").append(frames);
        if (total > 0) line.append('/').append(total);
        line.append(String.format(Locale.ROOT, "  %.0f fps", fps));
        if (total > 0 && frames > 0 && frames < total) {
            long left = Math.round((total - frames) / fps);
            line.append(String.format(Locale.ROOT, "  ETA %d:%02d", left / 60, left % 60));
        }
        out.print(line.append("   "));
        out.flush();
        drawn = true;
    }

    /** Clears the line, so the next message starts on a clean one. */
    void done() {
        if (out == null) return;
        if (drawn) out.print("\r" + " ".repeat(label.length() + 50) + "\r");
        out.flush();
    }
}
