package org.facsflow.apps;

import org.facsflow.affect.plot.AuBarChart;
import org.facsflow.affect.plot.TimelinePlot;
import org.facsflow.apps.output.FaceLine;
import org.facsflow.facs.coding.AuModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facsflow.apps.SharedFiles.shared;

/**
 * {@code facsflow summarize} on what {@code analyze} wrote for a real smiling face (a video) and a real group photo
 * (a still), and on those files with some faces' AU cells emptied as {@code analyze} writes a face it cannot measure.
 */
class SummarizeCommandTest {
    @TempDir
    static Path analysed;

    @BeforeAll
    static void analyse() {
        CliRun analyze = CliRun.of("analyze", shared("media/single_face.mp4").toString(),
                shared("media/multi_face.jpg").toString(), "-o", analysed.toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
    }

    @Test
    void aVideoGetsAPanelPerPresentAuNamedAndItsSmilesSymmetry(@TempDir Path dir) throws IOException {
        Path csv = Files.copy(analysed.resolve("single_face.csv"), dir.resolve("single_face.csv"));

        CliRun run = CliRun.of("summarize", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("face 0: 72 frame(s)", "AU12  Lip Corner Puller", "happiness")
                .doesNotContain("AU chart:", "AUs measurable in");
        // One panel per AU present at least once, as the line says; the image is as tall as that many panels.
        Matcher drawn = Pattern.compile("timeline: (\\S+) \\(AUs present at least once: ([^;)]*)").matcher(run.out());
        assertThat(drawn.find()).as(run.out()).isTrue();
        List<String> panels = List.of(drawn.group(2).split(", "));
        assertThat(panels).contains("AU12");
        BufferedImage timeline = ImageIO.read(dir.resolve("single_face_timeline_face0.png").toFile());
        assertThat(timeline.getHeight()).isEqualTo(TimelinePlot.height(panels.size(), true));
        assertThat(dir.resolve("single_face_circumplex.png")).exists();
        // The smile's symmetry, from the CSV's AU12_L_r and AU12_R_r: a number in -1..1, not n/a.
        String[] smile = tableRowAfter(run.out(), "onset  apex");
        int symmetry = Arrays.asList(header(run.out(), "onset  apex")).indexOf("symmetry");
        assertThat(Double.parseDouble(smile[symmetry])).isBetween(-1.0, 1.0);
    }

    @Test
    void aStillGetsABarChartPerFaceAndNoTimeline(@TempDir Path dir) throws IOException {
        Path csv = Files.copy(analysed.resolve("multi_face.csv"), dir.resolve("multi_face.csv"));

        CliRun run = CliRun.of("summarize", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("5 face(s) in a still image", "AU12  Lip Corner Puller")
                .doesNotContain("timeline", "smiles", "dominant over time");
        for (int face = 0; face < 5; face++) {
            Path png = dir.resolve("multi_face_aus_face" + face + ".png");
            assertThat(run.out()).contains("AU chart: " + png);
            BufferedImage bars = ImageIO.read(png.toFile());
            // A bar for each AU the CSV has: the reported ones (analyze leaves the experimental ones out).
            assertThat(bars.getHeight()).isEqualTo(AuBarChart.height(AuModel.standard().reported().size()));
        }
        assertThat(dir.resolve("multi_face_circumplex.png")).exists();
    }

    @Test
    void aFaceThatCouldNotBeMeasuredSaysSoAndNamesNoEmotion(@TempDir Path dir) throws IOException {
        // Face 2 of the photo as analyze writes a face turned too far: every AU cell empty, the classifiers' still there.
        Path csv = withAusEmptied(analysed.resolve("multi_face.csv"), dir.resolve("photo.csv"), face -> face == 2);

        CliRun run = CliRun.of("summarize", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String face2 = block(run.out(), "face 2:");
        assertThat(face2).contains(FaceLine.NOT_MEASURABLE).doesNotContain("no AU present", "happiness", "neutral",
                "emotion", "valence", "AU chart");
        assertThat(dir.resolve("photo_aus_face2.png")).doesNotExist();
        assertThat(block(run.out(), "face 1:")).contains("happiness", "valence").doesNotContain(FaceLine.NOT_MEASURABLE);
        assertThat(dir.resolve("photo_aus_face1.png")).exists();
    }

    @Test
    void framesThatCouldNotBeMeasuredCountInNoEmotion(@TempDir Path dir) throws IOException {
        // The video's first 30 frames unmeasurable (rows 1-30 of face 0).
        int[] row = {0};
        Path csv = withAusEmptied(analysed.resolve("single_face.csv"), dir.resolve("clip.csv"), face -> ++row[0] <= 30);

        CliRun run = CliRun.of("summarize", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("face 0: 72 frame(s), 0.00-2.37 s, AUs measurable in 42");
        assertThat(run.out()).containsPattern("dominant over time: 0\\.0-[0-9.]+ s unmeasured, ");
        // Shares of the 42 measured frames: they add up to 100%.
        int total = 0;
        for (String line : block(run.out(), "face 0:").split("\n"))
            if (line.matches("  (anger|disgust|fear|happiness|sadness|surprise|neutral) +\\d+% .*"))
                total += Integer.parseInt(line.trim().split(" +")[1].replace("%", ""));
        assertThat(total).isBetween(99, 101);
    }

    @Test
    void theTimelineBreaksWhereTheFaceWasLost(@TempDir Path dir) throws IOException {
        // Frames 31-50 of the video: the face tracked but not found (success 0, nothing measured), as analyze writes them.
        List<String> lines = Files.readAllLines(analysed.resolve("single_face.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int frame = header.indexOf("frame"), success = header.indexOf("success");
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            int f = Integer.parseInt(cells[frame]);
            if (f > 30 && f <= 50) {
                cells[success] = "0";
                for (int i = success + 1; i < cells.length; i++) cells[i] = "";
            }
            out.add(String.join(",", cells));
        }
        Path csv = Files.write(dir.resolve("lost.csv"), out);

        CliRun run = CliRun.of("summarize", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("face 0: 52 frame(s)");
        // Columns of the image with an AU line in them: from the first frame's to the last's, broken for the 20 lost
        // frames (21 of the 71 frame intervals, about 0.3 of the axis), not bridged by a straight line.
        BufferedImage timeline = ImageIO.read(dir.resolve("lost_timeline_face0.png").toFile());
        boolean[] drawn = new boolean[timeline.getWidth()];
        for (int x = 0; x < drawn.length; x++)
            for (int y = 0; y < timeline.getHeight() && !drawn[x]; y++)
                drawn[x] = aLine(new Color(timeline.getRGB(x, y)));
        int first = 0, last = drawn.length - 1, gap = 0, blank = 0;
        while (!drawn[first]) first++;
        while (!drawn[last]) last--;
        for (int x = first; x <= last; x++) gap = Math.max(gap, blank = drawn[x] ? 0 : blank + 1);
        assertThat((double) gap / (last - first)).as("the longest break in the lines").isBetween(0.25, 0.4);
    }

    // ---- helpers

    /** A pixel of an AU line: its blue, or that blue at least half over white (the lines are anti-aliased). */
    private static boolean aLine(Color c) {
        Color blue = TimelinePlot.AU_COLOUR;
        return c.getBlue() - c.getRed() > (blue.getBlue() - blue.getRed()) / 2 && c.getGreen() < c.getBlue();
    }

    /**
     * A copy of {@code csv} with every AU cell (AUxx_r, _c, _L_r, _R_r, _letter) emptied in the rows whose face id
     * the predicate accepts (called once per row, in order).
     */
    private static Path withAusEmptied(Path csv, Path copy, IntPredicate face) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        for (int i = 0; i < header.length; i++) header[i] = header[i].trim();
        int faceId = Arrays.asList(header).indexOf("face_id");
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (face.test(Integer.parseInt(cells[faceId].trim())))
                for (int i = 0; i < header.length; i++) if (header[i].matches("AU\\d\\d_.*")) cells[i] = "";
            out.add(String.join(",", cells));
        }
        return Files.write(copy, out);
    }

    /** The lines of one face's block (from its heading to the next blank line). */
    private static String block(String out, String heading) {
        int from = out.indexOf(heading);
        assertThat(from).as("%s in%n%s", heading, out).isNotNegative();
        int to = out.indexOf("\n\n", from);
        return out.substring(from, to < 0 ? out.length() : to);
    }

    private static String[] header(String out, String start) {
        return out.lines().filter(l -> l.trim().startsWith(start)).findFirst().orElseThrow().trim().split(" {2,}");
    }

    private static String[] tableRowAfter(String out, String start) {
        List<String> lines = out.lines().toList();
        for (int i = 0; i < lines.size(); i++)
            if (lines.get(i).trim().startsWith(start)) return lines.get(i + 1).trim().split(" +");
        throw new AssertionError("no line starting " + start + " in\n" + out);
    }
}
