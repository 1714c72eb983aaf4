package org.facsflow.apps.live;

import org.facsflow.affect.AffectFrame;
import org.facsflow.affect.Emotion;
import org.facsflow.affect.plot.AuLabels;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.facs.IntensityScale;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.pipeline.FaceResult;

import javax.swing.JComponent;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One cell of AU intensity bars per tracked face, labelled with its id, side by side and in rows when they do not fit
 * beside each other: every coded AU by code and FACS name on FACS's 0-5 scale, its letter (A-E) where present. The
 * AUs FACS scores per side get two bars, the subject's left (L) and right (R), each with its own number. Bars are
 * coloured by intensity ({@link IntensityColours}); an unmeasurable AU or side (NaN) has none and reads "n/m". Above
 * the bars: the top emotion with valence (V) and arousal (A), "—" until the affect layer is wired, and the baseline in
 * use. Hovering a row shows the AU's values; the legend at the foot gives the colour scale.
 */
final class AuPanel extends JComponent {
    static final int COLUMN_WIDTH = 340, MIN_COLUMN_WIDTH = 300, HEADER = 52, LEGEND = 64, MARGIN = 8;
    /** Row heights: an AU scored on both sides together, a one-sided AU (two bars); a one-sided AU's bars' height. */
    static final int ROW = 14, SIDED_ROW = 22, SIDE_BAR = 9;
    /** Column widths: the code, the FACS name, the side's tag (L, R), the number after the bar. */
    static final int CODE = 42, NAME = 118, TAG = 12, VALUE = 46;
    static final Color BACKGROUND = new Color(30, 30, 34), TROUGH = new Color(58, 58, 64), TEXT = new Color(225, 225, 225),
            DIM = new Color(140, 140, 140);
    /**
     * The rows: the AUs the coder reports by default (AuModel.reported()); the experimental hand-set ones, which
     * failed calibration's check, are not shown.
     */
    static final List<ActionUnit> AUS = AuModel.standard().reported();
    /** Each AU's row top within a cell, and past the last the rows' end. */
    private static final int[] ROW_TOP = rowTops();
    /** One face's cell: header, a row per shown AU, a gap. */
    static final int CELL_HEIGHT = ROW_TOP[AUS.size()] + 6;
    /** Hand-set FACS rules that passed the check but have no reference to validate them: marked with '*'. */
    private static final Set<ActionUnit> HAND_SET = AUS.stream()
            .filter(au -> "prior".equals(AuModel.standard().entry(au).source())).collect(Collectors.toUnmodifiableSet());

    private final Supplier<LiveFrame> frames;

    AuPanel(Supplier<LiveFrame> frames) {
        this.frames = frames;
        setOpaque(true);
        setToolTipText(""); // tooltips come from getToolTipText(MouseEvent)
        fit(1, Integer.MAX_VALUE);
    }

    private static int[] rowTops() {
        int[] top = new int[AUS.size() + 1];
        top[0] = HEADER;
        for (int a = 0; a < AUS.size(); a++) top[a + 1] = top[a] + rowHeight(AUS.get(a));
        return top;
    }

    /** The top of a shown AU's row within a face's cell. */
    static int rowTop(ActionUnit au) {
        return ROW_TOP[row(au)];
    }

    static int rowHeight(ActionUnit au) {
        return au.unilateral() ? SIDED_ROW : ROW;
    }

    private static int row(ActionUnit au) {
        int r = AUS.indexOf(au);
        if (r < 0) throw new IllegalArgumentException(au.code() + " is not shown (experimental)");
        return r;
    }

    /** Room for {@code faces} cells within {@code maxWidth}: side by side while they fit, then in rows. */
    void fit(int faces, int maxWidth) {
        int n = Math.max(1, faces);
        int perRow = Math.max(1, Math.min(n, maxWidth / MIN_COLUMN_WIDTH));
        int rows = (n + perRow - 1) / perRow;
        int width = Math.max(perRow * MIN_COLUMN_WIDTH, Math.min(perRow * COLUMN_WIDTH, maxWidth));
        setPreferredSize(new Dimension(width, rows * CELL_HEIGHT + LEGEND));
    }

    private int perRow(int faces) {
        return Math.max(1, Math.min(Math.max(1, faces), getWidth() / MIN_COLUMN_WIDTH));
    }

    private int cellWidth(int faces) {
        return Math.min(COLUMN_WIDTH, getWidth() / perRow(faces));
    }

