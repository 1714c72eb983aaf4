package org.facsflow.apps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facsflow.apps.SharedFiles.shared;

/** {@code facsflow summarize} on what {@code analyze} wrote for a real smiling face. */
class SummarizeCommandTest {

    @Test
    void summarisesEachFaceAndDrawsItsTimeline(@TempDir Path dir) throws IOException {
        CliRun analyze = CliRun.of("analyze", shared("media/single_face.mp4").toString(), "-o", dir.toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();

        CliRun run = CliRun.of("summarize", dir.resolve("single_face.csv").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("face 0: 72 frame(s)", "AU12  Lip Corner Puller", "happiness");
        BufferedImage timeline = ImageIO.read(dir.resolve("single_face_timeline_face0.png").toFile());
        assertThat(timeline.getWidth()).isGreaterThan(400);
    }
}
