package org.facsflow.affect.plot;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

import java.awt.Color;
import java.awt.Font;

/** What the plots share: a white plot with light grid lines, and a plain "no data" where nothing was measured. */
final class Charts {
    static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12), LABEL_FONT = new Font(Font.SANS_SERIF,
            Font.PLAIN, 13);
    /** The colour of the "no data" message, which nothing else in a plot uses. */
    static final Color NO_DATA = new Color(178, 34, 34);

    private Charts() {
    }

    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        noData(plot, "no data (nothing measured)");
    }

    static void noData(Plot plot, String message) {
        plot.setNoDataMessage(message);
        plot.setNoDataMessagePaint(NO_DATA);
        plot.setNoDataMessageFont(LABEL_FONT);
    }

    /** A vertical axis whose label reads across, beside the panel, so that short panels can carry long names. */
    static NumberAxis sideLabelAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelAngle(Math.PI / 2);
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        return axis;
    }

    static boolean anyMeasured(float[] values) {
        for (float v : values) if (!Float.isNaN(v)) return true;
        return false;
    }
}
