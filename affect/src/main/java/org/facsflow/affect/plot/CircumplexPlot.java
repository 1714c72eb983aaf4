package org.facsflow.affect.plot;

import org.facsflow.io.AtomicFile;
import org.facsflow.affect.Emotion;
import org.facsflow.affect.circumplex.CircumplexModel;
import org.facsflow.affect.circumplex.CircumplexTrack;
import org.facsflow.affect.circumplex.ValenceArousal;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A video's valence/arousal on Russell's circumplex as a PNG: valence across, arousal up, one point per frame coloured
 * by time (one marker shape per face), the unit circle and the emotion labels at their coordinates for reference.
 * The plot is zoomed to where the points are ({@link View}), with the emotion labels that fall inside; a still image's
 * points (all at one time) get no time scale. Nothing measured: the plot says so.
 */
public final class CircumplexPlot {
    public static final int WIDTH = 800, HEIGHT = 760;
    /** Tick steps to choose from, so that labels read 0.1, 0.2, ... rather than 0.05 apart over the whole circle. */
    private static final double[] TICK_STEPS = {0.02, 0.05, 0.1, 0.2, 0.25, 0.5};
    /** One marker per face, repeating after four: circle, square, triangle, diamond. */
    private static final Shape[] MARKERS = {new Ellipse2D.Double(-3, -3, 6, 6), new Rectangle2D.Double(-3, -3, 6, 6),
            new Polygon(new int[]{0, 4, -4}, new int[]{-4, 3, 3}, 3), new Polygon(new int[]{0, 4, 0, -4},
            new int[]{-4, 0, 4, 0}, 4)};

    private CircumplexPlot() {
    }