    /** The top-left corner of face {@code index}'s cell when {@code faces} are shown. */
    private Point cell(int index, int faces) {
        int perRow = perRow(faces);
        return new Point(index % perRow * cellWidth(faces), index / perRow * CELL_HEIGHT);
    }

    /**
     * The troughs of AU {@code au}'s bars in face {@code index}'s cell when {@code faces} are shown (panel pixels):
     * one for an AU scored on both sides together; the subject's left, then right, for a one-sided AU.
     */
    List<Rectangle> barBounds(int index, int faces, ActionUnit au) {
        Point cell = cell(index, faces);
        int x = cell.x + MARGIN + CODE + NAME + TAG, y = cell.y + rowTop(au);
        int width = cellWidth(faces) - 2 * MARGIN - CODE - NAME - TAG - VALUE;
        if (!au.unilateral()) return List.of(new Rectangle(x, y + 2, width, ROW - 4));
        // The two sides 1 px apart, 3 px from the next AU's, so that they read as one AU's pair.
        return List.of(new Rectangle(x, y + 2, width, SIDE_BAR), new Rectangle(x, y + 3 + SIDE_BAR, width, SIDE_BAR));
    }

    /** Where AU {@code au}'s code and FACS name are written in face {@code index}'s cell (panel pixels). */
    Rectangle labelBounds(int index, int faces, ActionUnit au) {
        Point cell = cell(index, faces);
        return new Rectangle(cell.x + MARGIN, cell.y + rowTop(au), CODE + NAME, rowHeight(au));
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics;
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, getWidth(), getHeight());
        LiveFrame frame = frames.get();
        List<FaceResult> faces = frame == null ? List.of() : frame.faces();
        g.setFont(getFont().deriveFont(Font.PLAIN, 12f));
        if (faces.isEmpty()) {
            g.setColor(DIM);
            g.drawString(frame == null ? "waiting for the first frame" : "no face", MARGIN, 20);
        }
        for (int i = 0; i < faces.size(); i++) {
            Point cell = cell(i, faces.size());
            Graphics2D c = (Graphics2D) g.create(cell.x, cell.y, cellWidth(faces.size()), CELL_HEIGHT);
            c.translate(-cell.x, -cell.y); // draw in panel pixels, clipped to the cell
            paintCell(c, faces.get(i), i, faces.size());
            c.dispose();
        }
        paintLegend(g, getHeight() - LEGEND);
    }

    private void paintCell(Graphics2D g, FaceResult face, int index, int faces) {
        Point cell = cell(index, faces);
        int x = cell.x + MARGIN;
        g.setColor(face.success() ? TEXT : DIM);
        g.setFont(getFont().deriveFont(Font.BOLD, 13f));
        g.drawString("face " + face.faceId() + (face.success() ? "" : "  (lost)"), x, cell.y + 15);
        g.setFont(getFont().deriveFont(Font.PLAIN, 11f));
        g.drawString(affectLine(face.affect()), x, cell.y + 31);
        AuFrame aus = face.aus();
        g.setColor(DIM);
        g.drawString(aus == null ? "baseline —" : "baseline " + aus.baseline().label(), x, cell.y + 46);
        Font small = getFont().deriveFont(Font.PLAIN, 10f);
        for (ActionUnit au : AUS) {
            int a = AuFrame.index(au);
            List<Rectangle> bars = barBounds(index, faces, au);
            Rectangle label = labelBounds(index, faces, au);
            boolean present = aus != null && aus.present()[a];
            // The code and name on the row's middle line (across both bars of a one-sided AU).
            int baseline = label.y + label.height / 2 + 4;
            g.setColor(present ? TEXT : DIM);
            g.setFont(getFont().deriveFont(present ? Font.BOLD : Font.PLAIN, 11f));
            g.drawString(HAND_SET.contains(au) ? au.code() + "*" : au.code(), label.x, baseline);
            g.setFont(small);
            g.drawString(fitted(au.name(), g.getFontMetrics(), NAME - 4), label.x + CODE, baseline);
            for (int b = 0; b < bars.size(); b++) {
                Rectangle bar = bars.get(b);
                if (au.unilateral()) {
                    g.setColor(DIM);
                    g.setFont(small);
                    g.drawString(b == 0 ? "L" : "R", bar.x - TAG + 2, bar.y + bar.height);
                }
                g.setColor(TROUGH);
                g.fillRect(bar.x, bar.y, bar.width, bar.height);
                if (aus == null) continue;
                float value = !au.unilateral() ? aus.intensity()[a] : b == 0 ? aus.left()[a] : aus.right()[a];
                fill(g, bar.x, bar.y, bar.width, bar.height, value);
                g.setColor(Float.isNaN(value) ? DIM : TEXT);
                g.setFont(au.unilateral() ? small : getFont().deriveFont(Font.PLAIN, 11f));
                g.drawString(valueText(value), bar.x + bar.width + 5, bar.y + bar.height);
            }
        }
    }

    /** {@code text}, cut with an ellipsis where it is wider than {@code width} pixels (a narrow cell). */
    private static String fitted(String text, FontMetrics metrics, int width) {
        if (metrics.stringWidth(text) <= width) return text;
        String cut = text;
        while (cut.length() > 1 && metrics.stringWidth(cut + "…") > width) cut = cut.substring(0, cut.length() - 1);
        return cut + "…";
    }

    private static void fill(Graphics2D g, int x, int y, int width, int height, float intensity) {
        Color colour = IntensityColours.of(intensity);
        if (colour == null) return;
        g.setColor(colour);
        g.fillRect(x, y, Math.round(width * Math.max(0, Math.min(5, intensity)) / 5), height);
    }

    private static String valueText(float value) {
        if (Float.isNaN(value)) return "n/m";
        return String.format(Locale.ROOT, "%.1f", value) + IntensityScale.letter(value).map(l -> " " + l).orElse("");
    }

    static String affectLine(AffectFrame a) {
        Emotion top = a == null ? null : a.emotions().top(Emotion.CLASSIFIED).orElse(null);
        String emotion = top == null ? "—" : top.label() + String.format(Locale.ROOT, " %.0f%%", 100 * a.emotions().get(top));
        // Short enough for the panel's width with the longest label ("happiness 100%").
        return emotion + "  V " + number(a == null ? Float.NaN : a.circumplex().valence())
                + "  A " + number(a == null ? Float.NaN : a.circumplex().arousal());
    }

    private static String number(float v) {
        return Float.isNaN(v) ? "—" : String.format(Locale.ROOT, "%+.2f", v);
    }

    private void paintLegend(Graphics2D g, int top) {
        int x = MARGIN + CODE + NAME + TAG, width = Math.min(getWidth(), COLUMN_WIDTH) - 2 * MARGIN - CODE - NAME - TAG - VALUE;
        g.setColor(BACKGROUND);
        g.fillRect(0, top, getWidth(), LEGEND);
        for (int i = 0; i < width; i++) {
            g.setColor(IntensityColours.of(5f * i / (width - 1)));
            g.fillRect(x + i, top + 4, 1, 8);
        }
        g.setColor(DIM);
        g.setFont(getFont().deriveFont(Font.PLAIN, 10f));
        g.drawString("0-5", MARGIN, top + 12);
        String[] marks = {"0", "A", "B", "C", "D", "E"};
        for (int i = 0; i < marks.length; i++)
            g.drawString(marks[i], x + Math.round(width * i / 5f) - 3, top + 23);
        g.drawString("V valence, A arousal (-1 to +1)", MARGIN, top + 36);
        g.drawString("L, R: the subject's own left and right side", MARGIN, top + 48);
        g.drawString("* hand-set FACS rule: passes its check, no reference", MARGIN, top + 60);
    }

    /** The hovered row's AU: code, FACS name and values. */
    @Override
    public String getToolTipText(MouseEvent event) {
        LiveFrame frame = frames.get();
        List<FaceResult> faces = frame == null ? List.of() : frame.faces();
        int n = Math.max(1, faces.size());
        int index = event.getY() / CELL_HEIGHT * perRow(n) + Math.min(perRow(n) - 1, event.getX() / cellWidth(n));
        int y = event.getY() % CELL_HEIGHT;
        for (ActionUnit au : AUS)
            if (index < n && y >= rowTop(au) && y < rowTop(au) + rowHeight(au))
                return describe(au, index < faces.size() ? faces.get(index).aus() : null);
        return null;
    }

    static String describe(ActionUnit au, AuFrame aus) {
        int index = AuFrame.index(au);
        StringBuilder s = new StringBuilder(AuLabels.of(au));
        if (aus == null) return s.toString();
        float v = aus.intensity()[index];
        s.append(": ").append(valueText(v));
        IntensityScale.letter(v).ifPresent(l -> s.append(" (").append(l.meaning()).append(')'));
        if (au.unilateral() && !Float.isNaN(aus.left()[index]))
            s.append(String.format(Locale.ROOT, "; left %.1f, right %.1f", aus.left()[index], aus.right()[index]));
        return s.toString();
    }
}
