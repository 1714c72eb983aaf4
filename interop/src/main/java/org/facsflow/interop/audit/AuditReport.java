package org.facsflow.interop.audit;

import org.facsflow.interop.agreement.Bootstrap;
import org.facsflow.io.AtomicFile;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The audit's files: {@code audit_groups.csv} (each group's value and interval per measure), {@code audit_gaps.csv}
 * (the largest gap per grouping and measure, flagged where its interval excludes zero), {@code audit_recordings.csv}
 * (each recording's measures) and {@code audit.html}: the tables and one plot per grouping and measure (estimate and
 * interval per group), PNGs embedded, no external assets. Each written atomically.
 */
public final class AuditReport {
    private AuditReport() {
    }

    public static void write(Path dir, FairnessAudit.Result result, Bootstrap bootstrap, String labelsNote) throws IOException {
        AtomicFile.writeText(dir.resolve("audit_groups.csv"), out -> {
            out.write("grouping,group,measure,people,recordings,value,low,high\n");
            for (FairnessAudit.GroupValue g : result.groups())
                out.write(String.join(",", cell(g.column()), cell(g.group()), g.measure(), Integer.toString(g.people()),
                        Integer.toString(g.recordings()), number(g.value()), number(g.interval().low()),
                        number(g.interval().high())) + "\n");
        });
        AtomicFile.writeText(dir.resolve("audit_gaps.csv"), out -> {
            out.write("grouping,measure,higher_group,lower_group,gap,low,high,flagged\n");
            for (FairnessAudit.Gap g : result.gaps())
                out.write(String.join(",", cell(g.column()), g.measure(), cell(g.higher()), cell(g.lower()), number(g.gap()),
                        number(g.interval().low()), number(g.interval().high()), g.flagged() ? "1" : "0") + "\n");
        });
        AtomicFile.writeText(dir.resolve("audit_recordings.csv"), out -> {
            out.write("id,person," + String.join(",", result.table().columns()) + ",reference_frames,"
                    + String.join(",", ClipMeasures.NAMES) + "\n");
            for (ClipMeasures c : result.recordings()) {
                GroupTable.Entry e = result.table().entries().stream().filter(x -> x.id().equals(c.id())).findFirst().orElseThrow();
                StringBuilder line = new StringBuilder(cell(c.id())).append(',').append(cell(e.person()));
                for (String col : result.table().columns()) line.append(',').append(cell(e.labels().get(col)));
                line.append(',').append(c.referenceFrames());
                for (double v : c.values()) line.append(',').append(number(v));
                out.write(line.append('\n').toString());
            }
        });
        String html = html(result, bootstrap, labelsNote);
        AtomicFile.writeText(dir.resolve("audit.html"), out -> out.write(html));
    }

