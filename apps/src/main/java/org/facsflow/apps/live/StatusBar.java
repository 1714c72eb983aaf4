package org.facsflow.apps.live;

import javax.swing.JComponent;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Locale;
import java.util.function.Supplier;

/** Three lines under the frame: rate, latency and frame counts; what is on and the latest news; the keys. */
final class StatusBar extends JComponent {
    static final String KEYS = "space pause   m mesh/68   p pose   g gaze   b bars   n neutral (2 s)   r record CSV   "
            + "s screenshot   q quit";

    /** The counts the first line shows. */
    record Counts(long captured, long processed, long droppedBeforeProcessing, long droppedBeforeDisplay) {
    }

    private final DisplayTiming timing;
    private final Supplier<Counts> counts;
    private final Supplier<String> state;
    private final StatusLine news;

    StatusBar(DisplayTiming timing, Supplier<Counts> counts, Supplier<String> state, StatusLine news) {
        this.timing = timing;
        this.counts = counts;
        this.state = state;
        this.news = news;
        setOpaque(true);
        setPreferredSize(new Dimension(640, 58));
    }

    static String figures(DisplayTiming.Figures f, Counts c) {
        return String.format(Locale.ROOT, "%.1f fps   latency %s ms mean, %s ms p95   frame %d   dropped %d "
                        + "(%d before processing, %d before display)", f.fps(), ms(f.meanMs()), ms(f.p95Ms()), f.shown(),
                c.droppedBeforeProcessing() + c.droppedBeforeDisplay(), c.droppedBeforeProcessing(), c.droppedBeforeDisplay());
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.0f", v);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics;
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(AuPanel.BACKGROUND);
        g.fillRect(0, 0, getWidth(), getHeight());
        g.setFont(getFont().deriveFont(Font.BOLD, 12f));
        g.setColor(AuPanel.TEXT);
        g.drawString(figures(timing.recent(System.nanoTime()), counts.get()), 8, 16);
        g.setFont(getFont().deriveFont(Font.PLAIN, 12f));
        String newsText = news.text();
        g.drawString(state.get() + (newsText.isEmpty() ? "" : "   |   " + newsText), 8, 34);
        g.setColor(new Color(150, 150, 150));
        g.drawString(KEYS, 8, 52);
    }
}
