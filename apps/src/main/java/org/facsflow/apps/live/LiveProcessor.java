package org.facsflow.apps.live;

import org.facsflow.apps.output.OverlayRenderer;
import org.facsflow.face.track.TrackedFace;
import org.facsflow.face.track.TrackedFrame;
import org.facsflow.face.track.TrackingPipeline;
import org.facsflow.media.MediaException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The processing thread: runs the tracking pipeline on the newest captured frames ({@link LatestFrame}), codes each
 * found face's AUs, converts the frame for painting once, records it when asked, and publishes it to the window.
 * The pipeline's threads locate and measure; this one smooths (inside the pipeline), codes and publishes, so coding
 * one frame overlaps locating the next.
 */
final class LiveProcessor implements Runnable {
    /** Where and how the `r` key records. */
    record RecordingSettings(Path directory, String separator, boolean video, double frameRate) {
    }

    private final TrackingPipeline pipeline;
    private final LatestFrame slot;
    private final FaceCoding coding;
    private final NeutralCapture neutral;
    private final RecordingSettings recordingSettings;
    private final Consumer<LiveFrame> publish;
    private final StatusLine status;
    private final Object recordingLock = new Object();
    private Recording recording; // guarded by recordingLock
    private boolean recordingWanted; // guarded by recordingLock
    private volatile boolean neutralWanted;
    private volatile long processed;
    private volatile Exception failure;
    private String neutralStatus = "";

    LiveProcessor(TrackingPipeline pipeline, LatestFrame slot, FaceCoding coding, RecordingSettings recordingSettings,
                  Consumer<LiveFrame> publish, StatusLine status) {
        this.pipeline = pipeline;
        this.slot = slot;
        this.coding = coding;
        this.neutral = new NeutralCapture(coding);
        this.recordingSettings = recordingSettings;
        this.publish = publish;
        this.status = status;
    }

    @Override
    public void run() {
        try {
            pipeline.run(slot, 0, Double.POSITIVE_INFINITY, this::accept);
        } catch (MediaException | RuntimeException e) {
            failure = e;
        } finally {
            stopRecording();
        }
    }

    private void accept(TrackedFrame tracked) {
        LatestFrame.Captured captured = slot.release(tracked.image());
        if (neutralWanted) {
            neutralWanted = false;
            neutral.request();
        }
        double time = tracked.image().timestampSeconds();
        neutral.beforeFrame(time, tracked.faces().stream().filter(TrackedFace::success).map(TrackedFace::faceId).toList());
        List<LiveFrame.Face> faces = coding.code(tracked);
        LiveFrame frame = new LiveFrame(captured.number(), time, OverlayRenderer.toBufferedImage(tracked.image()),
                tracked.camera(), faces, captured.arrivalNanos());
        processed++;
        publish.accept(frame);
        record(frame, tracked); // after publishing: writing is not on the way to the screen
        if (!neutral.status().equals(neutralStatus)) {
            neutralStatus = neutral.status();
            if (neutral.active()) status.show(neutralStatus);
            else status.announce(neutralStatus);
        }
    }

    private void record(LiveFrame frame, TrackedFrame tracked) {
        synchronized (recordingLock) {
            try {
                if (recordingWanted && recording == null) {
                    String stem = OutputNames.freeStem(recordingSettings.directory(), ".csv", ".mp4");
                    recording = Recording.start(recordingSettings.directory(), stem, recordingSettings.separator(),
                            recordingSettings.video(), tracked.image(), recordingSettings.frameRate());
                    status.announce("recording " + recordingSettings.directory().resolve(stem + ".csv")
                            + (recordingSettings.video() ? " and .mp4" : "") + " (r stops)");
                }
                if (recording != null) recording.write(frame, tracked.image());
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
        neutralWanted = true;
    }

    long processed() {
        return processed;
    }

    /** Why processing ended early (the source failed), or null. */
    Exception failure() {
        return failure;
    }
}
