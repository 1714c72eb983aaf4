package org.facsflow.interop.audit;

import org.facsflow.interop.Samples;
import org.facsflow.interop.agreement.Bootstrap;
import org.facsflow.interop.read.TextFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The audit on real OpenFace outputs of ten training clips (ten people): group A's "results" are the references themselves,
 * group B's lose every fourth frame. So A detects every face with no landmark error and perfect AU agreement, and
 * B detects three quarters of them: a gap the audit must find and flag.
 */
class FairnessAuditTest {
    private static final List<String> A = List.of("p01", "p02", "p03", "p04", "p05"),
            B = List.of("p06", "p07", "p08", "p09", "p10");

    @TempDir
    Path dir;

    @Test
    void findsAndFlagsADetectionGapBetweenGroups() throws IOException {
        Path results = Files.createDirectory(dir.resolve("results")), refs = Samples.shared("training/openface");
        StringBuilder groups = new StringBuilder("id,person,band\n");
        long[] kept = new long[2], total = new long[2];
        for (String id : A) {
            Files.copy(refs.resolve(id + ".csv.gz"), results.resolve(id + ".csv.gz"));
            groups.append(id).append(',').append(id).append(",25-35 (a)\n");
        }
        for (String id : B) {
            List<String> lines = lines(refs.resolve(id + ".csv.gz"));
            int success = List.of(lines.get(0).split(",")).indexOf("success");
            StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",", -1);
                if (i % 4 == 0) cells[success] = "0";
                out.append(String.join(",", cells)).append('\n');
            }
            Files.writeString(results.resolve(id + ".csv"), out);
            groups.append(id).append(',').append(id).append(",61\n");
        }
        Path table = dir.resolve("groups.csv");
        Files.writeString(table, groups);
        GroupTable g = GroupTable.read(TextFile.read(table), "id", "person", List.of("band"), true,
                Map.of("band", new double[]{40, 60}));
        assertThat(g.entries()).extracting(e -> e.labels().get("band")).containsExactly("<40", "<40", "<40", "<40",
                "<40", "60+", "60+", "60+", "60+", "60+");

        FairnessAudit.Result result = FairnessAudit.run(results, refs, g, 30, Bootstrap.DEFAULT);
        assertThat(result.skipped()).isEmpty();
        assertThat(result.recordings()).hasSize(10);
        for (ClipMeasures c : result.recordings().subList(0, 5)) {
            assertThat(c.detectionRate()).isEqualTo(1);
            assertThat(c.landmarkNme()).isEqualTo(0);
            assertThat(c.auPearson()).isCloseTo(1, within(1e-9));
            assertThat(c.auF1()).isCloseTo(1, within(1e-9));
        }
        for (ClipMeasures c : result.recordings().subList(5, 10)) {
            int frames = c.referenceFrames();
            assertThat(c.detectionRate()).as(c.id()).isCloseTo(1 - (double) ((frames + 1) / 4) / frames, within(0.01));
        }
        FairnessAudit.Gap detection = result.gaps().stream().filter(x -> x.measure().equals("detection_rate")).findFirst().orElseThrow();
        assertThat(detection.higher()).isEqualTo("<40");
        assertThat(detection.lower()).isEqualTo("60+");
        assertThat(detection.gap()).isCloseTo(0.25, within(0.01));
        assertThat(detection.flagged()).isTrue();

        AuditReport.write(dir, result, Bootstrap.DEFAULT, "test labels");
        String html = Files.readString(dir.resolve("audit.html"));
        assertThat(html).contains("data:image/png;base64,", "class=\"flag\"", "test labels").doesNotContain("src=\"http");
        assertThat(Files.readAllLines(dir.resolve("audit_gaps.csv"))).anyMatch(l -> l.startsWith("band,detection_rate,<40,60+,") && l.endsWith(",1"));
    }

    private static List<String> lines(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
