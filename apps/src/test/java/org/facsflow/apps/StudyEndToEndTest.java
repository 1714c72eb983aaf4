package org.facsflow.apps;

import org.facsflow.media.MediaException;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.facsflow.apps.SharedFiles.shared;

/**
 * A small between-subject study on real face videos (different clips as participants, one of them a folder of
 * frames) through the real face and AU pipeline: run, rerun (resumed), rerun after a frame was removed, compare with
 * a report. Five participants cannot show an effect; the point is that every stage runs on real data and says so
 * honestly.
 */
class StudyEndToEndTest {

    @Test
    void aStudyOfRealClipsRunsResumesAndReports(@TempDir Path dir) throws Exception {
        Path frames = Files.createDirectories(dir.resolve("p5 frames"));
        try (VideoSource source = VideoSources.open(shared("media/single_face.mp4").toString())) {
            for (int i = 1; i <= 30; i++)
                ImageIO.write(source.next().toBufferedImage(), "png", frames.resolve("frame" + i + ".png").toFile());
        }
        Path manifest = dir.resolve("manifest.csv");
        // p1's stimulus lasts 1 s of its 2.4 s: nothing after it may be analysed or stored.
        Files.write(manifest, List.of("participant,condition,video,frame_rate,duration",
                "p1,AdA," + shared("media/single_face.mp4") + ",,1.0",
                "p2,AdA," + shared("media/face_noface.mov") + ",,",
                "p3,AdB," + shared("media/noface_face.mov") + ",,",
                "p4,AdB," + AssetStore.standard().require("video-cap12-edit") + ",,",
                "p5,AdA,p5 frames,25,"));
        Path study = dir.resolve("study");

        CliRun first = CliRun.of("study", "run", manifest.toString(), "-o", study.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("5 done, 0 skipped, 0 failed");
        assertThat(study.resolve("study.duckdb")).exists();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement();
             ResultSet r = sql.executeQuery("SELECT max(time_s), count(DISTINCT frame) FROM '"
                     + study.resolve("frames/p1_AdA.parquet") + "'")) {
            r.next();
            assertThat(r.getDouble(1)).as("last frame stored").isLessThanOrEqualTo(1.0);
            assertThat(r.getLong(2)).as("frames of the first second at 30 fps").isBetween(29L, 31L);
        }

        CliRun again = CliRun.of("study", "run", manifest.toString(), "-o", study.toString());
        assertThat(again.out()).as("a rerun resumes").contains("0 done, 5 skipped, 0 failed");
        Files.delete(frames.resolve("frame30.png"));
        CliRun changed = CliRun.of("study", "run", manifest.toString(), "-o", study.toString());
        assertThat(changed.out()).as("a folder that lost a frame is extracted again").contains("1 done, 4 skipped, 0 failed");

        CliRun compare = CliRun.of("study", "compare", study.toString(), "--a", "AdA", "--b", "AdB", "--report");
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        Path results = study.resolve("compare-AdA-vs-AdB");
        assertThat(results.resolve("report.html")).exists();
        assertThat(Files.readString(results.resolve("stats.csv"))).contains("AU12");
        assertThat(compare.out()).contains("The sample is small");
    }

    /**
     * The voice beside the face in a study: talking people of shared/training (two women, two men; 4 s each) and a
     * silent clip. Each speaker's pitch while speaking must fall in their sex's usual range, the silent clip must have
     * no voice metrics, and the comparison must test the voice and show it in the report.
     */
    @Test
    void aStudyComparesTheVoiceBesideTheFace(@TempDir Path dir) throws Exception {
        Path manifest = dir.resolve("manifest.csv");
        Files.write(manifest, List.of("participant,condition,video,frame_rate,duration",
                "f1,women," + shared("training/clips/p17a.mp4") + ",,4",
                "f2,women," + shared("training/clips/p25.mp4") + ",,4",
                "m1,men," + shared("training/clips/p23.mp4") + ",,4",
                "m2,men," + shared("training/clips/p62.mp4") + ",,4",
                "s1,men," + shared("training/clips/p01.mp4") + ",,4"));
        Path study = dir.resolve("study");
        CliRun run = CliRun.of("study", "run", manifest.toString(), "-o", study.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Map<String, Double> pitch = new HashMap<>(), speaking = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + study.resolve("study.duckdb"));
             Statement sql = db.createStatement();
             ResultSet r = sql.executeQuery("SELECT participant, signal, value FROM metrics WHERE signal LIKE 'voice_%'")) {
            while (r.next()) {
                if (r.getString(2).equals("voice_f0")) pitch.put(r.getString(1), r.getDouble(3));
                if (r.getString(2).equals("voice_active")) speaking.put(r.getString(1), r.getDouble(3));
            }
        }
        assertThat(pitch.keySet()).as("speakers with a pitch").containsExactlyInAnyOrder("f1", "f2", "m1", "m2");
        assertThat(pitch.get("f1")).isBetween(165.0, 255.0);
        assertThat(pitch.get("f2")).isBetween(165.0, 255.0);
        assertThat(pitch.get("m1")).isBetween(85.0, 180.0);
        assertThat(pitch.get("m2")).isBetween(85.0, 180.0);
        assertThat(speaking).as("the silent clip has no voice").doesNotContainKey("s1");
        assertThat(speaking.values()).allSatisfy(share -> assertThat(share).isBetween(0.2, 1.0));

