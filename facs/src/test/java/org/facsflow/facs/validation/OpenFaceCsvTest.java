package org.facsflow.facs.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenFaceCsvTest {
    /** OpenFace's own layout: ", " separators, an empty cell and OpenFace's "-nan". */
    static final String VIDEO = """
            frame, face_id, timestamp, confidence, success, AU01_r, AU12_r, AU12_c
            1, 0, 0.000, 0.98, 1, 0.50, 1.20, 1.00
            2, 0, 0.033, 0.98, 1, , -nan, 0.00
            3, 0, 0.067, 0.10, 0, 0.00, 0.00, 0.00
            """;

    @TempDir
    Path dir;

    @Test
    void readsOpenFacesLayoutTrimmingNamesAndValues() throws IOException {
        OpenFaceCsv csv = OpenFaceCsv.read(write("video.csv", VIDEO));
        assertThat(csv.columns()).startsWith("frame", "face_id", "timestamp").contains("AU12_r");
        assertThat(csv.rows()).extracting(OpenFaceRow::success).containsExactly(true, true, false);
        OpenFaceRow first = csv.row(new FrameKey(1, 0)).orElseThrow();
        assertThat(first.value("AU12_r")).isEqualTo(1.2);
        assertThat(first.value("AU45_r")).as("absent column").isNaN();
        OpenFaceRow second = csv.row(new FrameKey(2, 0)).orElseThrow();
        assertThat(second.value("AU01_r")).as("empty cell").isNaN();
        assertThat(second.value("AU12_r")).as("-nan").isNaN();
        assertThat(csv.row(new FrameKey(4, 0))).isEmpty();
    }

    @Test
    void gzipByExtensionReadsTheSame() throws IOException {
        Path gz = dir.resolve("video.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(VIDEO.getBytes(StandardCharsets.UTF_8));
        }
        OpenFaceCsv csv = OpenFaceCsv.read(gz);
        assertThat(csv.rows()).hasSize(3);
        assertThat(csv.row(new FrameKey(1, 0)).orElseThrow().value("AU12_c")).isEqualTo(1.0);
    }

    @Test
    void imageLayoutIsKeyedByFaceAndCountsAsTracked() throws IOException {
        OpenFaceCsv csv = OpenFaceCsv.read(write("image.csv", "face,confidence,AU12_r\n0,0.98,2.5\n1,0.91,0.3\n"));
        assertThat(csv.rows()).extracting(OpenFaceRow::key).containsExactly(new FrameKey(0, 0), new FrameKey(0, 1));
        assertThat(csv.rows()).allMatch(OpenFaceRow::success);
        assertThat(csv.row(new FrameKey(0, 1)).orElseThrow().value("AU12_r")).isEqualTo(0.3);
    }

    @Test
    void problemsNameTheFileAndLine() throws IOException {
        Path missing = dir.resolve("absent.csv");
        assertThatThrownBy(() -> OpenFaceCsv.read(missing)).isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("no such file");
        Path ragged = write("ragged.csv", "frame, success, AU12_r\n1, 1, 0.5\n2, 1\n");
        assertThatThrownBy(() -> OpenFaceCsv.read(ragged))
                .hasMessageContaining(ragged.toString()).hasMessageContaining("line 3");
        Path text = write("text.csv", "frame, success, AU12_r\n1, 1, high\n");
        assertThatThrownBy(() -> OpenFaceCsv.read(text)).hasMessageContaining("AU12_r").hasMessageContaining("high");
        Path keyless = write("keyless.csv", "success, AU12_r\n1, 0.5\n");
        assertThatThrownBy(() -> OpenFaceCsv.read(keyless)).hasMessageContaining("no frame");
        Path repeated = write("repeated.csv", "frame, AU12_r\n1, 0.5\n1, 0.7\n");
        assertThatThrownBy(() -> OpenFaceCsv.read(repeated)).hasMessageContaining("repeats frame 1 face 0");
        Path notGzip = write("plain.csv.gz", VIDEO);
        assertThatThrownBy(() -> OpenFaceCsv.read(notGzip)).hasMessageContaining(notGzip.toString());
        Path truncated = write("truncated.csv.gz", "x");
        assertThatThrownBy(() -> OpenFaceCsv.read(truncated)).hasMessageEndingWith("cannot read: EOFException");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
