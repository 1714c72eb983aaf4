package org.facsflow.apps.live;

import org.facsflow.face.FaceBox;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.models.AssetStore;
import org.facsflow.pipeline.FaceResult;
import org.facsflow.pipeline.table.ResultCsvWriter;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What {@link LiveWindowTest} runs in a JVM of its own on the X display (Xvfb): a live session on a real face video,
 * driven with real key presses through {@link Robot}, with the screen captured by Robot as the user would see it.
 * It records what it saw (screenshots, counters, the face box of the frame on screen) in its output folder; the test
 * judges. Usage: {@code LiveWindowScenario keys|ends|nocamera VIDEO OUTDIR}.
 */
public final class LiveWindowScenario {
    private final Properties seen = new Properties();
    private final Path out;
    private final Robot robot;

    private LiveWindowScenario(Path out) throws Exception {
        this.out = out;
        this.robot = new Robot();
        robot.setAutoDelay(30);
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[2]));
        if (args[0].equals("nocamera")) {
            System.exit(new picocli.CommandLine(new org.facsflow.apps.LiveCommand()).execute("--camera", "97", "-o", out.toString()));
        }
        LiveWindowScenario scenario = new LiveWindowScenario(out);
        LiveSession session = LiveSession.start(new LiveSession.Options(args[1], 30, out.resolve("saved"), false,
                ResultCsvWriter.PLAIN, 120), AssetStore.standard(), System.out);
        try {
            if (args[0].equals("keys")) scenario.keys(session);
            else scenario.ends(session);
        } finally {
            scenario.save();
        }
        System.exit(0);
    }

    /** Every key, on a paused frame where overlays and bars are checked against the frame's own faces. */
    private void keys(LiveSession session) throws Exception {
        LiveWindow window = session.window();
        await("45 frames with a face on screen", 60_000, () -> session.timing().shown() >= 45
                && window.current() != null && !window.current().found().isEmpty());
        await("the window has the keyboard focus", 5_000, () -> onEdt(() -> window.frame().isFocused()));

        press(KeyEvent.VK_SPACE);
        Thread.sleep(800);
        long paused = session.timing().shown();
        seen.setProperty("shownAtPause", Long.toString(paused));
        Thread.sleep(1500);
        seen.setProperty("shownAfterPause", Long.toString(session.timing().shown()));
        seen.setProperty("pausedState", session.controller().state());
        LiveFrame frame = window.current();
        describe(window, frame);
        capture(window, "paused-68.png");

        press(KeyEvent.VK_M);
        Thread.sleep(600);
        seen.setProperty("viewAfterM", session.controller().view().describe());
        capture(window, "paused-mesh.png");
        press(KeyEvent.VK_M);
        press(KeyEvent.VK_P);
        press(KeyEvent.VK_G);
        Thread.sleep(300);
        seen.setProperty("viewAfterMPG", session.controller().view().describe());
        press(KeyEvent.VK_P);
        press(KeyEvent.VK_G);
        press(KeyEvent.VK_B);
        Thread.sleep(600);
        seen.setProperty("barsVisibleAfterB", Boolean.toString(onEdt(() -> window.bars().isShowing())));
        capture(window, "paused-nobars.png");
        press(KeyEvent.VK_B);
        Thread.sleep(600);
        seen.setProperty("barsVisibleAfterBB", Boolean.toString(onEdt(() -> window.bars().isShowing())));

        press(KeyEvent.VK_SPACE);
        Thread.sleep(2000);
        seen.setProperty("shownAfterResume", Long.toString(session.timing().shown()));

        press(KeyEvent.VK_R);
        Thread.sleep(2500);
        seen.setProperty("recordingState", session.controller().state());
        press(KeyEvent.VK_R);
        Thread.sleep(500);
        press(KeyEvent.VK_S);
        Thread.sleep(1500);
        press(KeyEvent.VK_N);
        Thread.sleep(2800);
        seen.setProperty("newsAfterN", session.window() == null ? "" : statusText(session));
        capture(window, "running.png");

        press(KeyEvent.VK_Q);
        LiveSummary summary = awaitEnd(session);
        seen.setProperty("ending", summary.ending());
        seen.setProperty("windowDisplayable", Boolean.toString(onEdt(() -> window.frame().isDisplayable())));
    }

    /** A video that ends: the window is to close by itself. */
    private void ends(LiveSession session) throws Exception {
        long start = System.nanoTime();
        LiveSummary summary = awaitEnd(session);
        seen.setProperty("ending", summary.ending());
        seen.setProperty("exitCode", Integer.toString(summary.exitCode()));
        seen.setProperty("seconds", Double.toString((System.nanoTime() - start) / 1e9));
        seen.setProperty("shown", Long.toString(summary.shown()));
        seen.setProperty("captured", Long.toString(summary.captured()));
        seen.setProperty("windowDisplayable", Boolean.toString(onEdt(() -> session.window().frame().isDisplayable())));
    }

    private static String statusText(LiveSession session) throws Exception {
        return onEdt(() -> session.controller().state()) + " | " + session.statusLine().text();
    }

    /** The face boxes and bar geometry of the frame on screen, in the coordinates of the captured content. */
    private void describe(LiveWindow window, LiveFrame frame) throws Exception {
        seen.setProperty("frameNumber", Long.toString(frame.number()));
        seen.setProperty("painted", Long.toString(window.video().lastPainted()));
        Point video = onEdt(() -> SwingUtilities.convertPoint(window.video(), 0, 0, window.frame().getContentPane()));
        Point bars = onEdt(() -> SwingUtilities.convertPoint(window.bars(), 0, 0, window.frame().getContentPane()));
        Rectangle barsSize = onEdt(() -> window.bars().getBounds());
        seen.setProperty("bars", rect(new Rectangle(bars.x, bars.y, barsSize.width, barsSize.height)));
        Rectangle videoSize = onEdt(() -> window.video().getBounds());
        seen.setProperty("video", rect(new Rectangle(video.x, video.y, videoSize.width, videoSize.height)));
        StringBuilder ids = new StringBuilder();
        for (int c = 0; c < frame.faces().size(); c++) {
            FaceResult face = frame.faces().get(c);
            ids.append(c == 0 ? "" : ",").append(face.faceId());
            if (!face.success()) continue;
            FaceBox box = face.face().box();
            Rectangle2D onPanel = onEdt(() -> window.video().panelBox(frame, box));
            seen.setProperty("face" + c + ".box", rect(new Rectangle((int) Math.round(onPanel.getX() + video.x),
                    (int) Math.round(onPanel.getY() + video.y), (int) Math.round(onPanel.getWidth()),
                    (int) Math.round(onPanel.getHeight()))));
            // The strongest shown AU scored on both sides together (one bar, not a one-sided AU's two).
            AuFrame aus = face.aus();
            ActionUnit top = null;
            for (ActionUnit au : AuPanel.AUS) {
                float v = aus.intensity(au);
                boolean halves = au.unilateral() && !Float.isNaN(aus.left(au));
                if (!halves && !Float.isNaN(v) && (top == null || v > aus.intensity(top))) top = au;
            }
            int columns = frame.faces().size(), column = c;
            if (top != null) {
                ActionUnit au = top;
                Rectangle bar = onEdt(() -> window.bars().barBounds(column, columns, au).get(0));
                bar.translate(bars.x, bars.y);
                seen.setProperty("face" + c + ".topAu", top.code());
                seen.setProperty("face" + c + ".topIntensity", Float.toString(aus.intensity(top)));
                seen.setProperty("face" + c + ".topBar", rect(bar));
            }
            // The one-sided AU strongest on either side: its two bars and their values.
            ActionUnit sided = null;
            for (ActionUnit au : AuPanel.AUS) {
                float l = aus.left(au), r = aus.right(au);
                if (!au.unilateral() || Float.isNaN(l) || Float.isNaN(r)) continue;
                if (sided == null || Math.max(l, r) > Math.max(aus.left(sided), aus.right(sided))) sided = au;
            }
            if (sided == null) continue;
            ActionUnit au = sided;
            List<Rectangle> sides = onEdt(() -> window.bars().barBounds(column, columns, au));
            for (Rectangle r : sides) r.translate(bars.x, bars.y);
            seen.setProperty("face" + c + ".sidedAu", sided.code());
            seen.setProperty("face" + c + ".left", Float.toString(aus.left(sided)));
            seen.setProperty("face" + c + ".right", Float.toString(aus.right(sided)));
            seen.setProperty("face" + c + ".leftBar", rect(sides.get(0)));
            seen.setProperty("face" + c + ".rightBar", rect(sides.get(1)));
        }
        seen.setProperty("faceIds", ids.toString());
    }

    private void capture(LiveWindow window, String name) throws Exception {
        // On a loaded machine the last repaint may still be on its way to the X server: let it land first.
        robot.waitForIdle();
        onEdt(() -> {
            java.awt.Toolkit.getDefaultToolkit().sync();
            return null;
        });
        Rectangle area = onEdt(() -> {
            Point origin = window.frame().getContentPane().getLocationOnScreen();
            return new Rectangle(origin.x, origin.y, window.frame().getContentPane().getWidth(),
                    window.frame().getContentPane().getHeight());
        });
        BufferedImage image = robot.createScreenCapture(area);
        ImageIO.write(image, "png", out.resolve(name).toFile());
    }

    private void press(int key) {
        robot.keyPress(key);
        robot.keyRelease(key);
        robot.waitForIdle();
    }

    private static LiveSummary awaitEnd(LiveSession session) throws Exception {
        AtomicReference<LiveSummary> summary = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                summary.set(session.await());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        waiter.join(20_000);
        if (summary.get() == null) throw new IllegalStateException("the session did not end within 20 s");
        for (String line : summary.get().lines()) System.out.println("facsflow live: " + line);
        return summary.get();
    }

    private static void await(String what, long millis, Callable<Boolean> condition) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (!condition.call()) {
            if (System.currentTimeMillis() > end) throw new IllegalStateException("timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    private static <T> T onEdt(Callable<T> read) throws Exception {
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                value.set(read.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) throw failure.get();
        return value.get();
    }

    private static String rect(Rectangle r) {
        return r.x + "," + r.y + "," + r.width + "," + r.height;
    }

    private void save() throws IOException {
        try (OutputStream o = Files.newOutputStream(out.resolve("seen.properties"))) {
            seen.store(o, "what LiveWindowScenario saw");
        }
    }
}
