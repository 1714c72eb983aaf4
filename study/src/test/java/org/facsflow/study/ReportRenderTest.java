package org.facsflow.study;

import org.facsflow.study.compare.ComparisonResult;
import org.facsflow.study.report.StudyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The report of a simulated study, rendered by headless Chromium: the verdict first, SIMULATED on every file, page
 * and chart. Needs Chromium on the PATH ({@code apt-get install
 * -y chromium}); without it the test fails rather than skip. The screenshot and the report are kept under
 * {@code study/target/study-report/} for inspection.
 */
class ReportRenderTest {
    private static final Path KEPT = Path.of("target", "study-report");

    @TempDir
    Path dir;

    @Test
    void theReportIsSelfContainedAndRendersInHeadlessChromium() throws Exception {
        ComparisonResult r = StudyAnalysisTest.analyse(dir, 12, Design.WITHIN, 0.5, 21);
        Path out = dir.resolve("compare");
        List<Path> written = StudyReport.write(r, out, true);
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("summary.txt", "stats.csv",
                "metrics.csv", "curves.csv", "cooccurrence.csv", "quality.csv", "report.html");

        // simulated data are labelled in every file: a comment line atop each CSV, the first paragraph of summary.txt
        for (Path p : written)
            if (p.toString().endsWith(".csv"))
                assertThat(Files.readAllLines(p).get(0)).as(p.toString()).startsWith("# SIMULATED DATA: ");
        assertThat(Files.readAllLines(out.resolve("stats.csv"))).hasSize(2 + 53)
                .element(1).asString().startsWith("signal,signal_name,statistic,design,condition_a,condition_b,n_a,n_b,mean_a");
        assertThat(Files.readAllLines(out.resolve("curves.csv"))).hasSize(2 + 2 * 26 * 151); // 15 s at 10 Hz, 0 .. 15
        assertThat(Files.readAllLines(out.resolve("cooccurrence.csv"))).hasSize(2 + 2 * 25 * 25);
        assertThat(Files.readAllLines(out.resolve("quality.csv"))).hasSize(2 + 24);
        assertThat(Files.readAllLines(out.resolve("metrics.csv")).get(1)).endsWith(",value,age_group");
        String summary = Files.readString(out.resolve("summary.txt"));
        assertThat(summary).startsWith("SIMULATED DATA: ").contains("\n\n" + r.summary().get(0) + "\n\nKey measures (")
                .containsPattern("Made by facsflow \\S+, \\d{1,2} [A-Z][a-z]+ 20\\d\\d at \\d\\d:\\d\\d");

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html.split("<svg", -1)).hasSize(1 + 7);        // 4 curves, differences per AU, 2 heatmaps
        for (String svg : html.substring(html.indexOf("<svg")).split("<svg"))
            if (!svg.isEmpty()) assertThat(svg).as("every chart's title").contains(">SIMULATED: ");
        assertThat(html).contains("<title>SIMULATED: facsflow study", "class=\"simulated\"",
                "SIMULATED: AU12 Lip Corner Puller: mean and 95% bootstrap band", "Data quality", "Statistics",
                "Benjamini-Hochberg", "AU12 Lip Corner Puller, mean", ">AU45 Blink<")
                .containsPattern("made by facsflow \\S+, \\d{1,2} [A-Z][a-z]+ 20\\d\\d at \\d\\d:\\d\\d");
        // the verdict comes first, then the key measures, then everything else
        int verdict = html.indexOf("<h2>Verdict</h2>");
        assertThat(html.indexOf("<h2>")).isEqualTo(verdict);
        assertThat(verdict).isLessThan(html.indexOf("<h2>Key measures</h2>"));
        assertThat(html.indexOf("<h2>Key measures</h2>")).isLessThan(html.indexOf("<h2>Time course</h2>"));
        assertThat(html.indexOf("<h2>Time course</h2>")).isLessThan(html.indexOf("<h2>Statistics</h2>"));
        assertThat(html.substring(verdict)).contains("<strong>AdA drew more smiling (AU12 Lip Corner Puller)");
        assertThat(html).doesNotContain("<script", "<link", "src=\"http", "href=\"http", "url(http");
        try (Stream<Path> parts = Files.list(out)) {
            assertThat(parts.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }

        Files.createDirectories(KEPT);
        for (Path p : written) Files.copy(p, KEPT.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path png = KEPT.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        screenshot(KEPT.resolve("report.html").toAbsolutePath(), png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(2000);
        double sum = 0, sumSq = 0;
        long coloured = 0, n = (long) image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++)
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y), red = rgb >> 16 & 255, green = rgb >> 8 & 255, blue = rgb & 255;
                double luma = 0.299 * red + 0.587 * green + 0.114 * blue;
                sum += luma;
                sumSq += luma * luma;
                if (Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue)) > 60) coloured++;
            }
        double variance = sumSq / n - (sum / n) * (sum / n);
        assertThat(variance).as("luminance variance of %s", png).isGreaterThan(100);   // text and charts, not blank
        assertThat(coloured).as("coloured pixels (curves, bands) in %s", png).isGreaterThan(n / 200);

        // As rendered: the amber SIMULATED banner at the top of the page, then the verdict's box (its dark blue
        // edge), and only below it the first chart (condition A's curve colour)
        int banner = firstRow(image, 0xffb300, 400), verdictBox = firstRow(image, 0x1f4e8c, 6),
                firstChart = firstRow(image, 0x1f77b4, 3);
        assertThat(banner).as("first row of the banner in %s", png).isBetween(0, 80);
        assertThat(verdictBox).as("first row of the verdict in %s", png).isGreaterThan(banner).isLessThan(600);
        assertThat(firstChart).as("first row of a chart in %s", png).isGreaterThan(verdictBox);
    }

    /** The first row with at least {@code count} pixels within 10 of {@code rgb} in every channel; -1 when none. */
    private static int firstRow(BufferedImage image, int rgb, int count) {
        for (int y = 0; y < image.getHeight(); y++) {
            int found = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs((p >> 16 & 255) - (rgb >> 16 & 255)) <= 10 && Math.abs((p >> 8 & 255) - (rgb >> 8 & 255)) <= 10
                        && Math.abs((p & 255) - (rgb & 255)) <= 10) found++;
            }
            if (found >= count) return y;
        }
        return -1;
    }

    private static void screenshot(Path html, Path png) throws Exception {
        String chromium = Stream.of("chromium", "chromium-browser", "google-chrome")
                .filter(ReportRenderTest::onPath).findFirst().orElse(null);
        if (chromium == null)
            fail("Chromium is needed to render the study report: install it with 'apt-get install -y chromium' "
                    + "(the CI's test command must do so too)");
        Path profile = Files.createTempDirectory("chromium-profile");
        Path log = png.resolveSibling("chromium.log");
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1280,2000",
                html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish the screenshot in 90 s; see " + log);
        }
        assertThat(png).as("screenshot (Chromium exit %d, log %s)", p.exitValue(), log).exists();
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
