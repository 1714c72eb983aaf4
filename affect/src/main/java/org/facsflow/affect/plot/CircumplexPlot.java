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
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A video's valence/arousal on Russell's circumplex as a PNG: valence across, arousal up, one point per frame coloured
 * by time (one marker shape per face), the unit circle and the emotion labels at their coordinates for reference.
 */
public final class CircumplexPlot {
    public static final int WIDTH = 800, HEIGHT = 760;
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

        NumberAxis valence = new NumberAxis("valence (unpleasant \u2013 pleasant)");
        NumberAxis arousal = new NumberAxis("arousal (calm \u2013 excited)");
        valence.setRange(-1.1, 1.1);
        arousal.setRange(-1.1, 1.1);
        TimePaintScale scale = new TimePaintScale(first, last);
        XYShapeRenderer renderer = new XYShapeRenderer();
        renderer.setPaintScale(scale);
        // Points take their colour from time; the legend tells the faces apart by marker shape only.
        LegendItemCollection legendItems = new LegendItemCollection();
        for (int i = 0; i < tracks.size(); i++) {
            Shape marker = MARKERS[i % MARKERS.length];
            renderer.setSeriesShape(i, marker);
            String name = "face " + tracks.get(i).faceId();
            legendItems.add(new LegendItem(name, name, null, null, marker, Color.DARK_GRAY));
        }
        XYPlot plot = new XYPlot(data, valence, arousal, renderer);
        plot.setFixedLegendItems(legendItems);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainZeroBaselineVisible(true);
        plot.setRangeZeroBaselineVisible(true);
        plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(-1, -1, 2, 2), new BasicStroke(1f), Color.GRAY));
        for (Map.Entry<Emotion, ValenceArousal> e : CircumplexModel.standardCoordinates().entrySet()) {
            if (e.getKey() == Emotion.NEUTRAL) continue;
            ValenceArousal va = e.getValue();
            plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(va.valence() - 0.01, va.arousal() - 0.01,
                    0.02, 0.02), new BasicStroke(1f), Color.DARK_GRAY, Color.DARK_GRAY));
            XYTextAnnotation label = new XYTextAnnotation(e.getKey().label(), va.valence(), va.arousal() + 0.05);
            label.setPaint(Color.DARK_GRAY);
            plot.addAnnotation(label);
        }

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, tracks.size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis("time (s)"));
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        return chart;
    }

    private static boolean measured(CircumplexTrack t, int i) {
        return !Float.isNaN(t.valence()[i]) && !Float.isNaN(t.arousal()[i]);
    }
}
