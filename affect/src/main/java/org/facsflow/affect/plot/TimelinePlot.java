package org.facsflow.affect.plot;

import org.facsflow.io.AtomicFile;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One face's timeline as a PNG: AU intensities (0-5) over time on top, valence and arousal (-1..1) below when given.
 * NaN values leave gaps.
 */
public final class TimelinePlot {
    public static final int WIDTH = 1200, HEIGHT = 700;
    /** Ten colours that stay apart on white (matplotlib's tab10). */
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private TimelinePlot() {
    }

    /**
     * @param aus     series name (e.g. "AU12") to intensities, each as long as {@code times}
     * @param affects series name (e.g. "valence") to -1..1 values; may be empty
     */
    public static void write(Path png, String title, double[] times, Map<String, float[]> aus,
                             Map<String, float[]> affects) throws IOException {
        AtomicFile.write(png, out -> ChartUtils.writeChartAsPNG(out, chart(title, times, aus, affects), WIDTH, HEIGHT));
    }

    static JFreeChart chart(String title, double[] times, Map<String, float[]> aus, Map<String, float[]> affects) {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("time (s)"));
        combined.setGap(8);
        NumberAxis intensity = new NumberAxis("AU intensity (0-5)");
        intensity.setRange(0, 5.2);
        combined.add(subplot(times, aus, intensity, 0), 3);
        if (!affects.isEmpty()) {
            NumberAxis range = new NumberAxis("valence / arousal");
            range.setRange(-1.05, 1.05);
            // Colours continue after the AUs' so that no two legend entries share one.
            combined.add(subplot(times, affects, range, aus.size()), 2);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYPlot subplot(double[] times, Map<String, float[]> series, NumberAxis range, int firstColour) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, float[]> s : series.entrySet()) {
            if (s.getValue().length != times.length)
                throw new IllegalArgumentException(s.getKey() + " has " + s.getValue().length + " values for "
                        + times.length + " times");
            XYSeries xy = new XYSeries(s.getKey(), false, true);
            for (int i = 0; i < times.length; i++) {
                float v = s.getValue()[i];
                xy.add(times[i], Float.isNaN(v) ? null : (Number) v);
            }
            data.addSeries(xy);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, times.length == 1);
        for (int i = 0; i < series.size(); i++) {
            int c = firstColour + i;
            renderer.setSeriesPaint(i, PALETTE[c % PALETTE.length]);
            // Past the palette, dashes tell repeated colours apart.
            if (c >= PALETTE.length) renderer.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
            else renderer.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        XYPlot plot = new XYPlot(data, null, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
