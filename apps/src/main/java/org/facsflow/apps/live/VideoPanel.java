package org.facsflow.apps.live;

import org.facsflow.face.FaceBox;

import javax.swing.JComponent;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.function.Supplier;

/**
 * The frame, scaled to fit with its aspect kept, with the face stage's overlays drawn over it in the frame's own
 * coordinates. The first paint of each frame is where its latency is measured (see {@link DisplayTiming}).
 */
final class VideoPanel extends JComponent {
    /** Small sources are shown at least this tall. */
    private static final int MIN_HEIGHT = 480;
    private static final Color BACKGROUND = new Color(16, 16, 18);

    private final Supplier<LiveFrame> frames;
    private final Supplier<ViewOptions> view;
    private final Supplier<String> badge;
    private final DisplayTiming timing;
    private volatile long lastPainted = -1;

    /** @param badge what to write in the corner over the frame ("PAUSED", "REC"), or empty */
    VideoPanel(Supplier<LiveFrame> frames, Supplier<ViewOptions> view, Supplier<String> badge, DisplayTiming timing) {
        this.frames = frames;
        this.view = view;
        this.badge = badge;
        this.timing = timing;
        setOpaque(true);
    }

    /** The preferred size for frames of this size. */
    void fit(int width, int height) {
        double scale = height < MIN_HEIGHT ? (double) MIN_HEIGHT / height : 1;
        setPreferredSize(new Dimension((int) Math.round(width * scale), (int) Math.round(height * scale)));
    }

    /** The number of the frame painted last (-1 before the first). */
    long lastPainted() {
        return lastPainted;
    }

    /** From frame pixels to this panel's pixels, for the frame's size. */
    AffineTransform frameToPanel(int width, int height) {
        double scale = Math.min((double) getWidth() / width, (double) getHeight() / height);
        AffineTransform t = AffineTransform.getTranslateInstance((getWidth() - width * scale) / 2,
                (getHeight() - height * scale) / 2);
        t.scale(scale, scale);
        return t;
    }

    /** Where a face box of the frame lies in this panel. */
    Rectangle2D panelBox(LiveFrame frame, FaceBox box) {
        return frameToPanel(frame.picture().getWidth(), frame.picture().getHeight())
                .createTransformedShape(new Rectangle2D.Float(box.x(), box.y(), box.width(), box.height())).getBounds2D();
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics;
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, getWidth(), getHeight());
        LiveFrame frame = frames.get();
        if (frame == null) {
            g.setColor(Color.LIGHT_GRAY);
            g.setFont(getFont().deriveFont(Font.PLAIN, 16f));
            g.drawString("waiting for the first frame...", 20, getHeight() / 2);
            return;
        }
        AffineTransform toPanel = frameToPanel(frame.picture().getWidth(), frame.picture().getHeight());
        Graphics2D f = (Graphics2D) g.create();
        f.transform(toPanel);
        if (toPanel.getScaleX() != 1)
            f.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        f.drawImage(frame.picture(), 0, 0, null);
        view.get().overlay().draw(f, frame.found(), frame.camera());
        f.dispose();
        String text = badge.get();
        if (!text.isEmpty()) {
            g.setFont(getFont().deriveFont(Font.BOLD, 15f));
            int w = g.getFontMetrics().stringWidth(text) + 12;
            g.setColor(new Color(0, 0, 0, 170));
            g.fillRect(6, 6, w, 22);
            g.setColor(Color.WHITE);
            g.drawString(text, 12, 22);
        }
        // A screenshot (printAll) paints the frame again: not a display.
        if (frame.number() != lastPainted && !isPaintingForPrint()) {
            lastPainted = frame.number();
            timing.shown(frame.arrivalNanos(), System.nanoTime());
        }
    }
}
