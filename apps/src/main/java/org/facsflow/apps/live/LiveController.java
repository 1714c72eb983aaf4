package org.facsflow.apps.live;

import org.facsflow.io.AtomicFile;
import org.facsflow.pipeline.StreamSession;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What the keys do. Runs on the event dispatch thread; what belongs to processing (recording, neutral capture) is
 * handed to it, and screenshots are encoded on a thread of their own so the window keeps painting.
 */
final class LiveController {
    private final LatestFrame slot;
    private final LiveProcessor processor;
    private final StatusLine status;
    private final Path outputDir;
    private final Runnable quit;
    private final ExecutorService saver = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "facsflow-screenshot");
        t.setDaemon(true);
        return t;
    });
    private volatile ViewOptions view = ViewOptions.DEFAULT;
    private LiveWindow window;

    /** @param quit ends the session (called on the event dispatch thread; must not wait for it to end) */
    LiveController(LatestFrame slot, LiveProcessor processor, StatusLine status, Path outputDir, Runnable quit) {
        this.slot = slot;
        this.processor = processor;
        this.status = status;
        this.outputDir = outputDir;
        this.quit = quit;
    }

    void attach(LiveWindow window) {
        this.window = window;
    }

    void handle(LiveKey key) {
        switch (key) {
            case PAUSE -> {
                boolean pause = !slot.paused();
                slot.pause(pause);
                status.show(pause ? "paused (space resumes)" : "resumed");
            }
            case MESH -> view = view.toggleMesh();
            case POSE -> view = view.togglePose();
            case GAZE -> view = view.toggleGaze();
            case BARS -> {
                view = view.toggleBars();
                window.showBars(view.bars());
            }
            case NEUTRAL -> {
                processor.takeNeutral();
                status.show("neutral: the next " + StreamSession.NEUTRAL_SECONDS + " s of each face, from the next frame");
            }
            case RECORD -> processor.toggleRecording();
            case SCREENSHOT -> screenshot();
            case QUIT -> quit.run();
        }
        window.repaint();
    }

    private void screenshot() {
        BufferedImage image = window.snapshot();
        saver.execute(() -> {
            Path target = outputDir.resolve(OutputNames.freeStem(outputDir, ".png") + ".png");
            try (AtomicFile file = AtomicFile.create(target)) {
                if (!ImageIO.write(image, "png", file.stream())) throw new IOException("no PNG writer");
                file.commit();
                status.announce("screenshot " + target);
            } catch (IOException e) {
                status.announce("screenshot not saved: " + target + ": " + e.getMessage());
            }
        });
    }

    /** Lets a screenshot being written finish. */
    void finish() throws InterruptedException {
        saver.shutdown();
        saver.awaitTermination(10, TimeUnit.SECONDS);
    }

    ViewOptions view() {
        return view;
    }

    /** The status bar's state: running or paused, recording, what is drawn. */
    String state() {
        return (slot.paused() ? "PAUSED" : "running") + (processor.recording() ? "   REC" : "") + "   " + view.describe();
    }

    /** The corner badge over the frame. */
    String badge() {
        String pause = slot.paused() ? "PAUSED" : "";
        String rec = processor.recording() ? "REC" : "";
        return pause.isEmpty() || rec.isEmpty() ? pause + rec : pause + "  " + rec;
    }
}
