package org.facsflow.study;

import java.io.PrintStream;
import java.time.Duration;

/** Follows a run video by video; called from worker threads. */
public interface RunProgress {
    void start(int videos, int toExtract);

    void finished(VideoStatus status);

    /** Ends the display (e.g. moves past a progress line). */
    void end();

    /** Says nothing: for tests, and for runs without a console, whose logs a progress line would fill. */
    static RunProgress silent() {
        return new RunProgress() {
            @Override
            public void start(int videos, int toExtract) {
            }

            @Override
            public void finished(VideoStatus status) {
            }

            @Override
            public void end() {
            }
        };
    }

    /** A progress line with an ETA on {@code out} when a console is attached, else {@link #silent()}. */
    static RunProgress forConsole(PrintStream out) {
        return System.console() == null ? silent() : new Line(out);
    }

    /** One line, redrawn in place: videos finished of all, skipped and failed counts, time left. */
    final class Line implements RunProgress {
        private final PrintStream out;
        private int total, toExtract, extracted, skipped, failed;
        private long started;

        public Line(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void start(int videos, int toExtract) {
            this.total = videos;
            this.toExtract = toExtract;
            this.started = System.nanoTime();
            draw();
        }

        @Override
        public synchronized void finished(VideoStatus status) {
            switch (status.state()) {
                case SKIPPED -> skipped++;
                case FAILED -> {
                    failed++;
                    extracted++;
                }
                case DONE -> extracted++;
            }
            draw();
        }

        @Override
        public synchronized void end() {
            out.print('\n');
            out.flush();
        }

        private void draw() {
            String eta = "";
            if (extracted > 0 && extracted < toExtract) {
                long perVideo = (System.nanoTime() - started) / extracted;
                eta = "  ETA " + format(Duration.ofNanos(perVideo * (toExtract - extracted)));
            }
            out.printf("\rstudy: %d/%d videos (%d skipped, %d failed)%s   ", extracted + skipped, total, skipped,
                    failed, eta);
            out.flush();
        }

        static String format(Duration d) {
            long s = d.toSeconds();
            return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                    : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
        }
    }
}
