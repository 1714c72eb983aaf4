package org.facsflow.apps.live;

import org.facsflow.affect.AffectFrame;
import org.facsflow.affect.Emotion;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.facs.IntensityScale;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.pipeline.FaceResult;

import javax.swing.JComponent;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
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
 * beside each other: every coded AU on FACS's 0-5 scale, its
 * letter (A-E) where present, and for the AUs FACS scores per side the subject's left (upper half) and right (lower
 * half) as two bars. Bars are coloured by intensity ({@link IntensityColours}); an unmeasurable AU (NaN) has none and
 * reads "n/m". Above the bars: the top emotion with valence (V) and arousal (A), "—" until the affect layer is wired,
 * and the baseline in use. Hovering a row shows the AU's FACS name; the legend at the foot gives the colour scale.
 */
final class AuPanel extends JComponent {
    static final int COLUMN_WIDTH = 230, MIN_COLUMN_WIDTH = 160, ROW = 15, HEADER = 52, LEGEND = 64, LABEL = 40,
            VALUE = 46, MARGIN = 8;
    /** One face's cell: header, a row per coded AU, a gap. */
    static final int CELL_HEIGHT = HEADER + ActionUnit.CODED.size() * ROW + 6;
    static final Color BACKGROUND = new Color(30, 30, 34), TROUGH = new Color(58, 58, 64), TEXT = new Color(225, 225, 225),
            DIM = new Color(140, 140, 140);
    private static final List<ActionUnit> AUS = ActionUnit.CODED;
    /** AUs whose coefficients are hand-set FACS rules, not fitted to reference data: marked with '*'. */
    private static final Set<ActionUnit> EXPERIMENTAL = AUS.stream()
            .filter(au -> !AuModel.standard().isReported(au)).collect(Collectors.toUnmodifiableSet());

    private final Supplier<LiveFrame> frames;

    AuPanel(Supplier<LiveFrame> frames) {
        this.frames = frames;
        setOpaque(true);
        setToolTipText(""); // tooltips come from getToolTipText(MouseEvent)
        fit(1, Integer.MAX_VALUE);
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

    /** The trough of AU {@code au}'s bar in face {@code index}'s cell when {@code faces} are shown (panel pixels). */
    Rectangle barBounds(int index, int faces, int au) {
        Point cell = cell(index, faces);
        return new Rectangle(cell.x + MARGIN + LABEL, cell.y + HEADER + au * ROW + 2,
                cellWidth(faces) - 2 * MARGIN - LABEL - VALUE, ROW - 4);
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
        for (int a = 0; a < AUS.size(); a++) {
            ActionUnit au = AUS.get(a);
            Rectangle bar = barBounds(index, faces, a);
            float value = aus == null ? Float.NaN : aus.intensity()[a];
            g.setColor(aus != null && aus.present()[a] ? TEXT : DIM);
            g.setFont(getFont().deriveFont(aus != null && aus.present()[a] ? Font.BOLD : Font.PLAIN, 11f));
            g.drawString(EXPERIMENTAL.contains(au) ? au.code() + "*" : au.code(), x, bar.y + bar.height - 1);
            g.setColor(TROUGH);
            g.fillRect(bar.x, bar.y, bar.width, bar.height);
            if (aus == null) continue;
            if (au.unilateral() && !Float.isNaN(aus.left()[a]) && !Float.isNaN(aus.right()[a])) {
                int half = bar.height / 2;
                fill(g, bar.x, bar.y, bar.width, half, aus.left()[a]);
                fill(g, bar.x, bar.y + bar.height - half, bar.width, half, aus.right()[a]);
            } else {
                fill(g, bar.x, bar.y, bar.width, bar.height, value);
            }
            g.setColor(Float.isNaN(value) ? DIM : TEXT);
            g.drawString(valueText(value), bar.x + bar.width + 5, bar.y + bar.height - 1);
        }
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
        int x = MARGIN + LABEL, width = Math.min(getWidth(), COLUMN_WIDTH) - 2 * MARGIN - LABEL - VALUE;
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
        g.drawString("two bars: subject's left (upper), right (lower)", MARGIN, top + 48);
        g.drawString("* hand-set FACS rule, not yet validated", MARGIN, top + 60);
    }

    /** The hovered row's AU: code, FACS name and values. */
    @Override
    public String getToolTipText(MouseEvent event) {
        LiveFrame frame = frames.get();
        List<FaceResult> faces = frame == null ? List.of() : frame.faces();
        int n = Math.max(1, faces.size());
        int index = event.getY() / CELL_HEIGHT * perRow(n) + Math.min(perRow(n) - 1, event.getX() / cellWidth(n));
        int y = event.getY() % CELL_HEIGHT - HEADER;
        if (y < 0 || y / ROW >= AUS.size() || index >= n) return null;
        return describe(AUS.get(y / ROW), index < faces.size() ? faces.get(index).aus() : null, y / ROW);
    }

    static String describe(ActionUnit au, AuFrame aus, int index) {
        StringBuilder s = new StringBuilder(au.code()).append(' ').append(au.name());
        if (aus == null) return s.toString();
        float v = aus.intensity()[index];
        s.append(": ").append(valueText(v));
        IntensityScale.letter(v).ifPresent(l -> s.append(" (").append(l.meaning()).append(')'));
        if (au.unilateral() && !Float.isNaN(aus.left()[index]))
            s.append(String.format(Locale.ROOT, "; left %.1f, right %.1f", aus.left()[index], aus.right()[index]));
        return s.toString();
    }
}
