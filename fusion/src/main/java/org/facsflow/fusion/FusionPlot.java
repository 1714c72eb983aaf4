package org.facsflow.fusion;

import org.facsflow.io.AtomicFile;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One face's late fusion over time as a PNG: for arousal, valence and engagement the face-only value (dashed) and the
 * fused one (solid) with each other source's own estimate (thin), then each source's share of the fused arousal (the
 * face in the face-only colour, the others in their own).
 * Values are per window, drawn as steps; missing windows leave gaps.
 */
public final class FusionPlot {
    public static final int WIDTH = 1200, HEIGHT = 900;
    private static final Color[] SOURCES = {new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189),
            new Color(140, 86, 75), new Color(227, 119, 194), new Color(23, 190, 207)};
    private static final Color FUSED = Color.BLACK, FACE = new Color(31, 119, 180);

    private FusionPlot() {
    }

    public static void write(Path png, String title, Windows w, Map<LateFusion.Dimension, LateFusion.Fused> face) throws IOException {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("time (s)"));
        combined.setGap(8);
        // Arousal first: it has the most sources, and only its panel's series make the legend.
        for (LateFusion.Dimension d : List.of(LateFusion.Dimension.AROUSAL, LateFusion.Dimension.VALENCE,
                LateFusion.Dimension.ENGAGEMENT)) {
            LateFusion.Fused f = face.get(d);
            XYSeriesCollection data = new XYSeriesCollection();
            XYStepRenderer renderer = new XYStepRenderer();
            add(data, renderer, w, "fused", f.fused(), FUSED, new BasicStroke(2.2f));
            add(data, renderer, w, "face only", f.faceOnly(), FACE, new BasicStroke(1.8f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            int c = 0;
            for (LateFusion.Estimate e : f.sources())
                if (!e.source().equals(LateFusion.FACE))
                    add(data, renderer, w, e.source(), e.value(), SOURCES[c++ % SOURCES.length], new BasicStroke(1f));
            if (d != LateFusion.Dimension.AROUSAL)
                for (int i = 0; i < data.getSeriesCount(); i++) renderer.setSeriesVisibleInLegend(i, false);
            NumberAxis axis = new NumberAxis(d.label());
            axis.setRange(-1.05, 1.05);
            combined.add(plot(data, axis, renderer), 2);
        }
        XYSeriesCollection shares = new XYSeriesCollection();
        XYStepRenderer renderer = new XYStepRenderer();
        int c = 0;
        for (LateFusion.Estimate e : face.get(LateFusion.Dimension.AROUSAL).sources())
            add(shares, renderer, w, e.source(), e.share(), e.source().equals(LateFusion.FACE) ? FACE
                    : SOURCES[c++ % SOURCES.length], new BasicStroke(1.5f));
        for (int i = 0; i < shares.getSeriesCount(); i++) renderer.setSeriesVisibleInLegend(i, false);
        NumberAxis axis = new NumberAxis("share of arousal");
        axis.setRange(0, 1.05);
        combined.add(plot(shares, axis, renderer), 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFile.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }

    private static void add(XYSeriesCollection data, XYStepRenderer renderer, Windows w, String name, double[] values,
                            Color colour, BasicStroke stroke) {
        XYSeries series = new XYSeries(name, false, true);
        for (int i = 0; i < w.count(); i++) {
            series.add(w.from(i), Double.isNaN(values[i]) ? null : (Number) values[i]);
            // Steps need the window's end too, or the last value of a run is a point.
            series.add(w.to(i) - 1e-6 * w.length(), Double.isNaN(values[i]) ? null : (Number) values[i]);
        }
        int index = data.getSeriesCount();
        data.addSeries(series);
        renderer.setSeriesPaint(index, colour);
        renderer.setSeriesStroke(index, stroke);
    }

    private static XYPlot plot(XYSeriesCollection data, NumberAxis axis, XYStepRenderer renderer) {
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