    /**
     * Draws and encodes a small plot into nothing: loads the charting, font and PNG classes (half a second of CPU)
     * ahead of the first real plot, for a caller that has a core to spare now.
     */
    public static void warmUp() {
        CircumplexTrack.Builder track = new CircumplexTrack.Builder(0);
        track.add(0, new ValenceArousal(0.1f, 0.1f));
        try {
            ChartUtils.writeChartAsPNG(OutputStream.nullOutputStream(), chart("", List.of(track.build())), 64, 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the plot atomically; frames with NaN valence or arousal are left out. */
    public static void write(Path png, String title, List<CircumplexTrack> tracks) throws IOException {
        AtomicFile.write(png, out -> ChartUtils.writeChartAsPNG(out, chart(title, tracks), WIDTH, HEIGHT));
    }

    static JFreeChart chart(String title, List<CircumplexTrack> tracks) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        double first = Double.POSITIVE_INFINITY, last = Double.NEGATIVE_INFINITY;
        for (CircumplexTrack track : tracks) {
            int n = 0;
            for (int i = 0; i < track.size(); i++) if (measured(track, i)) n++;
            double[][] xyz = new double[3][n];
            for (int i = 0, k = 0; i < track.size(); i++) {
                if (!measured(track, i)) continue;
                xyz[0][k] = track.valence()[i];
                xyz[1][k] = track.arousal()[i];
                xyz[2][k++] = track.times()[i];
                first = Math.min(first, track.times()[i]);
                last = Math.max(last, track.times()[i]);
            }
            data.addSeries(track.faceId() + "/" + data.getSeriesCount(), xyz);
        }
        if (first > last) first = last = 0;

        View view = View.of(tracks);
        NumberAxis valence = axis("valence (unpleasant \u2013 pleasant)", view.valence());
        NumberAxis arousal = axis("arousal (calm \u2013 excited)", view.arousal());
        TimePaintScale scale = new TimePaintScale(first, last);
        XYShapeRenderer renderer = new XYShapeRenderer();
        renderer.setPaintScale(scale);
        // Points take their colour from time; the legend tells the faces apart by marker shape only.
        LegendItemCollection legendItems = new LegendItemCollection();
        // A still's few points are drawn larger than a video's many.
        AffineTransform size = AffineTransform.getScaleInstance(last > first ? 1 : 2, last > first ? 1 : 2);
        for (int i = 0; i < tracks.size(); i++) {
            Shape marker = size.createTransformedShape(MARKERS[i % MARKERS.length]);
            renderer.setSeriesShape(i, marker);
            String name = "face " + tracks.get(i).faceId();
            legendItems.add(new LegendItem(name, name, null, null, marker, Color.DARK_GRAY));
        }
        XYPlot plot = new XYPlot(data, valence, arousal, renderer);
        plot.setFixedLegendItems(legendItems);
        Charts.style(plot);
        plot.setNoDataMessage("no valence/arousal measured");
        plot.setDomainZeroBaselineVisible(true);
        plot.setRangeZeroBaselineVisible(true);
        plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(-1, -1, 2, 2), new BasicStroke(1f), Color.GRAY));
        // The emotion words whose coordinates lie in view; the others would only be clipped.
        for (Map.Entry<Emotion, ValenceArousal> e : CircumplexModel.standardCoordinates().entrySet()) {
            ValenceArousal va = e.getValue();
            if (e.getKey() == Emotion.NEUTRAL || !view.valence().contains(va.valence()) || !view.arousal().contains(va.arousal()))
                continue;
            // A cross, a shape no face's marker has.
            double mark = view.valence().getLength() / 100;
            Path2D cross = new Path2D.Double();
            cross.moveTo(va.valence() - mark, va.arousal());
            cross.lineTo(va.valence() + mark, va.arousal());
            cross.moveTo(va.valence(), va.arousal() - mark);
            cross.lineTo(va.valence(), va.arousal() + mark);
            plot.addAnnotation(new XYShapeAnnotation(cross, new BasicStroke(2f), Color.DARK_GRAY));
            XYTextAnnotation label = new XYTextAnnotation(e.getKey().label(), va.valence(),
                    va.arousal() + view.arousal().getLength() / 80);
            // Near a side the word is written inwards from its mark, so it is not cut off by the plot's edge.
            double across = (va.valence() - view.valence().getLowerBound()) / view.valence().getLength();
            label.setTextAnchor(across < 0.2 ? TextAnchor.BOTTOM_LEFT : across > 0.8 ? TextAnchor.BOTTOM_RIGHT
                    : TextAnchor.BOTTOM_CENTER);
            label.setFont(Charts.LABEL_FONT);
            label.setPaint(Color.DARK_GRAY);
            plot.addAnnotation(label);
        }

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, tracks.size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        // A still image (every point at one time) has no time to colour by.
        if (last > first) {
            PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis("time (s)"));
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setMargin(4, 4, 40, 4);
            chart.addSubtitle(legend);
        }
        return chart;
    }

    /** A value axis over {@code range} with at most eight ticks at round steps, labelled in a font one can read. */
    private static NumberAxis axis(String label, Range range) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(range);
        double step = TICK_STEPS[TICK_STEPS.length - 1];
        for (int i = TICK_STEPS.length - 1; i >= 0 && range.getLength() / TICK_STEPS[i] <= 8; i--) step = TICK_STEPS[i];
        axis.setTickUnit(new NumberTickUnit(step, new DecimalFormat(step < 0.1 ? "0.00" : "0.0#",
                DecimalFormatSymbols.getInstance(Locale.ROOT))));
        axis.setTickLabelFont(Charts.SMALL_FONT);
        axis.setLabelFont(Charts.LABEL_FONT);
        return axis;
    }

    /**
     * What the plot shows: a square window around the measured points with a margin, at least {@link #MIN_SPAN}
     * wide (one point or a still face is not blown up to fill the plot), inside the model's -1..1 and a little more.
     */
    record View(Range valence, Range arousal) {
        static final double LIMIT = 1.1, MIN_SPAN = 0.5, MARGIN = 0.12;

        static View of(List<CircumplexTrack> tracks) {
            double minV = Double.POSITIVE_INFINITY, maxV = Double.NEGATIVE_INFINITY;
            double minA = Double.POSITIVE_INFINITY, maxA = Double.NEGATIVE_INFINITY;
            for (CircumplexTrack t : tracks)
                for (int i = 0; i < t.size(); i++) {
                    if (!measured(t, i)) continue;
                    minV = Math.min(minV, t.valence()[i]);
                    maxV = Math.max(maxV, t.valence()[i]);
                    minA = Math.min(minA, t.arousal()[i]);
                    maxA = Math.max(maxA, t.arousal()[i]);
                }
            if (minV > maxV) return new View(new Range(-LIMIT, LIMIT), new Range(-LIMIT, LIMIT));
            double span = Math.min(2 * LIMIT, Math.max(MIN_SPAN, Math.max(maxV - minV, maxA - minA) * (1 + 2 * MARGIN)));
            return new View(centred(minV, maxV, span), centred(minA, maxA, span));
        }

        private static Range centred(double low, double high, double span) {
            double from = Math.max(-LIMIT, Math.min(LIMIT - span, (low + high - span) / 2));
            return new Range(from, from + span);
        }
    }

    private static boolean measured(CircumplexTrack t, int i) {
        return !Float.isNaN(t.valence()[i]) && !Float.isNaN(t.arousal()[i]);
    }
}
