package org.facsflow.apps.live;

import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.pipeline.FrameResult;
import org.facsflow.pipeline.StreamSession;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The processing thread: runs the pipeline's stream session on the newest captured frames ({@link LatestFrame}),
 * converts each analysed frame for painting once, records it when asked, and publishes it to the window. The
 * pipeline's threads locate and measure; this one smooths, codes the AUs and affect (inside the session) and
 * publishes, so coding one frame overlaps locating the next.
 */
final class LiveProcessor implements Runnable {
    /** Where and how the `r` key records. */
    record RecordingSettings(Path directory, String separator, boolean video, double frameRate) {
    }

    private final StreamSession session;
    private final LatestFrame slot;
    private final RecordingSettings recordingSettings;
    private final Consumer<LiveFrame> publish;
    private final StatusLine status;
    private final Object recordingLock = new Object();
    private Recording recording; // guarded by recordingLock
    private boolean recordingWanted; // guarded by recordingLock
    private volatile long processed;
    private volatile Exception failure;
    private String neutralStatus = "";
    /** The capture of the frame being analysed: released from the slot as the session takes it. */
    private LatestFrame.Captured captured;

    LiveProcessor(StreamSession session, LatestFrame slot, RecordingSettings recordingSettings,
                  Consumer<LiveFrame> publish, StatusLine status) {
        this.session = session;
        this.slot = slot;
        this.recordingSettings = recordingSettings;
        this.publish = publish;
        this.status = status;
    }

    @Override
    public void run() {
        try {
            session.run(slot, this::release, this::accept);
        } catch (MediaException | RuntimeException e) {
            failure = e;
        } finally {
            stopRecording();
        }
    }

    /** The frame leaves the slot's count of frames in flight; its capture number is the source's frame number. */
    private long release(RgbImage image) {
        captured = slot.release(image);
        return captured.number();
    }

    private void accept(FrameResult result) {
        LiveFrame frame = new LiveFrame(result.frame(), result.time(), result.image().toBufferedImage(), result.camera(),
                result.faces(), captured.arrivalNanos());
        processed++;
        publish.accept(frame);
        record(result); // after publishing: writing is not on the way to the screen
        if (!session.neutralStatus().equals(neutralStatus)) {
            neutralStatus = session.neutralStatus();
            if (session.collectingNeutral()) status.show(neutralStatus);
            else status.announce(neutralStatus);
        }
    }

    private void record(FrameResult frame) {
        synchronized (recordingLock) {
            try {
                if (recordingWanted && recording == null) {
                    String stem = OutputNames.freeStem(recordingSettings.directory(), ".csv", ".mp4");
                    recording = Recording.start(recordingSettings.directory(), stem, recordingSettings.separator(),
                            recordingSettings.video(), frame.image(), recordingSettings.frameRate());
                    status.announce("recording " + recordingSettings.directory().resolve(stem + ".csv")
                            + (recordingSettings.video() ? " and .mp4" : "") + " (r stops)");
                }
                if (recording != null) recording.write(frame);
            } catch (IOException e) {
                recordingWanted = false;
                closeRecording();
                status.announce("recording stopped, nothing saved: " + e.getMessage());
            }
        }
    }

    /** The `r` key: starts recording at the next frame, or stops and saves. */
    void toggleRecording() {
        synchronized (recordingLock) {
            if (recordingWanted) stopRecording();
            else recordingWanted = true;
        }
    }

    boolean recording() {
        synchronized (recordingLock) {
            return recordingWanted;
        }
    }

    private void stopRecording() {
        synchronized (recordingLock) {
            recordingWanted = false;
            if (recording == null) return;
            try {
                long rows = recording.rows();
                List<Path> saved = recording.commit();
                status.announce("saved " + String.join(" and ", saved.stream().map(Path::toString).toList())
                        + " (" + rows + " rows)");
            } catch (IOException e) {
                status.announce("recording not saved: " + e.getMessage());
            } finally {
                closeRecording();
            }
        }
    }

    private void closeRecording() {
        try {
            recording.close();
        } catch (IOException e) {
            status.announce("could not remove a temporary recording file: " + e.getMessage());
        }
        recording = null;
    }

    /** The `n` key: the next 2 s become each face's neutral face. */
    void takeNeutral() {
        session.takeNeutral();
    }

    long processed() {
        return processed;
    }

    /** Why processing ended early (the source failed), or null. */
    Exception failure() {
        return failure;
    }
}
