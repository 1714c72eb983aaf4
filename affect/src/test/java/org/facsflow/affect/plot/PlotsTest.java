package org.facsflow.affect.plot;

import org.facsflow.affect.Emotion;
import org.facsflow.affect.circumplex.CircumplexModel;
import org.facsflow.affect.circumplex.CircumplexTrack;
import org.facsflow.facs.ActionUnit;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plots draw the series they are given where those values lie, in the series' own colour, and nothing for what
 * was not measured (where they say "no data"). Each chart is rendered with its layout recorded, and the pixels at the
 * data coordinates are checked.
 */
class PlotsTest {
    private static final Color[] TIME_COLOURS = sample(new TimePaintScale(0, 1));

    // ---- the timeline: small multiples

    @Test
    void theTimelineDrawsEachAuInItsOwnNamedPanelAtItsValues(@TempDir Path dir) throws IOException {
        int n = 120;
        double[] t = new double[n];
        float[] au12 = new float[n], au6 = new float[n], au15 = new float[n], valence = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / 30.0;
            au12[i] = 4f * i / (n - 1);                      // a ramp 0..4
            au6[i] = i >= 40 && i < 80 ? Float.NaN : 2.5f;   // flat, with a gap from 1.33 s to 2.63 s
            au15[i] = Float.NaN;                             // never measured
            valence[i] = -0.5f;
        }
        Map<ActionUnit, float[]> aus = new LinkedHashMap<>();
        aus.put(ActionUnit.AU6, au6);
        aus.put(ActionUnit.AU12, au12);
        aus.put(ActionUnit.AU15, au15);
        JFreeChart chart = TimelinePlot.chart("face 0", t, aus, Map.of("valence", valence));
        ChartRenderingInfo info = new ChartRenderingInfo();
        int height = TimelinePlot.height(3, true);
        BufferedImage image = chart.createBufferedImage(TimelinePlot.WIDTH, height, info);
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getPlot();
        List<XYPlot> panels = combined.getSubplots();

