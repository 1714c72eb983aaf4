package org.facsflow.apps.live;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.facs.coding.BaselineMode;
import org.facsflow.pipeline.FaceResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facsflow.apps.live.PanelPixels.distance;

/**
 * The AU bars painted off screen (the test JVM is headless) for one face with known values: each AU named beside
 * its code, a one-sided AU's left and right as two bars of their own length and colour with a number each, an
 * unmeasured side without a bar. {@code LiveWindowTest} checks the same on the real window.
 */
class AuPanelTest {
    private static final int AU6 = ActionUnit.CODED.indexOf(ActionUnit.AU6), AU12 = ActionUnit.CODED.indexOf(ActionUnit.AU12),
            AU25 = ActionUnit.CODED.indexOf(ActionUnit.AU25);
    private static AuPanel panel;
    private static BufferedImage image;

    @BeforeAll
    static void paint() {
        int n = ActionUnit.CODED.size();
        float[] both = new float[n], left = new float[n], right = new float[n];
        boolean[] present = new boolean[n];
        Arrays.fill(both, 0.2f);
        Arrays.fill(left, Float.NaN);
        Arrays.fill(right, Float.NaN);
        for (int a = 0; a < n; a++) if (ActionUnit.CODED.get(a).unilateral()) left[a] = right[a] = 0.2f;
        left[AU12] = 1f;     // a lopsided smile: the subject's right pulls harder
        right[AU12] = 4f;
        both[AU12] = 2.5f;
        left[AU6] = Float.NaN; // the left cheek not measurable (turned away)
        right[AU6] = 2f;
        both[AU6] = 2f;
        both[AU25] = 3f;
        present[AU12] = present[AU6] = present[AU25] = true;
        AuFrame aus = new AuFrame(both, left, right, present, BaselineMode.RUNNING);
        LiveFrame frame = new LiveFrame(1, 0, null, null, List.of(new FaceResult(1, 0, 0, 1f, null, aus, null)), 0);
        panel = new AuPanel(() -> frame);
        panel.setFont(new Font(Font.DIALOG, Font.PLAIN, 12));
        panel.setSize(AuPanel.COLUMN_WIDTH, AuPanel.CELL_HEIGHT + AuPanel.LEGEND);
        image = new BufferedImage(panel.getWidth(), panel.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        panel.paintComponent(g);
        g.dispose();
    }

    @Test
    void aOneSidedAuShowsEachSideAsABarOfItsOwnWithItsNumber() {
        List<Rectangle> bars = panel.barBounds(0, 1, ActionUnit.AU12);
        assertThat(bars).hasSize(2);
        Rectangle l = bars.get(0), r = bars.get(1);
        assertThat(l.height).as("bar height").isGreaterThanOrEqualTo(8);
        assertThat(r.height).isGreaterThanOrEqualTo(8);
        assertThat(r.y).as("the right bar below the left, apart").isGreaterThan(l.y + l.height);
        assertFilled(l, 1f);
        assertFilled(r, 4f);
        // A number after each bar, and not the same one.
        Rectangle lNumber = numberArea(l), rNumber = numberArea(r);
        assertThat(textPixels(lNumber)).as("left number").isGreaterThan(10);
        assertThat(textPixels(rNumber)).as("right number").isGreaterThan(10);
        assertThat(pixels(lNumber)).isNotEqualTo(pixels(rNumber));
        // Each bar tagged with its side.
        assertThat(textPixels(new Rectangle(l.x - AuPanel.TAG, l.y, AuPanel.TAG, l.height))).as("L").isGreaterThan(3);
        assertThat(textPixels(new Rectangle(r.x - AuPanel.TAG, r.y, AuPanel.TAG, r.height))).as("R").isGreaterThan(3);
    }

    @Test
    void anUnmeasuredSideHasNoBarButSaysSo() {
        List<Rectangle> bars = panel.barBounds(0, 1, ActionUnit.AU6);
        Rectangle l = bars.get(0);
        for (int x = l.x; x < l.x + l.width; x++)
            assertThat(distance(colour(x, l.y + l.height / 2), AuPanel.TROUGH)).as("empty trough at %d", x).isLessThan(4);
        assertThat(textPixels(numberArea(l))).as("'n/m'").isGreaterThan(10);
        assertFilled(bars.get(1), 2f);
    }

    @Test
    void anAuScoredOnBothSidesTogetherHasOneBar() {
        List<Rectangle> bars = panel.barBounds(0, 1, ActionUnit.AU25);
        assertThat(bars).hasSize(1);
        assertFilled(bars.get(0), 3f);
        assertThat(textPixels(numberArea(bars.get(0)))).isGreaterThan(10);
    }

    @Test
    void everyShownAuIsNamedBesideItsCodeAndNoExperimentalOneIsShown() {
        for (ActionUnit au : AuPanel.AUS) {
            Rectangle label = panel.labelBounds(0, 1, au);
            Rectangle name = new Rectangle(label.x + AuPanel.CODE, label.y, AuPanel.NAME, label.height);
            // "Dimpler", the shortest name, covers about 40 px of text at 10 pt.
            assertThat(textPixels(name)).as("%s's name", au.code()).isGreaterThan(40);
        }
        assertThat(AuPanel.AUS).containsAll(AuModel.standard().reported()).doesNotContainAnyElementsOf(AuModel.standard().experimental());
        assertThat(AuPanel.describe(ActionUnit.AU12, null)).isEqualTo("AU12 Lip Corner Puller");
    }

    /** The bar's first {@code intensity / 5} in that intensity's colour, then the trough. */
    private static void assertFilled(Rectangle bar, float intensity) {
        int length = Math.round(bar.width * intensity / 5), y = bar.y + bar.height / 2;
        assertThat(distance(colour(bar.x + length / 2, y), IntensityColours.of(intensity))).as("bar at %.1f", intensity).isLessThan(4);
        assertThat(distance(colour(bar.x + length - 1, y), IntensityColours.of(intensity))).isLessThan(4);
        assertThat(distance(colour(bar.x + length + 1, y), AuPanel.TROUGH)).as("trough after %.1f", intensity).isLessThan(4);
    }

    private static Rectangle numberArea(Rectangle bar) {
        return new Rectangle(bar.x + bar.width + 2, bar.y - 1, AuPanel.VALUE - 2, bar.height + 2);
    }

    private static int textPixels(Rectangle area) {
        return PanelPixels.text(image, area);
    }

    private static int[] pixels(Rectangle area) {
        return image.getRGB(area.x, area.y, area.width, area.height, null, 0, area.width);
    }

    private static Color colour(int x, int y) {
        return new Color(image.getRGB(x, y));
    }
}
