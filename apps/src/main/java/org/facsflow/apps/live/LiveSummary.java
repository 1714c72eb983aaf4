package org.facsflow.apps.live;

import java.util.List;
import java.util.Locale;

/**
 * How a live run went: why it ended, frame counts, rate and latency from capture to paint.
 *
 * @param ending                  "quit", "source ended", "duration reached", or the failure's message
 * @param failure                 what ended the run early (a lost source), or null
 * @param droppedBeforeProcessing frames replaced by newer ones while processing was busy
 * @param droppedBeforeDisplay    processed frames replaced by newer ones before the window painted them
 * @param skippedWhilePaused      frames a camera delivered while paused
 * @param fps                     frames shown per second, first paint to last
 */
public record LiveSummary(String source, String ending, Exception failure, double seconds, long captured,
                          long processed, long shown, long droppedBeforeProcessing, long droppedBeforeDisplay,
                          long skippedWhilePaused, double fps, double latencyMeanMs, double latencyP95Ms,
                          double latencyMaxMs) {

    /** 0 when the run ended as asked or with its source; 1 when the source failed. */
    public int exitCode() {
        return failure == null ? 0 : 1;
    }

    /** The summary as printed on exit. */
    public List<String> lines() {
        long dropped = droppedBeforeProcessing + droppedBeforeDisplay;
        return List.of(
                String.format(Locale.ROOT, "%s: %s after %.1f s", source, ending, seconds),
                String.format(Locale.ROOT, "frames: %d captured, %d processed, %d shown (%.1f fps); dropped %d "
                                + "(%.1f%%: %d before processing, %d before display)%s", captured, processed, shown, fps,
                        dropped, captured == 0 ? 0 : 100.0 * dropped / captured, droppedBeforeProcessing,
                        droppedBeforeDisplay, skippedWhilePaused == 0 ? "" : "; " + skippedWhilePaused + " skipped while paused"),
                String.format(Locale.ROOT, "latency from capture to paint: mean %.1f ms, 95th percentile %.0f ms, max %.0f ms",
                        latencyMeanMs, latencyP95Ms, latencyMaxMs));
    }
}