        assertThat(panels).hasSize(4);
        assertThat(panels.stream().map(p -> p.getRangeAxis().getLabel())).containsExactly("AU6 Cheek Raiser",
                "AU12 Lip Corner Puller", "AU15 Lip Corner Depressor", "valence / arousal");
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < chart.getPlot().getLegendItems().getItemCount(); i++)
            legend.add(chart.getPlot().getLegendItems().get(i).getLabel());
        assertThat(legend).as("only valence/arousal need a legend").containsExactly("valence");

        // AU12's ramp: its colour at every tenth frame's value, in its own panel.
        Rectangle2D au12Area = area(info, 1);
        for (int i = 0; i < n; i += 10)
            assertThat(near(image, x(combined, au12Area, t[i]), y(panels.get(1), au12Area, au12[i]),
                    TimelinePlot.AU_COLOUR)).as("AU12 at %.2f s", t[i]).isTrue();
        // AU6: drawn at 2.5 outside its gap, nothing inside it.
        Rectangle2D au6Area = area(info, 0);
        assertThat(near(image, x(combined, au6Area, t[20]), y(panels.get(0), au6Area, 2.5), TimelinePlot.AU_COLOUR)).isTrue();
        assertThat(near(image, x(combined, au6Area, t[100]), y(panels.get(0), au6Area, 2.5), TimelinePlot.AU_COLOUR)).isTrue();
        Rectangle gap = new Rectangle(x(combined, au6Area, t[41]), (int) au6Area.getY(),
                x(combined, au6Area, t[78]) - x(combined, au6Area, t[41]), (int) au6Area.getHeight());
        assertThat(count(image, gap, TimelinePlot.AU_COLOUR, 30)).as("AU6 pixels inside its gap").isZero();
        // AU15, never measured: no line, and its panel says so (only it).
        Rectangle au15Area = area(info, 2).getBounds();
        assertThat(count(image, au15Area, TimelinePlot.AU_COLOUR, 30)).isZero();
        assertThat(count(image, au15Area, Charts.NO_DATA, 0)).as("'no data' text").isGreaterThan(20);
        assertThat(count(image, area(info, 1).getBounds(), Charts.NO_DATA, 0)).isZero();
        // Valence at -0.5 in the panel below, in valence's colour.
        Rectangle2D affectArea = area(info, 3);
        assertThat(near(image, x(combined, affectArea, t[60]), y(panels.get(3), affectArea, -0.5),
                TimelinePlot.AFFECT_COLOURS[0])).isTrue();

        Path png = dir.resolve("video_timeline.png");
        TimelinePlot.write(png, "face 0", t, aus, Map.of("valence", valence));
        assertPng(png, TimelinePlot.WIDTH, height);
        assertOnlyFile(dir, "video_timeline.png");
    }

    @Test
    void aTimelineOfNothingMeasuredDrawsNoSeriesAndSaysNoData() {
        double[] t = {0, 0.5, 1, 1.5};
        float[] nan = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        JFreeChart chart = TimelinePlot.chart("face 3", t, Map.of(ActionUnit.AU12, nan),
                Map.of("valence", nan, "arousal", nan));
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(TimelinePlot.WIDTH, TimelinePlot.height(1, true), info);
        Rectangle whole = new Rectangle(0, 0, image.getWidth(), image.getHeight());
        for (int p = 0; p < 2; p++)
            assertThat(count(image, area(info, p).getBounds(), Charts.NO_DATA, 0)).as("'no data' in panel %d", p).isGreaterThan(20);
        assertThat(count(image, area(info, 0).getBounds(), TimelinePlot.AU_COLOUR, 30)).isZero();
        // The legend's swatches are the only valence/arousal colour in the image: nothing inside the panel.
        for (Color c : TimelinePlot.AFFECT_COLOURS)
            assertThat(count(image, area(info, 1).getBounds(), c, 30)).isZero();
        assertThat(count(image, whole, TimelinePlot.AU_COLOUR, 30)).isZero();
    }

    // ---- the circumplex

    @Test
    void theCircumplexIsZoomedToItsPointsAndDrawsThemInTheirTimeColour(@TempDir Path dir) throws IOException {
        // 20 points, spread so that none covers another, near happiness (0.81, 0.51).
        int n = 20;
        double[] t = new double[n];
        float[] v = new float[n], a = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            v[i] = 0.55f + 0.3f * i / (n - 1);
            a[i] = (float) (0.3 + 0.25 * Math.sin(i / 3.0) * Math.sin(i / 3.0));
        }
        JFreeChart chart = CircumplexPlot.chart("clip", List.of(new CircumplexTrack(0, t, v, a)));
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(CircumplexPlot.WIDTH, CircumplexPlot.HEIGHT, info);
        XYPlot plot = (XYPlot) chart.getPlot();
        NumberAxis valence = (NumberAxis) plot.getDomainAxis(), arousal = (NumberAxis) plot.getRangeAxis();

        // Zoomed: the points fill the view (not -1.1..1.1), at readable steps.
        for (NumberAxis axis : List.of(valence, arousal)) {
            assertThat(axis.getRange().getLength()).as(axis.getLabel()).isBetween(0.3, 0.6);
            double ticks = axis.getRange().getLength() / axis.getTickUnit().getSize();
            assertThat(ticks).as("ticks on " + axis.getLabel()).isBetween(3.0, 8.0);
        }
        for (int i = 0; i < n; i++) {
            assertThat(valence.getRange().contains(v[i])).isTrue();
            assertThat(arousal.getRange().contains(a[i])).isTrue();
        }
        // The emotion words inside the view, and only they.
        List<String> expected = new ArrayList<>();
        CircumplexModel.standardCoordinates().forEach((e, va) -> {
            if (e != Emotion.NEUTRAL && valence.getRange().contains(va.valence()) && arousal.getRange().contains(va.arousal()))
                expected.add(e.label());
        });
        assertThat(expected).contains("happiness");
        assertThat(plot.getAnnotations().stream().filter(XYTextAnnotation.class::isInstance)
                .map(x -> ((XYTextAnnotation) x).getText())).containsExactlyInAnyOrderElementsOf(expected);
        // Each point in the colour of its time.
        Rectangle2D area = info.getPlotInfo().getDataArea();
        TimePaintScale scale = new TimePaintScale(0, n - 1);
        for (int i = 0; i < n; i++) {
            int px = (int) Math.round(valence.valueToJava2D(v[i], area, plot.getDomainAxisEdge()));
            int py = (int) Math.round(arousal.valueToJava2D(a[i], area, plot.getRangeAxisEdge()));
            assertThat(distance(new Color(image.getRGB(px, py)), (Color) scale.getPaint(t[i])))
                    .as("point %d's colour", i).isLessThan(12);
        }
        assertThat(count(image, area.getBounds(), Charts.NO_DATA, 0)).isZero();

        Path png = dir.resolve("video_circumplex.png");
        CircumplexPlot.write(png, "clip", List.of(new CircumplexTrack(0, t, v, a)));
        assertPng(png, CircumplexPlot.WIDTH, CircumplexPlot.HEIGHT);
        assertOnlyFile(dir, "video_circumplex.png");
    }

    @Test
    void aCircumplexOfNothingMeasuredDrawsNoPointAndSaysNoData() {
        double[] t = {0, 1, 2};
        float[] nan = {Float.NaN, Float.NaN, Float.NaN};
        JFreeChart chart = CircumplexPlot.chart("clip", List.of(new CircumplexTrack(0, t, nan, nan),
                new CircumplexTrack(1, t, new float[]{0.2f, Float.NaN, 0.3f}, nan)));
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(CircumplexPlot.WIDTH, CircumplexPlot.HEIGHT, info);
        Rectangle area = info.getPlotInfo().getDataArea().getBounds();
        for (Color c : TIME_COLOURS) assertThat(count(image, area, c, 20)).as("points coloured %s", c).isZero();
        assertThat(count(image, area, Charts.NO_DATA, 0)).as("'no data' text").isGreaterThan(20);
    }

    // ---- a still: bars

    @Test
    void aStillsBarChartDrawsEachAuToItsValueAndNoBarWhereUnmeasured() {
        Map<ActionUnit, Float> values = new LinkedHashMap<>();
        values.put(ActionUnit.AU1, 0.5f);
        values.put(ActionUnit.AU6, 2f);
        values.put(ActionUnit.AU9, Float.NaN);
        values.put(ActionUnit.AU12, 4f);
        JFreeChart chart = AuBarChart.chart("photo, face 1", values);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(AuBarChart.WIDTH, AuBarChart.height(values.size()), info);
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        Rectangle2D area = info.getPlotInfo().getDataArea();

        assertThat(plot.getCategories()).containsExactly("AU1 Inner Brow Raiser", "AU6 Cheek Raiser",
                "AU9 Nose Wrinkler (not measurable)", "AU12 Lip Corner Puller");
        List<ActionUnit> aus = List.copyOf(values.keySet());
        for (int c = 0; c < aus.size(); c++) {
            float value = values.get(aus.get(c));
            int y = (int) plot.getDomainAxis().getCategoryMiddle(c, aus.size(), area, plot.getDomainAxisEdge());
            Rectangle row = new Rectangle((int) area.getX(), y - 2, (int) area.getWidth(), 5);
            if (Float.isNaN(value)) {
                assertThat(count(image, row, AuBarChart.PRESENT, 10) + count(image, row, AuBarChart.ABSENT, 10))
                        .as("a bar for %s", aus.get(c).code()).isZero();
                continue;
            }
            int end = (int) Math.round(plot.getRangeAxis().valueToJava2D(value, area, plot.getRangeAxisEdge()));
            Color bar = value >= 1 ? AuBarChart.PRESENT : AuBarChart.ABSENT;
            assertThat(distance(new Color(image.getRGB(end - 3, y)), bar)).as("%s's bar end", aus.get(c).code()).isLessThan(10);
            assertThat(distance(new Color(image.getRGB(end + 2, y)), bar)).as("past %s's bar", aus.get(c).code()).isGreaterThan(40);
        }
        assertThat(count(image, area.getBounds(), Charts.NO_DATA, 0)).isZero();
    }

    @Test
    void aBarChartOfAnUnmeasurableFaceDrawsNoBarAndSaysSo() {
        Map<ActionUnit, Float> values = new LinkedHashMap<>();
        for (ActionUnit au : List.of(ActionUnit.AU1, ActionUnit.AU12, ActionUnit.AU25)) values.put(au, Float.NaN);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = AuBarChart.chart("photo, face 2", values).createBufferedImage(AuBarChart.WIDTH,
                AuBarChart.height(values.size()), info);
        Rectangle area = info.getPlotInfo().getDataArea().getBounds();
        assertThat(count(image, area, AuBarChart.PRESENT, 10) + count(image, area, AuBarChart.ABSENT, 10)).isZero();
        assertThat(count(image, area, Charts.NO_DATA, 0)).isGreaterThan(20);
    }

    // ---- helpers

    private static Rectangle2D area(ChartRenderingInfo info, int panel) {
        return info.getPlotInfo().getSubplotInfo(panel).getDataArea();
    }

    private static int x(XYPlot plot, Rectangle2D area, double t) {
        return (int) Math.round(plot.getDomainAxis().valueToJava2D(t, area, plot.getDomainAxisEdge()));
    }

    private static int y(XYPlot plot, Rectangle2D area, double value) {
        return (int) Math.round(plot.getRangeAxis().valueToJava2D(value, area, plot.getRangeAxisEdge()));
    }

    /** Whether a pixel within 2 px of (x, y) has the colour (lines are anti-aliased at their edges only). */
    private static boolean near(BufferedImage image, int x, int y, Color colour) {
        return count(image, new Rectangle(x - 2, y - 2, 5, 5), colour, 30) > 0;
    }

    private static int count(BufferedImage image, Rectangle area, Color colour, double tolerance) {
        Rectangle a = area.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        int n = 0;
        for (int y = a.y; y < a.y + a.height; y++)
            for (int x = a.x; x < a.x + a.width; x++)
                if (distance(new Color(image.getRGB(x, y)), colour) <= tolerance) n++;
        return n;
    }

    private static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
                + Math.pow(a.getBlue() - b.getBlue(), 2));
    }

    private static Color[] sample(TimePaintScale scale) {
        Color[] c = new Color[11];
        Arrays.setAll(c, i -> (Color) scale.getPaint(i / 10.0));
        return c;
    }

    private static void assertPng(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }

    private static void assertOnlyFile(Path dir, String name) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(name);
        }
    }
}
