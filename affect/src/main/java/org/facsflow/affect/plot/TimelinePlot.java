package org.facsflow.affect.plot;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;
import org.facsflow.io.AtomicFile;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One face's timeline as a PNG, as small multiples sharing the time axis: one short panel per AU (0-5, named by code
 * and FACS name, a dashed line at letter A where FACS counts an AU present), and below them valence and arousal
 * (-1..1) when given. NaN values leave gaps; a series with no measured value draws nothing and its panel says so.
 */
public final class TimelinePlot {
    public static final int WIDTH = 1200;
    /** Pixels of one AU's panel, of the valence/arousal panel, and of the title, time axis and legend together. */
    static final int AU_PANEL = 78, AFFECT_PANEL = 170, FRAME = 130;
    /** The AU lines' colour (matplotlib's tab10 blue). */
    public static final Color AU_COLOUR = new Color(31, 119, 180);
    /** Valence and arousal (matplotlib's tab10 orange and green): apart from the AUs' blue and from each other. */
    static final Color[] AFFECT_COLOURS = {new Color(255, 127, 14), new Color(44, 160, 44)};

    private TimelinePlot() {
    }

    /** The PNG's height for this many AU panels, with or without the valence/arousal panel. */
    public static int height(int aus, boolean affects) {
        return FRAME + aus * AU_PANEL + (affects ? AFFECT_PANEL : 0);
    }

    /**
     * @param aus     AU to intensities, each as long as {@code times}, one panel each in the map's order
     * @param affects series name (e.g. "valence") to -1..1 values, drawn together in one panel; may be empty
     */
    public static void write(Path png, String title, double[] times, Map<ActionUnit, float[]> aus,
                             Map<String, float[]> affects) throws IOException {
        AtomicFile.write(png, out -> ChartUtils.writeChartAsPNG(out, chart(title, times, aus, affects), WIDTH,
                height(aus.size(), !affects.isEmpty())));
    }

    static JFreeChart chart(String title, double[] times, Map<ActionUnit, float[]> aus, Map<String, float[]> affects) {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("time (s)"));
        combined.setGap(6);
        for (Map.Entry<ActionUnit, float[]> au : aus.entrySet()) {
            NumberAxis intensity = Charts.sideLabelAxis(AuLabels.of(au.getKey()));
            intensity.setRange(0, 5.3);
            intensity.setTickUnit(new NumberTickUnit(1));
            XYPlot panel = panel(times, Map.of(au.getKey().code(), au.getValue()), intensity,
                    new Color[]{AU_COLOUR}, false);
            ValueMarker present = new ValueMarker(IntensityScale.PRESENCE_THRESHOLD, Color.GRAY, new BasicStroke(1f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{4f, 4f}, 0f));
            panel.addRangeMarker(present);
            combined.add(panel, AU_PANEL);
        }
        if (!affects.isEmpty()) {
            NumberAxis range = Charts.sideLabelAxis("valence / arousal");
            range.setRange(-1.05, 1.05);
            range.setTickUnit(new NumberTickUnit(0.5));
            combined.add(panel(times, affects, range, AFFECT_COLOURS, true), AFFECT_PANEL);
        }
        // The AU panels are named beside them; the legend only tells valence from arousal.
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, !affects.isEmpty());
        if (!aus.isEmpty())
            chart.addSubtitle(new TextTitle("AU intensity 0-5 (dashed: letter A, present)", Charts.SMALL_FONT));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYPlot panel(double[] times, Map<String, float[]> series, NumberAxis range, Color[] colours,
                                boolean inLegend) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, float[]> s : series.entrySet()) {
            if (s.getValue().length != times.length)
                throw new IllegalArgumentException(s.getKey() + " has " + s.getValue().length + " values for "
                        + times.length + " times");
            XYSeries xy = new XYSeries(s.getKey(), false, true);
            // Gaps are nulls between measured values; a series never measured stays empty, so the panel reads "no data".
            if (Charts.anyMeasured(s.getValue()))
                for (int i = 0; i < times.length; i++) {
                    float v = s.getValue()[i];
                    xy.add(times[i], Float.isNaN(v) ? null : (Number) v);
                }
            data.addSeries(xy);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, times.length == 1);
        renderer.setDefaultSeriesVisibleInLegend(inLegend);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, colours[i % colours.length]);
            renderer.setSeriesStroke(i, new BasicStroke(1.8f));
        }
        XYPlot plot = new XYPlot(data, null, range, renderer);
        Charts.style(plot);
        return plot;
    }
}
