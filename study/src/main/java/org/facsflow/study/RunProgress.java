package org.facsflow.study;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** Follows a run video by video, and frame by frame inside the videos being extracted; called from worker threads. */
public interface RunProgress {
    void start(int videos, int toExtract);

    /**
     * A worker starts extracting {@code recording}; the returned listener hears its frames from the extractor
     * ({@link VideoExtractor.Progress}), possibly for every frame, so it must stay cheap.
     */
    default VideoExtractor.Progress extracting(Recording recording) {
        return VideoExtractor.Progress.NONE;
    }

    void finished(VideoStatus status);

    /** Ends the display (e.g. moves past a progress line). */
    void end();

    /** Says nothing: for tests. */
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

    /**
     * On a terminal, one line redrawn in place ({@link Line}); otherwise (a log, a pipe) plain lines, one per video
     * and one every 5 seconds while videos are in flight ({@link Lines}), so that a log shows the run is alive
     * without filling with carriage returns.
     */
    static RunProgress forConsole(PrintStream out) {
        return System.console() != null ? new Line(out) : new Lines(out, Duration.ofSeconds(5));
    }

    /**
     * What both displays keep: counts of videos, the videos in flight with their frames, and the time left. A frame
     * costs its video two volatile writes and a look at the clock; a redraw is due at most once per interval.
     */
    abstract class Display implements RunProgress {
        protected final PrintStream out;
        private final long interval;
        private final List<Video> inFlight = new CopyOnWriteArrayList<>();
        int total, toExtract;
        private int extracted, skipped, failed;
        private long started;
        private volatile long nextDraw;

        Display(PrintStream out, Duration interval) {
            this.out = out;
            this.interval = interval.toNanos();
        }

        @Override
        public synchronized void start(int videos, int toExtract) {
            this.total = videos;
            this.toExtract = toExtract;
            this.started = System.nanoTime();
            nextDraw = started + interval;
            started();
        }

        @Override
        public VideoExtractor.Progress extracting(Recording recording) {
            Video video = new Video(recording);
            inFlight.add(video);
            return video;
        }

        @Override
        public synchronized void finished(VideoStatus status) {
            inFlight.removeIf(v -> v.recording == status.recording());
            switch (status.state()) {
                case SKIPPED -> skipped++;
                case FAILED -> {
                    failed++;
                    extracted++;
                }
                case DONE -> extracted++;
            }
            ended(status);
        }

        /** The run has started (counts known). */
        abstract void started();

        /** A video was extracted, skipped or failed; the counts include it. */
        abstract void ended(VideoStatus status);

        /** Time for a progress report of the videos in flight. */
        abstract void due();

        private synchronized void tick(long now) {
            if (now - nextDraw < 0) return;
            nextDraw = now + interval;
            due();
        }

        /** "3/24 videos (1 skipped, 0 failed)". */
        String counts() {
            return (extracted + skipped) + "/" + total + " videos (" + skipped + " skipped, " + failed + " failed)";
        }

        /** "p04_AdA 41% (620 frames), p05_AdB 95 frames", at most {@code shown} videos; empty when none is in flight. */
        String videos(int shown) {
            StringBuilder s = new StringBuilder();
            int i = 0;
            for (Video v : inFlight) {
                if (i++ == shown) {
                    s.append(", +").append(inFlight.size() - shown);
                    break;
                }
                if (s.length() > 0) s.append(", ");
                s.append(v.recording.id()).append(' ');
                double share = v.share();
                if (!Double.isNaN(share)) s.append(Math.round(100 * share)).append("% (");
                s.append(v.frames).append(" frames").append(Double.isNaN(share) ? "" : ")");
            }
            return s.toString();
        }

        /** "  ETA 3m10s" from the time per video so far, counting the shares done of the videos in flight. */
        String eta() {
            double done = extracted;
            for (Video v : inFlight) if (!Double.isNaN(v.share())) done += v.share();
            if (done <= 0 || extracted >= toExtract) return "";
            long perVideo = (long) ((System.nanoTime() - started) / done);
            return "  ETA " + format(Duration.ofNanos((long) (perVideo * (toExtract - done))));
        }

        /** "42s", "3m10s", "1h05m". */
        public static String format(Duration d) {
            long s = d.toSeconds();
            return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                    : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
        }

        /** One video in flight: the extractor's calls land here. */
        private final class Video implements VideoExtractor.Progress {
            final Recording recording;
            volatile long frames;
            volatile double seconds, length;

            Video(Recording recording) {
                this.recording = recording;
                this.length = recording.endSeconds();
            }

            @Override
            public void decoded(long frames, double seconds) {
                this.frames = frames;
                this.seconds = seconds;
                long now = System.nanoTime();
                if (now - nextDraw >= 0) tick(now);
            }

            @Override
            public void length(double seconds) {
                length = Math.min(seconds, recording.endSeconds());
            }

            /** The share of the recording decoded, NaN while its length is unknown. */
            double share() {
                double l = length;
                return Double.isFinite(l) && l > 0 ? Math.min(1, seconds / l) : Double.NaN;
            }
        }
    }

    /** One line, redrawn in place: videos finished of all, skipped and failed counts, videos in flight, time left. */
    final class Line extends Display {
        private int width;

        public Line(PrintStream out) {
            super(out, Duration.ofMillis(250));
        }

        @Override
        void started() {
            draw();
        }

        @Override
        void ended(VideoStatus status) {
            draw();
        }

        @Override
        void due() {
            draw();
        }

        @Override
        public synchronized void end() {
            out.print('\n');
            out.flush();
        }

        private void draw() {
            String videos = videos(3);
            String line = "study: " + counts() + (videos.isEmpty() ? "" : "  " + videos) + eta();
            out.print('\r' + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
            out.flush();
        }
    }

    /**
     * Plain lines for logs: one when the run starts, one per video extracted or failed, and one per interval
     * while videos are in flight (frames done, share, time left).
     */
    final class Lines extends Display {
        public Lines(PrintStream out, Duration interval) {
            super(out, interval);
        }

        @Override
        void started() {
            out.println("study: " + total + " videos, " + toExtract + " to extract");
        }

        @Override
        void ended(VideoStatus status) {
            if (status.state() == VideoStatus.State.SKIPPED) return; // a resumed run would list every finished video
            out.println("study: " + status.recording().id() + (status.complete()
                    ? " done: " + status.frames() + " frames in " + Math.round(status.seconds()) + " s"
                    : " failed: " + status.reason()) + "; " + counts());
        }

        @Override
        void due() {
            String videos = videos(8);
            if (!videos.isEmpty()) out.println("study: " + counts() + "; extracting " + videos + eta());
        }

        @Override
        public void end() {
            out.flush();
        }
    }
}