        CliRun compare = CliRun.of("study", "compare", study.toString(), "--a", "women", "--b", "men", "--report");
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        Path results = study.resolve("compare-women-vs-men");
        assertThat(Files.readString(results.resolve("stats.csv"))).contains("voice_f0", "mean_speaking", "arousal");
        assertThat(Files.readString(results.resolve("report.html"))).contains("Arousal and the voice", "voice_f0 (pitch), mean while speaking");

        Path quiet = dir.resolve("quiet.csv"), quietStudy = dir.resolve("quiet");
        Files.write(quiet, List.of("participant,condition,video,duration", "f1,women," + shared("training/clips/p17a.mp4") + ",2",
                "m1,men," + shared("training/clips/p23.mp4") + ",2"));
        assertThat(CliRun.of("study", "run", quiet.toString(), "-o", quietStudy.toString(), "--no-voice").exitCode()).isZero();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + quietStudy.resolve("study.duckdb"));
             Statement sql = db.createStatement();
             ResultSet r = sql.executeQuery("SELECT count(*) FILTER (WHERE signal LIKE 'voice_%'), count(*) FROM metrics")) {
            r.next();
            assertThat(r.getLong(1)).as("voice metrics with --no-voice").isZero();
            assertThat(r.getLong(2)).as("the face's metrics").isPositive();
        }
    }

    /**
     * Another tool's AU files as a study's recordings: OpenFace 2.0.6's outputs in shared/reference, read as OpenFace
     * coded them (no model runs). A participant's AU12 mean must be the mean of the file's own AU12_r over its
     * successful frames; and a comparison that would set OpenFace's codes against the pipeline's is refused.
     */
    @Test
    void aStudyReadsOtherToolsFilesAndKeepsToolsApart(@TempDir Path dir) throws Exception {
        Path manifest = dir.resolve("manifest.csv");
        Files.write(manifest, List.of("participant,condition,video",
                "p1,A," + shared("reference/single_face.csv.gz"),
                "p2,A," + shared("reference/WolfgangLanger_Pexels.csv.gz"),
                "p3,B," + shared("reference/cap12_edit.csv.gz"),
                "p4,B," + shared("reference/noface_face.csv.gz")));
        Path study = dir.resolve("study");
        CliRun run = CliRun.of("study", "run", manifest.toString(), "-o", study.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("4 done, 0 skipped, 0 failed");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + study.resolve("study.duckdb"));
             Statement sql = db.createStatement();
             ResultSet r = sql.executeQuery("SELECT m.value, v.extractor FROM metrics m JOIN videos v USING (video_id) "
                     + "WHERE m.participant = 'p1' AND m.signal = 'AU12' AND m.statistic = 'mean'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getDouble(1)).isCloseTo(meanOfSuccessful(shared("reference/single_face.csv.gz"), "AU12_r"), within(1e-5));
            assertThat(r.getString(2)).startsWith("coded by OpenFace");
        }
        CliRun compare = CliRun.of("study", "compare", study.toString(), "--a", "A", "--b", "B");
        assertThat(compare.exitCode()).as(compare.err()).isZero();

        Path mixed = dir.resolve("mixed.csv");
        Files.write(mixed, List.of("participant,condition,video",
                "p1,A," + shared("reference/single_face.csv.gz"),
                "p5,B," + shared("media/single_face.mp4")));
        Path mixedStudy = dir.resolve("mixed");
        assertThat(CliRun.of("study", "run", mixed.toString(), "-o", mixedStudy.toString()).exitCode()).isZero();
        CliRun refused = CliRun.of("study", "compare", mixedStudy.toString(), "--a", "A", "--b", "B");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("different sources").contains("coded by OpenFace: 1").contains("facsflow pipeline: 1");
    }

    /** The mean of {@code column} over an OpenFace CSV's rows with success 1, read here without facsflow's readers. */
    private static double meanOfSuccessful(Path gzCsv, String column) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gzCsv)),
                StandardCharsets.UTF_8))) {
            List<String> header = List.of(lines.readLine().split(",\\s*"));
            int value = header.indexOf(column), success = header.indexOf("success");
            double sum = 0;
            int n = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] cells = line.split(",\\s*");
                if (!cells[success].equals("1")) continue;
                sum += Double.parseDouble(cells[value]);
                n++;
            }
            return sum / n;
        }
    }
}
