package org.facsflow.apps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facsflow.apps.SharedFiles.shared;

/** convert, validate and audit as a user runs them, on real files of other tools in shared/interop. */
class InteropCommandsTest {
    @TempDir
    Path dir;

    @Test
    void convertGoesPastABadFileAndWritesNothingForIt() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "frame,AU12\n1,7\n");
        Path out = Files.createDirectory(dir.resolve("out"));
        CliRun run = CliRun.of("convert", bad.toString(), shared("interop/imotions/iMotions_Test_v6.txt").toString(),
                "-o", out.toString(), "--to", "openface");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(bad + ": line 2: column \"AU12\": 7 is not 0-5, A-E, or 9 (not coded)");
        assertThat(run.out()).contains("iMotions 6.1.2667.3 raw export", "519 rows, 20 AUs");
        assertThat(Files.list(out)).extracting(p -> p.getFileName().toString()).containsExactly("iMotions_Test_v6.csv");
    }

    @Test
    void validateHumanEafAgainstFramesPrintsThePerAuTable() throws IOException {
        Path eaf = shared("interop/elan/exploface_video_AU_tiers.eaf");
        Path frames = dir.resolve("frames.csv");
        assertThat(CliRun.of("convert", eaf.toString(), "-o", frames.toString(), "--to", "facsflow", "--frame-rate", "25")
                .exitCode()).isZero();
        CliRun run = CliRun.of("validate", "--reference", eaf.toString(), frames.toString(), "--frame-rate", "25",
                "--agreement-csv", dir.resolve("agreement.csv").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(ELAN EAF 3.0)", "presence and event agreement:", "event-resampled")
                .containsPattern("AU12 +\\d+ +61 +61 +1\\.000");
        assertThat(Files.readAllLines(dir.resolve("agreement.csv"))).hasSize(1 + 16);
    }

    /**
     * A group photo against OpenFace's FaceLandmarkImg output, which numbers the faces by detection where facsflow
     * numbers them left to right: both tables must compare the same faces (paired by their landmarks), so each AU's
     * presence F1 is the same in the two.
     */
    @Test
    void validateAGroupPhotoComparesTheSameFacesInBothTables() throws IOException {
        Path out = dir.resolve("out");
        CliRun analyze = CliRun.of("analyze", shared("media/multi_face.jpg").toString(), "-o", out.toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        CliRun run = CliRun.of("validate", "--reference", shared("reference/multi_face_jpg.csv.gz").toString(),
                out.resolve("multi_face.csv").toString(), "--bootstrap", "50");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("5 reference rows: 5 compared", "landmark NME over 5 frames");
        String[] parts = run.out().split("presence and event agreement:");
        Map<String, String> intensityTable = lastColumn(parts[0], "(?m)^(AU\\d+) +\\d+ .* (\\S+)$");
        Map<String, String> presenceTable = lastColumn(parts[1], "(?m)^(AU\\d+) +\\d+ +\\d+ +\\d+ +(\\S+)");
        assertThat(presenceTable).hasSize(18).isEqualTo(intensityTable);
        assertThat(run.out()).as("a photo is coded as a still").doesNotContain(RUNNING_NOTE);
    }

    private static final String RUNNING_NOTE = "was coded with the running (live) baseline";

    /**
     * analyze's default (running) baseline against OpenFace, which codes a video file against the whole video:
     * validate says which mode compares. And whether the lips and lids open and close with OpenFace's: on single_face
     * the mesh's inner-lip opening follows OpenFace's at r 0.98 and the lids at 0.87 (December 7).
     */
    @Test
    void validateARunningCodedVideoAgainstOpenFaceNamesTheComparableBaseline() throws IOException {
        Path out = dir.resolve("out");
        CliRun analyze = CliRun.of("analyze", shared("media/single_face.mp4").toString(), "-o", out.toString(), "--no-voice");
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        CliRun run = CliRun.of("validate", "--reference", shared("reference/single_face.csv.gz").toString(),
                out.resolve("single_face.csv").toString(), "--bootstrap", "20");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("72 reference rows: 72 compared", "single_face.csv " + RUNNING_NOTE,
                "`analyze --baseline offline`");
        Matcher openings = Pattern.compile("openings frame by frame, r with the reference's: inner lips (\\S+), lids (\\S+)")
                .matcher(run.out());
        assertThat(openings.find()).as(run.out()).isTrue();
        assertThat(Double.parseDouble(openings.group(1))).as("inner lips").isGreaterThan(0.9);
        assertThat(Double.parseDouble(openings.group(2))).as("lids").isGreaterThan(0.7);
    }

    /** Each AU's F1 in one of validate's tables, by the pattern's groups (AU, F1). */
    private static Map<String, String> lastColumn(String table, String pattern) {
        Map<String, String> f1 = new TreeMap<>();
        Matcher m = Pattern.compile(pattern).matcher(table);
        while (m.find()) f1.put(m.group(1), m.group(2));
        return f1;
    }

    /**
     * audit on a group photo against OpenFace's FaceLandmarkImg output, which numbers the faces otherwise: paired by
     * number, the landmarks lay 4.5 eye-corner distances apart and the AU r was -0.03; paired by landmarks as
     * validate pairs them, the figures are validate's.
     */
    @Test
    void auditPairsTheFacesOfAGroupPhotoByTheirLandmarks() throws IOException {
        Path results = dir.resolve("results"), refs = Files.createDirectory(dir.resolve("refs"));
        CliRun analyze = CliRun.of("analyze", shared("media/multi_face.jpg").toString(), "-o", results.toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        Files.copy(shared("reference/multi_face_jpg.csv.gz"), refs.resolve("multi_face.csv.gz"));
        Path groups = Files.writeString(dir.resolve("groups.csv"), "id,person,kind\nmulti_face,group,photo\n");
        CliRun run = CliRun.of("audit", "--results", results.toString(), "--reference", refs.toString(), "--groups",
                groups.toString(), "--by", "kind", "-o", dir.resolve("audit").toString(), "--bootstrap", "50");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("audit/audit_recordings.csv"));
        List<String> header = List.of(lines.get(0).split(",")), row = List.of(lines.get(1).split(","));
        assertThat(Double.parseDouble(row.get(header.indexOf("detection_rate")))).isEqualTo(1.0);
        assertThat(Double.parseDouble(row.get(header.indexOf("landmark_nme")))).isLessThan(0.06);
        assertThat(Double.parseDouble(row.get(header.indexOf("au_pearson_r")))).isGreaterThan(0.2);
        assertThat(Double.parseDouble(row.get(header.indexOf("lip_opening_r")))).as("five faces' lips, ours against OpenFace's")
                .isGreaterThan(0.5);
    }

    @Test
    void auditWritesItsReportAndNamesSkippedRecordings() throws IOException {
        Path results = Files.createDirectory(dir.resolve("results"));
        Path refs = shared("training/openface");
        for (String id : new String[]{"p01", "p02", "p03"}) Files.copy(refs.resolve(id + ".csv.gz"), results.resolve(id + ".csv.gz"));
        Path groups = dir.resolve("groups.csv");
        Files.writeString(groups, "id,person,age\np01,p01,25-35\np02,p02,70+\np03,p03,20-30\np04,p04,30\n");
        CliRun run = CliRun.of("audit", "--results", results.toString(), "--reference", refs.toString(), "--groups",
                groups.toString(), "--by", "age", "--bins", "age=40", "-o", dir.resolve("audit").toString(), "--bootstrap", "200");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("skipped p04: no result in " + results);
        assertThat(run.out()).contains("| age | 40+ | 1 |", "| age | <40 | 2 |", "audit.html");
        assertThat(dir.resolve("audit/audit.html")).exists();
    }
}
