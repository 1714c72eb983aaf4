package org.facsflow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSequenceSourceTest {
    @TempDir
    Path dir;

    /** A 32x24 image of one grey level, so each frame can be told apart after decoding. */
    private void write(String name, int level, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(level, level, level));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ImageIO.write(image, "png", dir.resolve(name).toFile());
    }

    @Test
    void readsTheFolderInNaturalOrderTimedByTheRate() throws Exception {
        // Written out of order; lexical order would put frame10 before frame2.
        write("frame10.png", 100, 32, 24);
        write("frame2.png", 20, 32, 24);
        write("frame1.png", 10, 32, 24);
        Files.writeString(dir.resolve("notes.txt"), "not a frame");

        try (VideoSource video = VideoSources.open("frames:" + dir, 25)) {
            assertThat(video.width()).isEqualTo(32);
            assertThat(video.height()).isEqualTo(24);
            assertThat(video.frameRate()).isEqualTo(25);
            assertThat(video.frameCountEstimate()).isEqualTo(3);
            List<RgbImage> frames = new ArrayList<>();
            for (RgbImage f; (f = video.next()) != null; ) frames.add(f);
            assertThat(frames).hasSize(3);
            int[] levels = {10, 20, 100};
            for (int i = 0; i < 3; i++) {
                assertThat(frames.get(i).rgb()[0] & 0xff).as("frame %d", i).isEqualTo(levels[i]);
                assertThat(frames.get(i).timestampSeconds()).isCloseTo(i / 25.0, within(1e-9));
            }
        }
    }

    @Test
    void anImageOfAnotherSizeIsNamedInTheError() throws Exception {
        write("a1.png", 10, 32, 24);
        write("a2.png", 10, 16, 24);
        try (VideoSource video = VideoSources.open("frames:" + dir)) {
            assertThat(video.next()).isNotNull();
            assertThatThrownBy(video::next).isInstanceOf(MediaException.class)
                    .hasMessageContaining("a2.png").hasMessageContaining("16x24").hasMessageContaining("32x24");
        }
    }

    @Test
    void aFolderWithoutImagesOrNoFolderIsAClearError() throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "x");
        assertThatThrownBy(() -> VideoSources.open("frames:" + dir)).isInstanceOf(MediaException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("no image files");
        assertThatThrownBy(() -> VideoSources.open("frames:" + dir.resolve("missing")))
                .isInstanceOf(MediaException.class).hasMessageContaining("folder not found");
        assertThatThrownBy(() -> VideoSources.open("frames:" + dir.resolve("readme.txt")))
                .isInstanceOf(MediaException.class).hasMessageContaining("not a folder");
    }

    @Test
    void naturalOrderComparesDigitRunsAsNumbers() {
        assertThat(ImageSequenceSource.naturalOrder("img9.png", "img10.png")).isNegative();
        assertThat(ImageSequenceSource.naturalOrder("img010.png", "img9.png")).isPositive();
        assertThat(ImageSequenceSource.naturalOrder("a2b", "a2c")).isNegative();
        assertThat(ImageSequenceSource.naturalOrder("f001.png", "f1.png")).isNotZero(); // same number, still ordered
        assertThat(ImageSequenceSource.naturalOrder("x.png", "x.png")).isZero();
    }
}
