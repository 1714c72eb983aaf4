package org.facsflow.facs.validation;

import org.facsflow.facs.ActionUnit;
import org.facsflow.models.SharedFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReferenceComparisonTest {
    /** Frame 3 failed in the reference; AU01 has intensity only, AU28 presence only, AU45 is not predicted. */
    private static final String REFERENCE = """
            frame, face_id, success, AU01_r, AU12_r, AU12_c, AU28_c, AU45_r
            1, 0, 1, 0.0, 0.5, 0, 0, 0.1
            2, 0, 1, 1.0, 2.0, 1, 1, 0.0
            3, 0, 0, 4.0, 4.0, 1, 1, 0.0
            4, 0, 1, 2.0, 3.0, 1, 0, 0.0
            5, 0, 1, 3.0, 1.0, 1, 0, 0.0
            6, 0, 1, 1.0, 0.0, 0, 0, 0.0
            """;
    /** Frame 5 is missing; frame 2 has no AU12 intensity; no _c for AU01/AU12, so presence is _r >= 1. */
    private static final String PREDICTION = """
            frame, face_id, success, AU01_r, AU12_r, AU28_c
            1, 0, 1, 0.0, 0.0, 0
            2, 0, 1, 1.0, , 1
            3, 0, 1, 3.0, 3.0, 1
            4, 0, 1, 2.0, 2.5, 0
            6, 0, 1, 2.0, 0.5, 1
            """;

    @TempDir
    Path dir;

    @Test
    void skipsFailedMissingAndEmptyFramesAndComparesTheRest() throws IOException {
        ValidationReport report = compare(REFERENCE, PREDICTION);

        assertThat(report.counts()).isEqualTo(new FrameCounts(6, 1, 1));
        assertThat(report.counts().compared()).isEqualTo(4);
        assertThat(report.notPredicted()).containsExactly(ActionUnit.of(45));
        assertThat(report.rows()).extracting(AuAgreement::label).containsExactly("AU1", "AU12", "AU28");

        // AU1 on frames 1, 2, 4, 6; presence from _r >= 1 on both sides: (F,T,T,T) and (F,T,T,T)
        double[] x1 = {0, 1, 2, 1}, y1 = {0, 1, 2, 2};
        AuAgreement au1 = report.rows().get(0);
        assertThat(au1.n()).isEqualTo(4);
        assertThat(au1.pearson()).isCloseTo(Agreement.pearson(x1, y1), within(1e-12));
        assertThat(au1.ccc()).isCloseTo(Agreement.concordance(x1, y1), within(1e-12));
        assertThat(au1.icc31()).isCloseTo(Agreement.icc31(x1, y1), within(1e-12));
        assertThat(au1.mae()).isCloseTo(0.25, within(1e-12));
        assertThat(au1.f1()).isEqualTo(1.0);

        // AU12 skips frame 2 (empty prediction); reference presence from _c (0,1,0), prediction from _r (F,T,F)
        AuAgreement au12 = report.rows().get(1);
        assertThat(au12.n()).isEqualTo(3);
        assertThat(au12.mae()).isCloseTo((0.5 + 0.5 + 0.5) / 3, within(1e-12));
        assertThat(au12.f1()).isEqualTo(1.0);

        // AU28: presence only; reference (0,1,0,0), prediction (0,1,0,1): TP 1, FP 1 -> F1 = 2/3
        AuAgreement au28 = report.rows().get(2);
        assertThat(au28.n()).isEqualTo(4);
        assertThat(au28.pearson()).isNaN();
        assertThat(au28.mae()).isNaN();
        assertThat(au28.f1()).isCloseTo(2.0 / 3, within(1e-12));

        assertThat(report.mean().n()).isEqualTo(4);
        assertThat(report.mean().mae()).as("AU28 has no MAE").isCloseTo((0.25 + 0.5) / 2, within(1e-12));
    }

    @Test
    void reportFormatsAsTableAndCsv() throws IOException {
        ValidationReport report = compare(REFERENCE, PREDICTION);
        String table = report.format();
        assertThat(table).contains("6 reference rows: 4 compared, 1 skipped (reference success=0), "
                + "1 skipped (missing or failed in prediction)");
        assertThat(table).containsPattern("(?m)^AU28\\s+4\\s+-\\s+-\\s+-\\s+-\\s+0\\.667$");
        assertThat(table).containsPattern("(?m)^mean\\s+4\\s");
        assertThat(table).contains("not in the prediction: AU45");
        assertThat(report.toCsv().lines()).hasSize(5)
                .startsWith("au,n,pearson_r,ccc,icc_3_1,mae,f1")
                .contains("AU28,4,NaN,NaN,NaN,NaN,0.666667");
    }

    @Test
    void noOverlapLeavesNothingCompared() throws IOException {
        ValidationReport report = compare(REFERENCE, "frame, face_id, AU01_r\n10, 0, 1.0\n");
        assertThat(report.counts().compared()).isZero();
        assertThat(report.rows()).allMatch(row -> row.n() == 0 && Double.isNaN(row.mae()));
    }

    @Test
    void landmarksPoseAndGazeAreComparedWhereBothFilesHaveThem() throws IOException {
        // Reference: 68 points on a line, outer eye corners (36, 45) 50 px apart; the prediction shifted by (3, 4):
        // every point 5 px off, an NME of 0.1 over any set of points. Pose: yaw +0.1 rad in frame 1 only.
        StringBuilder header = new StringBuilder("frame, face_id, success, pose_Rx, pose_Ry, pose_Rz, AU12_r");
        for (int j = 0; j < 68; j++) header.append(", x_").append(j);
        for (int j = 0; j < 68; j++) header.append(", y_").append(j);
        StringBuilder reference = new StringBuilder(header).append('\n'), prediction = new StringBuilder(header).append('\n');
        for (int frame = 1; frame <= 2; frame++) {
            reference.append(frame).append(", 0, 1, 0, 0, 0, 1");
            prediction.append(frame).append(", 0, 1, 0, ").append(frame == 1 ? "0.1" : "0").append(", 0, 1");
            for (int axis = 0; axis < 2; axis++)
                for (int j = 0; j < 68; j++) {
                    double v = axis == 0 ? 100 + (j == 45 ? 50 : 0) : 200;
                    reference.append(", ").append(v);
                    prediction.append(", ").append(v + (axis == 0 ? 3 : 4));
                }
            reference.append('\n');
            prediction.append('\n');
        }
        FaceGeometryAgreement g = compare(reference.toString(), prediction.toString()).geometry().orElseThrow();
        assertThat(g.landmarkFrames()).isEqualTo(2);
        assertThat(g.nmeAll()).isCloseTo(0.1, within(1e-6));
        assertThat(g.nmeAnatomical()).isCloseTo(0.1, within(1e-6));
        assertThat(g.nmeByRegion()).containsExactly(new double[]{0.1, 0.1, 0.1, 0.1, 0.1, 0.1}, within(1e-6));
        assertThat(g.poseFrames()).isEqualTo(2);
        assertThat(g.poseMeanDiff()).containsExactly(new double[]{0, 0.05, 0}, within(1e-12));
        assertThat(g.gazeFrames()).as("no gaze columns").isZero();
        assertThat(g.format()).contains("all 68 10.0%").contains("yaw (Ry) +0.050").doesNotContain("gaze")
                .as("faces of the same size").doesNotContain("note:");

        assertThat(compare(REFERENCE, PREDICTION).geometry()).as("AU columns only").isEmpty();
    }

    /** OpenFace's output compared with itself must agree perfectly wherever agreement is defined. */
    @ParameterizedTest
    @CsvSource({"single_face.csv.gz, 72, 0", "WolfgangLanger_Pexels.csv.gz, 471, 1", "multi_face_jpg.csv.gz, 5, 0"})
    void referenceAgainstItselfAgreesPerfectly(String file, int compared, int failed) throws IOException {
        OpenFaceCsv csv = OpenFaceCsv.read(referenceDir().resolve(file));
        ValidationReport report = ReferenceComparison.compare(csv, csv);
        System.out.print(file + " against itself:\n" + report.format());
        assertThat(report.counts().compared()).isEqualTo(compared);
        assertThat(report.counts().referenceFailed()).isEqualTo(failed);
        assertThat(report.rows()).hasSize(18).allMatch(row -> row.n() == compared);
        assertThat(report.notPredicted()).isEmpty();
        int varying = 0;
        for (AuAgreement row : report.rows()) {
            if (!row.label().equals("AU28")) assertThat(row.mae()).as(row.label()).isZero();
            if (!Double.isNaN(row.pearson())) {
                varying++;
                assertThat(row.pearson()).as(row.label()).isCloseTo(1, within(1e-12));
                assertThat(row.ccc()).as(row.label()).isCloseTo(1, within(1e-12));
                assertThat(row.icc31()).as(row.label()).isCloseTo(1, within(1e-12));
            }
            if (!Double.isNaN(row.f1())) assertThat(row.f1()).as(row.label()).isEqualTo(1.0);
        }
        assertThat(varying).as("AUs whose intensity varies").isGreaterThanOrEqualTo(5);
        FaceGeometryAgreement geometry = report.geometry().orElseThrow();
        assertThat(geometry.landmarkFrames()).isEqualTo(compared);
        assertThat(geometry.nmeAll()).isZero();
        assertThat(geometry.lipOpeningR()).isCloseTo(1, within(1e-9));
        assertThat(geometry.eyeOpeningR()).isCloseTo(1, within(1e-9));
        assertThat(geometry.poseMae()).containsOnly(0.0);
    }

    /**
     * A group photo: OpenFace's FaceLandmarkImg writes no frame and numbers faces by detection, facsflow writes frame 1
     * and numbers them left to right. Its own output renumbered that way (frame 1, faces in reverse order) must still
     * pair every face with itself, which pairing by frame and face number would not.
     */
    @Test
    void facesOfAGroupPhotoArePairedByTheirLandmarksWhateverEachToolNumbersThem() throws IOException {
        Path file = referenceDir().resolve("multi_face_jpg.csv.gz");
        List<String> lines = gunzippedLines(file);
        assertThat(lines.get(0)).startsWith("face,");
        StringBuilder renumbered = new StringBuilder("frame,face_id").append(lines.get(0).substring("face".length())).append('\n');
        int faces = lines.size() - 1;
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.indexOf(',');
            int face = Integer.parseInt(line.substring(0, comma).trim());
            renumbered.append("1,").append(faces - 1 - face).append(line.substring(comma)).append('\n');
        }
        ValidationReport report = ReferenceComparison.compare(OpenFaceCsv.read(file),
                OpenFaceCsv.read(Files.writeString(dir.resolve("renumbered.csv"), renumbered)));
        assertThat(report.counts().compared()).isEqualTo(faces);
        assertThat(report.geometry().orElseThrow().nmeAll()).isZero();
        for (AuAgreement row : report.rows())
            if (!row.label().equals("AU28")) assertThat(row.mae()).as(row.label()).isZero();
    }

    /**
     * OpenFace's output against itself with every landmark halved, as from a copy of the video at half its size: each
     * frame's one face on each side is paired all the same (by landmark position no face would be), and the geometry
     * says the sizes differ.
     */
    @Test
    void aPredictionFromAResizedCopyIsPairedFrameByFrameAndItsGeometryFlagged() throws IOException {
        Path file = referenceDir().resolve("single_face.csv.gz");
        List<String> lines = gunzippedLines(file);
        ValidationReport report = ReferenceComparison.compare(OpenFaceCsv.read(file),
                OpenFaceCsv.read(Files.writeString(dir.resolve("halved.csv"), movedLandmarks(lines, row -> true, 0.5, 0))));
        assertThat(report.counts().compared()).isEqualTo(72);
        for (AuAgreement row : report.rows())
            if (!row.label().equals("AU28")) assertThat(row.mae()).as(row.label()).isZero();
        FaceGeometryAgreement geometry = report.geometry().orElseThrow();
        assertThat(geometry.faceScale()).isCloseTo(0.5, within(1e-6));
        assertThat(geometry.lipOpeningR()).as("openings are over each file's own eye-corner distance").isCloseTo(1, within(1e-6));
        assertThat(geometry.format()).contains("note: the prediction's faces are 0.50 times the size of the reference's");
    }

    /**
     * The same files, but in one frame the prediction's only face is someone else's, five eye-corner distances away
     * (another person, the reference's person not found there): that frame compares nothing, the rest pair as usual.
     */
    @Test
    void aLoneFaceElsewhereInTheSamePixelsIsNotPaired() throws IOException {
        Path file = referenceDir().resolve("single_face.csv.gz");
        String moved = movedLandmarks(gunzippedLines(file), row -> row == 10, 1, 500);
        ValidationReport report = ReferenceComparison.compare(OpenFaceCsv.read(file),
                OpenFaceCsv.read(Files.writeString(dir.resolve("moved.csv"), moved)));
        assertThat(report.counts().compared()).isEqualTo(71);
        assertThat(report.geometry().orElseThrow().nmeAll()).isZero();
    }

    /**
     * The same file, but the prediction's inner lips (points 61-67) are those of the video played backwards, as from a
     * tracker whose lips do not follow the face: the positions barely move (NME under 2%), but the openings no longer
     * go together, which is what AU25 and AU26 depend on; the lids, untouched, still agree. OpenFace's AU25 follows its
     * own lips, which says which of the two it reads.
     */
    @Test
    void lipsThatDoNotOpenWithTheReferencesShowInTheOpeningsNotTheNme() throws IOException {
        Path file = referenceDir().resolve("single_face.csv.gz");
        List<String> lines = gunzippedLines(file);
        String[] header = lines.get(0).split(",");
        StringBuilder reversed = new StringBuilder(lines.get(0)).append('\n');
        int rows = lines.size() - 1;
        for (int r = 1; r <= rows; r++) {
            String[] cells = lines.get(r).split(",", -1), mirror = lines.get(rows + 1 - r).split(",", -1);
            for (int i = 0; i < cells.length; i++)
                if (header[i].trim().matches("[xy]_6[1-7]")) cells[i] = mirror[i];
            reversed.append(String.join(",", cells)).append('\n');
        }
        FaceGeometryAgreement geometry = ReferenceComparison.compare(OpenFaceCsv.read(file),
                OpenFaceCsv.read(Files.writeString(dir.resolve("reversed.csv"), reversed))).geometry().orElseThrow();
        assertThat(geometry.nmeAll()).isLessThan(0.02);
        assertThat(geometry.lipOpeningR()).isLessThan(0.3);
        assertThat(geometry.eyeOpeningR()).isCloseTo(1, within(1e-9));
        // OpenFace's AU25 follows its own lips (r 0.99 here), not the reversed ones; its AU45, both files' lids alike
        assertThat(geometry.lipsToAu25()[1]).isGreaterThan(0.9);
        assertThat(geometry.lipsToAu25()[0]).isLessThan(0.3);
        assertThat(geometry.lidsToAu45()[0]).isCloseTo(geometry.lidsToAu45()[1], within(1e-9)).isLessThan(-0.3);
        assertThat(geometry.format()).contains("inner lips " + String.format(Locale.ROOT, "%.2f", geometry.lipOpeningR()))
                .contains("lids 1.00").contains("the reference's own " + String.format(Locale.ROOT, "%.2f",
                        geometry.lipsToAu25()[1]));
    }

    /** A reference's lines with the landmarks of the chosen data rows (0-based) scaled, then x shifted by {@code dx}. */
    private static String movedLandmarks(List<String> lines, IntPredicate rows, double scale, double dx) {
        String[] header = lines.get(0).split(",");
        StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",", -1);
            for (int i = 0; i < cells.length && rows.test(r - 1); i++) {
                String name = header[i].trim();
                if (name.matches("[xy]_\\d+"))
                    cells[i] = String.valueOf(Double.parseDouble(cells[i]) * scale + (name.startsWith("x") ? dx : 0));
            }
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    private static List<String> gunzippedLines(Path file) throws IOException {
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file))))) {
            return in.lines().toList();
        }
    }

    private ValidationReport compare(String reference, String prediction) throws IOException {
        return ReferenceComparison.compare(OpenFaceCsv.read(Files.writeString(dir.resolve("ref.csv"), reference)),
                OpenFaceCsv.read(Files.writeString(dir.resolve("pred.csv"), prediction)));
    }

    /** shared/reference beside the checkout ({@code -Dfacsflow.reference=DIR} to repoint); a failure if absent. */
    private static Path referenceDir() {
        String explicit = System.getProperty("facsflow.reference");
        return explicit != null ? Path.of(explicit) : SharedFolder.require("reference");
    }
}