    /** The result table (markdown) as the README shows it. */
    public static String markdown(FairnessAudit.Result result) {
        StringBuilder out = new StringBuilder("| grouping | group | people | " + String.join(" | ", ClipMeasures.NAMES) + " |\n|---|---|---|");
        out.append("---|".repeat(ClipMeasures.NAMES.size())).append('\n');
        for (String column : result.table().columns()) {
            List<String> groups = result.groups().stream().filter(g -> g.column().equals(column)).map(FairnessAudit.GroupValue::group)
                    .distinct().toList();
            for (String group : groups) {
                out.append("| ").append(column).append(" | ").append(group).append(" | ");
                out.append(result.groups().stream().filter(g -> g.column().equals(column) && g.group().equals(group))
                        .mapToInt(FairnessAudit.GroupValue::people).max().orElse(0)).append(" |");
                for (String measure : ClipMeasures.NAMES) {
                    FairnessAudit.GroupValue g = result.groups().stream().filter(x -> x.column().equals(column)
                            && x.group().equals(group) && x.measure().equals(measure)).findFirst().orElse(null);
                    out.append(' ').append(g == null ? "" : String.format(Locale.ROOT, "%.3f", g.value())
                            + (Double.isNaN(g.interval().low()) ? "" : " " + g.interval().format())).append(" |");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String html(FairnessAudit.Result result, Bootstrap bootstrap, String labelsNote) throws IOException {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>facsflow fairness audit</title>"
                + "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}td:first-child,td:nth-child(2){text-align:left}"
                + ".flag{background:#fdd}</style></head><body><h1>Fairness audit</h1>");
        out.append("<p>").append(escape(result.recordings().size() + " recordings of "
                + result.recordings().stream().map(c -> result.table().entries().stream().filter(e -> e.id().equals(c.id()))
                .findFirst().orElseThrow().person()).distinct().count() + " people compared with their references; "
                + result.skipped().size() + " skipped.")).append("</p><p>").append(escape(labelsNote)).append("</p>");
        out.append("<p>").append(escape(String.format(Locale.ROOT, "Group values are means over people (a person's value: "
                + "the mean of their recordings'). Intervals: %.0f%% percentile bootstrap, %d replicates, people resampled "
                + "within each group; none for groups of fewer than %d people, which also take no part in the gaps. The "
                + "largest gap compares the highest and lowest group picked on the same data, so it leans away from zero: "
                + "a flag asks for a closer look.", 100 * bootstrap.confidence(), bootstrap.replicates(), Bootstrap.MIN_UNITS)))
                .append("</p>");
        out.append("<h2>Largest gaps</h2><table><tr><th>grouping</th><th>measure</th><th>higher</th><th>lower</th>"
                + "<th>gap</th><th>interval</th></tr>");
        for (FairnessAudit.Gap g : result.gaps())
            out.append(g.flagged() ? "<tr class=\"flag\">" : "<tr>").append(td(g.column())).append(td(g.measure()))
                    .append(td(g.higher())).append(td(g.lower())).append(td(String.format(Locale.ROOT, "%.3f", g.gap())))
                    .append(td(g.interval().format() + (g.flagged() ? " excludes 0" : ""))).append("</tr>");
        out.append("</table>");
        for (String column : result.table().columns()) {
            out.append("<h2>").append(escape(column)).append("</h2><table><tr><th>group</th><th>measure</th><th>people</th>"
                    + "<th>recordings</th><th>value</th><th>interval</th></tr>");
            for (FairnessAudit.GroupValue g : result.groups())
                if (g.column().equals(column))
                    out.append("<tr>").append(td(g.group())).append(td(g.measure())).append(td(Integer.toString(g.people())))
                            .append(td(Integer.toString(g.recordings()))).append(td(String.format(Locale.ROOT, "%.3f", g.value())))
                            .append(td(g.interval().format())).append("</tr>");
            out.append("</table><p>");
            for (String measure : ClipMeasures.NAMES)
                out.append("<img alt=\"").append(escape(column + " " + measure)).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(plot(result, column, measure))).append("\">");
            out.append("</p>");
        }
        if (!result.skipped().isEmpty()) {
            out.append("<h2>Skipped</h2><ul>");
            for (FairnessAudit.Skipped s : result.skipped()) out.append("<li>").append(escape(s.id() + ": " + s.reason())).append("</li>");
            out.append("</ul>");
        }
        return out.append("</body></html>\n").toString();
    }

    /** Per group: the interval as a bar from low to high and the value as a point. */
    private static byte[] plot(FairnessAudit.Result result, String column, String measure) throws IOException {
        List<FairnessAudit.GroupValue> groups = result.groups().stream()
                .filter(g -> g.column().equals(column) && g.measure().equals(measure)).toList();
        Number[][] low = new Number[1][groups.size()], high = new Number[1][groups.size()];
        String[] names = new String[groups.size()];
        DefaultCategoryDataset points = new DefaultCategoryDataset();
        for (int i = 0; i < groups.size(); i++) {
            FairnessAudit.GroupValue g = groups.get(i);
            names[i] = g.group() + " (" + g.people() + ")";
            boolean has = !Double.isNaN(g.interval().low());
            low[0][i] = has ? g.interval().low() : g.value();
            high[0][i] = has ? g.interval().high() : g.value();
            points.addValue(g.value(), "value", names[i]);
        }
        CategoryPlot plot = new CategoryPlot(new DefaultIntervalCategoryDataset(new String[]{"interval"}, names, low, high),
                new CategoryAxis(column + " (people)"), new NumberAxis(measure), new IntervalBarRenderer());
        IntervalBarRenderer bars = (IntervalBarRenderer) plot.getRenderer();
        bars.setSeriesPaint(0, new Color(0x9ecae1));
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.12);
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        LineAndShapeRenderer dots = new LineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, new Color(0x08519c));
        dots.setSeriesStroke(0, new BasicStroke(2));
        plot.setDataset(1, points);
        plot.setRenderer(1, dots);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(measure + " by " + column, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(png, chart, 520, 320);
        return png.toByteArray();
    }

    private static String td(String text) {
        return "<td>" + escape(text) + "</td>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static String cell(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
