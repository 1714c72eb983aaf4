package org.facsflow.study.report;

import org.facsflow.study.metrics.GroupCurve;
import org.facsflow.study.metrics.Signals;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.util.List;

/** The report's charts, drawn headless with JFreeChart into SVG elements for inline use. */
final class Charts {
    static final Color A = new Color(0x1f77b4), B = new Color(0xd62728), SIGNIFICANT = new Color(0xd62728),
            OTHER = new Color(0x555555);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private Charts() {
    }

    /** An inline {@code <svg>} of the chart; {@code id} keeps the element ids of several charts on one page apart. */
    static String svg(JFreeChart chart, int width, int height, String id) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle(width, height));
        return g.getSVGElement(id);
    }

    /**
     * Both conditions' mean time course of one signal, each with its bootstrap band; {@code prefix} goes before the
     * title (e.g. "SIMULATED: ").
     */
    static JFreeChart curves(String prefix, String signal, String a, GroupCurve ca, String b, GroupCurve cb,
                             int confidencePercent) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series(a, ca));
        data.addSeries(series(b, cb));
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setSeriesPaint(0, A);
        renderer.setSeriesFillPaint(0, A);
        renderer.setSeriesPaint(1, B);
        renderer.setSeriesFillPaint(1, B);
        renderer.setAlpha(0.2f);
        for (int s = 0; s < 2; s++) renderer.setSeriesStroke(s, new BasicStroke(2f));
        int index = Signals.index(signal);
        NumberAxis y = new NumberAxis(Signals.axis(index));
        y.setAutoRangeIncludesZero(index < Signals.AU_COUNT || index == Signals.VOICE_ACTIVE);
        XYPlot plot = new XYPlot(data, new NumberAxis("seconds from stimulus onset"), y, renderer);
        style(plot);
        JFreeChart chart = new JFreeChart(prefix + Signals.title(index) + ": mean and " + confidencePercent + "% bootstrap band",
                TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static YIntervalSeries series(String name, GroupCurve c) {
        YIntervalSeries s = new YIntervalSeries(name, false, true);
        for (int k = 0; k < c.length(); k++)
            if (!Double.isNaN(c.mean()[k]) && !Double.isNaN(c.low()[k]))
                s.add(c.seconds()[k], c.mean()[k], c.low()[k], c.high()[k]);
        return s;
    }

    /**
     * One row per metric: a difference with its interval (a point alone where the interval is unbounded), FDR
     * survivors in colour; {@code axis} names the difference, {@code title} the chart.
     */
    static JFreeChart forest(List<String> labels, double[] difference, double[] low, double[] high,
                             boolean[] significant, String axis, String title) {
        XIntervalSeries sig = new XIntervalSeries("survives FDR correction"), other = new XIntervalSeries("not significant");
        int n = labels.size();
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(difference[i])) continue;
            boolean bounded = Double.isFinite(low[i]) && Double.isFinite(high[i]);
            (significant[i] ? sig : other).add(difference[i], bounded ? low[i] : difference[i],
                    bounded ? high[i] : difference[i], n - 1 - i);
        }
        XIntervalSeriesCollection data = new XIntervalSeriesCollection();
        data.addSeries(sig);
        data.addSeries(other);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawYError(false);
        renderer.setDrawXError(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setDefaultLinesVisible(false);
        renderer.setErrorStroke(new BasicStroke(1.5f));
        renderer.setSeriesPaint(0, SIGNIFICANT);
        renderer.setSeriesPaint(1, OTHER);
        String[] reversed = new String[n];
        for (int i = 0; i < n; i++) reversed[n - 1 - i] = labels.get(i);
        SymbolAxis rows = new SymbolAxis(null, reversed);
        rows.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, new NumberAxis(axis), rows, renderer);
        plot.addDomainMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1f)));
        style(plot);
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Share of frames in which each pair of AUs is present together, as a heatmap coloured from 0 to {@code upper}. */
    static JFreeChart coOccurrence(String prefix, String condition, double[][] share, double upper) {
        int n = share.length;
        double[] x = new double[n * n], y = new double[n * n], z = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                x[k] = j;
                y[k] = n - 1 - i;
                z[k] = share[i][j];
            }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(condition, new double[][]{x, y, z});
        String[] names = new String[n], reversed = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = Signals.name(i);
            reversed[n - 1 - i] = Signals.name(i);
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        BlueScale scale = new BlueScale(upper);
        renderer.setPaintScale(scale);
        SymbolAxis xAxis = new SymbolAxis(null, names), yAxis = new SymbolAxis(null, reversed);
        xAxis.setVerticalTickLabels(true);
        for (SymbolAxis axis : List.of(xAxis, yAxis)) {
            axis.setGridBandsVisible(false);
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(prefix + condition + ": AU co-occurrence (share of frames)", TITLE, plot, false);
        PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis("share"));
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
    }

    /** White (0) to dark blue (the upper bound). */
    private record BlueScale(double upper) implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value / upper));
            return new Color((int) Math.round(255 - 247 * v), (int) Math.round(255 - 207 * v), (int) Math.round(255 - 148 * v));
        }
    }
}
