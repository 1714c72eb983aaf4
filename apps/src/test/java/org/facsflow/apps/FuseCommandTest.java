package org.facsflow.apps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facsflow.apps.SharedFiles.shared;

/**
 * The voice and fusion as a user meets them: {@code analyze} on a real talking head with its sound (p17a of
 * shared/training, 5 s) fills the voice columns; {@code fuse} with a synthetic E4 skin-conductance export writes both
 * tables and a plot; {@code summarize} then shows the voice and the fused values beside the face; a clock that cannot
 * be aligned is refused by name with exit 1; {@code --no-voice} leaves the audio alone.
 */
class FuseCommandTest {
    @Test
    void analyzeFuseSummarize(@TempDir Path dir) throws IOException {
        String clip = shared("training/clips/p17a.mp4").toString();
        CliRun analyze = CliRun.of("analyze", clip, "-o", dir.toString(), "--duration", "5");
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        assertThat(analyze.out()).contains("voice: speech");
        Path csv = dir.resolve("p17a.csv");
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int f0 = header.indexOf("voice_f0"), active = header.indexOf("voice_active");
        assertThat(f0).isPositive();
        long withPitch = lines.stream().skip(1).map(l -> l.split(",", -1)).filter(c -> !c[f0].isEmpty()).count();
        assertThat(withPitch).as("frames with a pitch").isGreaterThan(20);
        assertThat(lines.stream().skip(1).map(l -> l.split(",", -1)[active]).filter(String::isEmpty)).isEmpty();

        // Skin conductance from an E4 export whose clock read 1764842405.25 when the video started.
        StringBuilder eda = new StringBuilder("1764842400.000000\n4.000000\n");
        for (int i = 0; i < 60; i++) eda.append(String.format(Locale.ROOT, "%.4f\n", 2 + 0.05 * i));
        Path e4 = Files.writeString(dir.resolve("EDA.csv"), eda);
        CliRun fuse = CliRun.of("fuse", csv.toString(), "--signals", e4.toString(), "--sync", "offset=1764842405.25");
        assertThat(fuse.exitCode()).as(fuse.err()).isZero();
        assertThat(fuse.out()).contains("eda (skin conductance: arousal)");
        List<String> late = Files.readAllLines(dir.resolve("p17a_fusion.csv"));
        assertThat(late.get(0)).contains("arousal_face_only", "arousal_fused", "arousal_voice", "arousal_eda_share");
        assertThat(late).hasSize(1 + 5);
        assertThat(Files.readAllLines(dir.resolve("p17a_early.csv")).get(0)).contains("voice_f0_st_z", "eda_z", "AU12_r_z");
        assertThat(ImageIO.read(dir.resolve("p17a_fusion_face0.png").toFile()).getWidth()).isGreaterThan(400);

        CliRun summarize = CliRun.of("summarize", csv.toString(), "--no-plot");
        assertThat(summarize.exitCode()).as(summarize.err()).isZero();
        assertThat(summarize.out()).contains("voice: the speaker in", "pitch median", "arousal: ", "eda ");

        CliRun misaligned = CliRun.of("fuse", csv.toString(), "--signals", e4.toString(), "--sync", "offset=1764840000");
        assertThat(misaligned.exitCode()).isEqualTo(1);
        assertThat(misaligned.err()).contains("EDA.csv", "cannot be aligned");

        CliRun mute = CliRun.of("analyze", clip, "-o", dir.resolve("mute").toString(), "--max-frames", "10", "--no-voice");
        assertThat(mute.exitCode()).as(mute.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("mute/p17a.csv")).get(0)).doesNotContain("voice_");
    }
}
