package org.facsflow.affect.plot;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;
import org.facsflow.io.AtomicFile;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * One face of a still image as a PNG: a horizontal bar per AU (0-5, named by code and FACS name), dark where the AU
 * is present (letter A or more), light where it is not, with its value and letter; an AU that could not be measured
 * has no bar and says "not measurable". A still has no time, so no timeline.
 */
public final class AuBarChart {
    public static final int WIDTH = 900;
    /** Pixels per AU, and of the title, axis and margins together. */
    static final int BAR_ROW = 22, FRAME = 120;
    static final Color PRESENT = new Color(31, 119, 180), ABSENT = new Color(174, 199, 232);

    private AuBarChart() {
    }

    public static int height(int aus) {
        return FRAME + aus * BAR_ROW;
    }

    /** @param intensities AU to its 0-5 intensity (NaN: not measurable), one bar each, top to bottom in the map's order */
    public static void write(Path png, String title, Map<ActionUnit, Float> intensities) throws IOException {
        AtomicFile.write(png, out -> ChartUtils.writeChartAsPNG(out, chart(title, intensities), WIDTH,
                height(intensities.size())));
    }

    static JFreeChart chart(String title, Map<ActionUnit, Float> intensities) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<ActionUnit, Float> e : intensities.entrySet()) {
            float v = e.getValue();
            // A null value draws no bar; a row never measured keeps its name so the reader sees what is missing.
            data.addValue(Float.isNaN(v) ? null : (Number) v, "intensity", category(e.getKey(), v));
        }
        NumberAxis intensity = new NumberAxis("AU intensity (0-5)");
        intensity.setRange(0, 5.4);
        intensity.setTickUnit(new NumberTickUnit(1));
        CategoryAxis aus = new CategoryAxis(null);
        aus.setTickLabelFont(Charts.LABEL_FONT);
        aus.setCategoryMargin(0.25);
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                Number v = data.getValue(row, column);
                return v != null && IntensityScale.isPresent(v.doubleValue()) ? PRESENT : ABSENT;
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                Number v = dataset.getValue(row, column);
                return v == null ? null : String.format(Locale.ROOT, "%.2f", v.floatValue())
                        + IntensityScale.letter(v.floatValue()).map(l -> " " + l).orElse("");
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(Charts.SMALL_FONT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(4);
        CategoryPlot plot = new CategoryPlot(data, aus, intensity, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.addRangeMarker(new ValueMarker(IntensityScale.PRESENCE_THRESHOLD, Color.GRAY, new BasicStroke(1f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{4f, 4f}, 0f)));
        Charts.noData(plot, "no AU measurable (face turned too far, covered or unclear)");
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle("dark: present (letter A or more, dashed line); light: below A", Charts.SMALL_FONT));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static String category(ActionUnit au, float v) {
        return AuLabels.of(au) + (Float.isNaN(v) ? " (not measurable)" : "");
    }
}
