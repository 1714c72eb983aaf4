package org.facsflow.affect.plot;

import org.facsflow.affect.circumplex.CircumplexTrack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The PNGs are written whole, at their size, and show more than a blank canvas. */
class PlotsTest {
    @Test
    void circumplexPlotIsWrittenAndNotBlank(@TempDir Path dir) throws IOException {
        int n = 300;
        double[] t = new double[n];
        float[] v = new float[n], a = new float[n], v2 = new float[n], a2 = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / 30.0;
            v[i] = (float) (0.7 * Math.cos(i / 40.0));
            a[i] = (float) (0.5 * Math.sin(i / 40.0));
            v2[i] = i % 50 == 0 ? Float.NaN : -0.3f;
            a2[i] = (float) (i / (double) n - 0.5);
        }
        Path png = dir.resolve("video_circumplex.png");
        CircumplexPlot.write(png, "circumplex", List.of(new CircumplexTrack(0, t, v, a), new CircumplexTrack(1, t, v2, a2)));
        assertNotBlank(png, CircumplexPlot.WIDTH, CircumplexPlot.HEIGHT);
        assertOnlyFile(dir, "video_circumplex.png");
    }

    @Test
    void timelinePlotIsWrittenAndNotBlank(@TempDir Path dir) throws IOException {
        int n = 200;
        double[] t = new double[n];
        float[] au12 = new float[n], au6 = new float[n], valence = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / 30.0;
            au12[i] = (float) Math.max(0, 3 * Math.sin(i / 20.0));
            au6[i] = i > 100 && i < 120 ? Float.NaN : au12[i] * 0.6f;
            valence[i] = au12[i] / 5;
        }
        Map<String, float[]> aus = new LinkedHashMap<>();
        aus.put("AU12", au12);
        aus.put("AU06", au6);
        Path png = dir.resolve("video_timeline.png");
        TimelinePlot.write(png, "face 0", t, aus, Map.of("valence", valence));
        assertNotBlank(png, TimelinePlot.WIDTH, TimelinePlot.HEIGHT);
        assertOnlyFile(dir, "video_timeline.png");
    }

    private static void assertNotBlank(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        Set<Integer> colours = new HashSet<>();
        int nonWhite = 0;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) nonWhite++;
            }
        // Axes, labels, data in several colours: far more than a uniform canvas.
        assertThat(colours.size()).isGreaterThan(50);
        assertThat(nonWhite).isGreaterThan(width * height / 50);
    }

    private static void assertOnlyFile(Path dir, String name) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(name);
        }
    }
}
