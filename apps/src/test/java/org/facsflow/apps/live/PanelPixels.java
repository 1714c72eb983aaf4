package org.facsflow.apps.live;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** Reading the AU panel's pixels in tests: its text, and how far one colour is from another. */
final class PanelPixels {
    private PanelPixels() {
    }

    /** Pixels of the panel's text (light or dim grey on its dark background, anti-aliased edges included). */
    static int text(BufferedImage image, Rectangle area) {
        int n = 0;
        for (int y = area.y; y < area.y + area.height; y++)
            for (int x = area.x; x < area.x + area.width; x++) {
                Color c = new Color(image.getRGB(x, y));
                int spread = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()))
                        - Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
                if (spread < 16 && c.getRed() > AuPanel.BACKGROUND.getRed() + 40) n++;
            }
        return n;
    }

    static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
                + Math.pow(a.getBlue() - b.getBlue(), 2));
    }
}
