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
 * The report of a simulated study, rendered by headless Chromium. Needs Chromium on the PATH ({@code apt-get install
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

        assertThat(Files.readAllLines(out.resolve("stats.csv"))).hasSize(1 + 53)
                .first().asString().startsWith("signal,statistic,design,condition_a,condition_b,n_a,n_b,mean_a");
        assertThat(Files.readAllLines(out.resolve("curves.csv"))).hasSize(1 + 2 * 26 * 151); // 15 s at 10 Hz, 0 .. 15
        assertThat(Files.readAllLines(out.resolve("cooccurrence.csv"))).hasSize(1 + 2 * 25 * 25);
        assertThat(Files.readAllLines(out.resolve("quality.csv"))).hasSize(1 + 24);
        assertThat(Files.readAllLines(out.resolve("metrics.csv")).get(0)).endsWith(",value,age_group");

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html.split("<svg", -1)).hasSize(1 + 7);        // 4 curves, forest plot, 2 heatmaps
        assertThat(html).contains("AU12 Lip Corner Puller: mean and 95% bootstrap band", "Data quality", "Statistics",
                "Benjamini-Hochberg", r.summary().get(0).substring(0, 40));
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
