package org.facsflow.apps.live;

import javax.swing.AbstractAction;
import javax.swing.ActionMap;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import java.awt.BorderLayout;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The live window: the frame with its overlays, the AU bars beside it, the status bar under both. Frames arrive from
 * the processing thread through {@link #show}, which only swaps a reference and asks for a repaint, so a slow paint
 * skips frames (counted as dropped before display) instead of queueing them. Everything else runs on the event
 * dispatch thread.
 */
final class LiveWindow {
    private final JFrame frame;
    private final VideoPanel video;
    private final AuPanel bars;
    private final StatusBar statusBar;
    private final JPanel content;
    private final Timer refresh;
    private final AtomicReference<LiveFrame> current = new AtomicReference<>();
    private final AtomicLong droppedBeforeDisplay = new AtomicLong();
    private volatile int columns = 1, width, height;

    /**
     * Builds the window (on the event dispatch thread).
     *
     * @param controller what the keys and the close button do
     * @param counts     the capture and processing counts for the status bar
     */
    LiveWindow(String title, LiveController controller, DisplayTiming timing, Supplier<StatusBar.Counts> counts,
               StatusLine news) {
        video = new VideoPanel(current::get, controller::view, controller::badge, timing);
        bars = new AuPanel(current::get);
        statusBar = new StatusBar(timing, counts, controller::state, news);
        content = new JPanel(new BorderLayout());
        content.add(video, BorderLayout.CENTER);
        content.add(bars, BorderLayout.EAST);
        content.add(statusBar, BorderLayout.SOUTH);
        video.fit(640, 480);
        frame = new JFrame(title);
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                controller.handle(LiveKey.QUIT);
            }
        });
        frame.setContentPane(content);
        bind(content, controller::handle);
        frame.pack();
        frame.setLocationRelativeTo(null);
        // The figures keep moving (and the rate falls to 0) while paused, when no frame asks for a repaint.
        refresh = new Timer(500, e -> statusBar.repaint());
        refresh.start();
    }

    private static void bind(JComponent root, Consumer<LiveKey> handler) {
        InputMap keys = root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW);
        ActionMap actions = root.getActionMap();
        for (LiveKey key : LiveKey.values()) {
            for (int code : key.keyCodes()) keys.put(KeyStroke.getKeyStroke(code, 0), key);
            actions.put(key, new AbstractAction(key.name()) {
                @Override
                public void actionPerformed(ActionEvent e) {
                    handler.accept(key);
                }
            });
        }
    }

    void open() {
        frame.setVisible(true);
        frame.toFront();
        frame.requestFocus();
    }

    /** From the processing thread: the newest frame, painted when the window next paints. */
    void show(LiveFrame next) {
        LiveFrame previous = current.getAndSet(next);
        if (previous != null && previous.number() != video.lastPainted()) droppedBeforeDisplay.incrementAndGet();
        int faces = Math.max(1, next.faces().size());
        if (faces > columns || next.picture().getWidth() != width || next.picture().getHeight() != height)
            SwingUtilities.invokeLater(() -> relayout(next, faces));
        video.repaint();
        if (bars.isVisible()) bars.repaint();
    }

    /**
     * Grows the window for more faces or another frame size, within the screen (it never shrinks under the user's
     * hands); faces beyond what fits beside the frame go in rows.
     */
    private void relayout(LiveFrame next, int faces) {
        if (next.picture().getWidth() != width || next.picture().getHeight() != height) {
            width = next.picture().getWidth();
            height = next.picture().getHeight();
            video.fit(width, height);
        }
        columns = Math.max(columns, faces);
        Rectangle screen = usableScreen();
        bars.fit(columns, screen.width - video.getPreferredSize().width);
        if ((frame.getExtendedState() & JFrame.MAXIMIZED_BOTH) != 0) {
            content.revalidate();
            return;
        }
        frame.pack();
        frame.setSize(Math.min(frame.getWidth(), screen.width), Math.min(frame.getHeight(), screen.height));
        frame.setLocation(Math.max(screen.x, Math.min(frame.getX(), screen.x + screen.width - frame.getWidth())),
                Math.max(screen.y, Math.min(frame.getY(), screen.y + screen.height - frame.getHeight())));
    }

    private Rectangle usableScreen() {
        GraphicsConfiguration gc = frame.getGraphicsConfiguration();
        Rectangle bounds = gc.getBounds();
        Insets insets = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        return new Rectangle(bounds.x + insets.left, bounds.y + insets.top, bounds.width - insets.left - insets.right,
                bounds.height - insets.top - insets.bottom);
    }

    void showBars(boolean visible) {
        bars.setVisible(visible);
        content.revalidate();
        content.repaint();
    }

    void repaint() {
        content.repaint();
    }

    /** The window's contents painted into an image (what the `s` key saves). */
    BufferedImage snapshot() {
        BufferedImage image = new BufferedImage(content.getWidth(), content.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        content.printAll(g);
        g.dispose();
        return image;
    }

    long droppedBeforeDisplay() {
        return droppedBeforeDisplay.get();
    }

    LiveFrame current() {
        return current.get();
    }

    JFrame frame() {
        return frame;
    }

    VideoPanel video() {
        return video;
    }

    AuPanel bars() {
        return bars;
    }

    void close() {
        refresh.stop();
        frame.dispose();
    }
}
