package org.facsflow.apps;

import static org.facsflow.apps.SharedFiles.shared;

import org.facsflow.interop.elan.AnalysisAnnotations;
import org.facsflow.interop.elan.EafReader;
import org.facsflow.interop.elan.FacsflowEaf;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoOpener;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.PipelineSettings;
import org.facsflow.pipeline.VideoInput;
import org.facsflow.pipeline.table.ResultCsvWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code facsflow analyze} on videos, cameras and filter graphs, with the real models: rows per frame, timestamps,
 * success where faces come and go (against OpenFace's reference), bad input, atomic output, the bench command.
 */
class VideoAnalysisTest {
    private static Pipeline pipeline;

    @BeforeAll
    static void loadModels() {
        pipeline = Pipeline.load(AssetStore.standard(), PipelineSettings.DEFAULT.withMeasuringThreads(1));
    }

    @AfterAll
    static void closeModels() {
        pipeline.close();
    }

    @Test
    void singleFaceGivesOneRowPerDecodedFrameWithTheContainersTimestamps(@TempDir Path dir) throws Exception {
        Path video = shared("media/single_face.mp4");
        CliRun run = CliRun.of("analyze", video.toString(), "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, String>> rows = csv(dir.resolve("single_face.csv"), ",");
        List<Double> decoded = new ArrayList<>();
        try (VideoSource source = VideoSources.open(video.toString())) {
            for (RgbImage frame; (frame = source.next()) != null; ) decoded.add(frame.timestampSeconds());
        }
        assertThat(rows).hasSize(72).hasSize(decoded.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            assertThat(Long.parseLong(row.get("frame"))).isEqualTo(i + 1);
            assertThat(Double.parseDouble(row.get("timestamp"))).isCloseTo(decoded.get(i), org.assertj.core.data.Offset.offset(0.0006));
            assertThat(row.get("face_id")).isEqualTo("0");
            assertThat(row.get("success")).isEqualTo("1");
            assertThat(Double.parseDouble(row.get("confidence"))).isGreaterThan(0.5);
        }
    }

    @Test
    void aFolderOfFramesIsOneVideoTimedByTheGivenRate(@TempDir Path dir) throws Exception {
        // The first 12 frames of a real video as PNGs (lossless), named so that name order would misplace f10-f12.
        Path video = shared("media/single_face.mp4"), frames = Files.createDirectory(dir.resolve("clip01"));
        double rate;
        try (VideoSource source = VideoSources.open(video.toString())) {
            rate = source.frameRate();
            for (int i = 1; i <= 12; i++) {
                RgbImage f = source.next();
                java.awt.image.BufferedImage png = new java.awt.image.BufferedImage(f.width(), f.height(),
                        java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
                for (int y = 0; y < f.height(); y++)
                    for (int x = 0; x < f.width(); x++) {
                        int p = 3 * (y * f.width() + x);
                        png.setRGB(x, y, (f.rgb()[p] & 0xff) << 16 | (f.rgb()[p + 1] & 0xff) << 8 | (f.rgb()[p + 2] & 0xff));
                    }
                javax.imageio.ImageIO.write(png, "png", frames.resolve("f" + i + ".png").toFile());
            }
        }
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("analyze", "frames:" + frames, "--frame-rate", String.valueOf(rate), "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, String>> rows = csv(out.resolve("clip01.csv"), ",");
        CliRun asVideo = CliRun.of("analyze", video.toString(), "--max-frames", "12", "-o", dir.resolve("video").toString());
        assertThat(asVideo.exitCode()).as(asVideo.err()).isZero();
        List<Map<String, String>> videoRows = csv(dir.resolve("video/single_face.csv"), ",");
        assertThat(rows).hasSize(12).hasSize(videoRows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            assertThat(Long.parseLong(row.get("frame"))).isEqualTo(i + 1);
            assertThat(Double.parseDouble(row.get("timestamp"))).isCloseTo(i / rate, org.assertj.core.data.Offset.offset(0.0006));
            assertThat(row.get("face_id")).isEqualTo("0");
            assertThat(row.get("success")).isEqualTo("1");
            // The same pixels at the same times: the same measurements as the video itself.
            for (String column : List.of("pose_Rx", "pose_Ry", "x_30", "y_30", "AU12_r"))
                assertThat(Double.parseDouble(row.get(column))).as("frame %d %s", i + 1, column)
                        .isCloseTo(Double.parseDouble(videoRows.get(i).get(column)), org.assertj.core.data.Offset.offset(0.02));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"face_noface", "noface_face"})
    void successFollowsTheFaceComingAndGoingLikeOpenFaces(String clip, @TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("analyze", shared("media/" + clip + ".mov").toString(), "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<Long, Integer> ours = new TreeMap<>();
        for (Map<String, String> row : csv(dir.resolve(clip + ".csv"), ","))
            ours.merge(Long.parseLong(row.get("frame")), Integer.parseInt(row.get("success")), Math::max);
        Map<Long, Integer> reference = new TreeMap<>();
        for (Map<String, String> row : gzipCsv(shared("reference/" + clip + ".csv.gz")))
            reference.put((long) Double.parseDouble(row.get("frame")), (int) Double.parseDouble(row.get("success")));
        assertThat(ours.keySet()).isEqualTo(reference.keySet());
        long agree = reference.keySet().stream().filter(f -> reference.get(f).equals(ours.get(f))).count();
        System.out.printf("%s.mov: success agrees with OpenFace on %d of %d frames%n", clip, agree, reference.size());
        assertThat(agree).isGreaterThanOrEqualTo(Math.round(0.8 * reference.size()));
    }

    @Test
    void aVideoWithoutFacesHasOnlyUnsuccessfulRowsAndExitsThree(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("analyze", shared("media/no_face.mp4").toString(), "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        List<Map<String, String>> rows = csv(dir.resolve("no_face.csv"), ",");
        assertThat(rows).hasSize(95).allMatch(r -> r.get("success").equals("0"));
    }

    @Test
    void aTruncatedVideoIsAClearErrorAndLeavesNoCsv(@TempDir Path dir) throws Exception {
        // The index is at the front of this file, so FFmpeg reads up to the cut without complaint.
        Path cut = dir.resolve("cut.mp4");
        byte[] whole = Files.readAllBytes(shared("media/WolfgangLanger_Pexels.mp4"));
        Files.write(cut, Arrays.copyOf(whole, whole.length / 10));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("analyze", cut.toString(), "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(cut.toString()).contains("truncated");
        assertThat(listing(out)).isEmpty();
    }

    @Test
    void aFailurePartWayLeavesNothingUnderTheFinalNames(@TempDir Path dir) throws Exception {
        VideoOpener failingAfter20 = spec -> new FailingSource(VideoSources.open(spec), 20);
        String video = shared("media/single_face.mp4").toString();
        OutputNames names = OutputNames.assign(dir, List.of(video), i -> VideoJob.SUFFIXES, VideoJob::stem, quiet());
        VideoJob job = new VideoJob(pipeline, failingAfter20, names, new VideoJob.Options(true, false, ResultCsvWriter.PLAIN,
                true, VideoInput.UNLIMITED, Double.POSITIVE_INFINITY), quiet(), quiet());
        assertThatThrownBy(() -> job.analyzeVideo(video))
                .isInstanceOf(MediaException.class).hasMessageContaining("injected");
        assertThat(listing(dir)).as("no CSV, overlay, Parquet or part-file").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"running", "offline", "segment"})
    void everyRowOfAFoundFaceCarriesItsAusAndSaysWhichBaseline(String mode, @TempDir Path dir) throws Exception {
        String video = shared("media/single_face.mp4").toString();
        List<String> args = new ArrayList<>(List.of("analyze", video, "-o", dir.toString()));
        args.addAll(mode.equals("segment") ? List.of("--neutral", "0:00-0:00.5") : List.of("--baseline", mode));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("single_face.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int au12 = header.indexOf("AU12_r"), baseline = header.indexOf("au_baseline"), valence = header.indexOf("valence");
        assertThat(lines).hasSize(73);
        List<String> baselines = new ArrayList<>();
        double maxAu12 = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            baselines.add(cells[baseline]);
            maxAu12 = Math.max(maxAu12, Double.parseDouble(cells[au12]));
            assertThat(Double.parseDouble(cells[valence])).isBetween(-1.0, 1.0);
        }
        // The running baseline codes the first second as stills (the population neutral), then as running.
        if (mode.equals("running")) assertThat(baselines).contains("still", "running");
        else assertThat(baselines).containsOnly(mode);
        assertThat(maxAu12).as("he smiles").isGreaterThan(1);
        assertThat(dir.resolve("single_face_events.csv")).exists();
        // The same episodes in ELAN's format, linked to the video, for review beside it.
        AnalysisAnnotations eaf = FacsflowEaf.read(dir.resolve("single_face.eaf"));
        long events = Files.readAllLines(dir.resolve("single_face_events.csv")).stream().filter(l -> !l.isBlank()).count() - 1;
        assertThat(eaf.events()).hasSize((int) events);
        assertThat(eaf.emotions()).isNotEmpty();
        assertThat(EafReader.read(dir.resolve("single_face.eaf")).media()).hasValueSatisfying(m -> assertThat(m).contains("single_face.mp4"));
    }

    @Test
    void aFolderGoesOnPastABadFileAndListsIt(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(shared("media/single_face.mp4"), in.resolve("a_single.mp4"));
        Files.write(in.resolve("b_broken.mp4"), "not a video at all".getBytes(StandardCharsets.UTF_8));
        Files.copy(shared("media/multi_face.jpg"), in.resolve("c_group.jpg"));
        CliRun run = CliRun.of("analyze", in.toString(), "-o", dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("2 input(s) analysed, 0 without a face, 1 failed").contains("failed: " + in.resolve("b_broken.mp4"));
        assertThat(listing(dir.resolve("out"))).containsExactlyInAnyOrder("a_single.csv", "a_single_events.csv",
                "a_single_cooccurrence.csv", "a_single_circumplex.png", "a_single.eaf", "c_group.csv");
        // The co-occurrence matrix has the AUs the CSV reports: no experimental hand-set AU unless asked for.
        String header = Files.readAllLines(dir.resolve("out/a_single_cooccurrence.csv")).get(0);
        assertThat(header).startsWith("au,AU1,").contains(",AU12,").doesNotContain("AU16").doesNotContain("AU22");
    }

    @Test
    void aMissingCameraIsAClearError(@TempDir Path dir) {
        CliRun run = CliRun.of("analyze", "--camera", "99", "-o", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("camera:99").contains("no such camera");
    }

    @Test
    void aFilterGraphSourceRunsForTheFramesAsked(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("analyze", "lavfi:testsrc2=size=320x240:rate=30", "--max-frames", "12", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3); // a test pattern has no face
        List<Map<String, String>> rows = csv(dir.resolve("lavfi.csv"), ",");
        assertThat(rows).hasSize(12);
        assertThat(rows.get(11).get("frame")).isEqualTo("12");
    }

    @Test
    void overlayAndParquetMatchTheCsv(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("analyze", shared("media/single_face.mp4").toString(), "-o", dir.toString(), "--overlay", "--parquet",
                "--max-frames", "30");
        assertThat(run.exitCode()).as(run.err()).isZero();
        int frames = 0;
        try (VideoSource overlay = VideoSources.open(dir.resolve("single_face_overlay.mp4").toString())) {
            assertThat(overlay.width()).isEqualTo(640);
            while (overlay.next() != null) frames++;
        }
        assertThat(frames).isEqualTo(30);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement();
             ResultSet r = sql.executeQuery("SELECT count(*), sum(success), max(frame), typeof(any_value(pose_Rx)) FROM '"
                     + dir.resolve("single_face.parquet") + "'")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(30);
            assertThat(r.getLong(2)).isEqualTo(30);
            assertThat(r.getLong(3)).isEqualTo(30);
            assertThat(r.getString(4)).isEqualTo("DOUBLE");
        }
    }

    @Test
    void benchReportsFramesStagesAndMemory() {
        CliRun run = CliRun.of("bench", shared("media/single_face.mp4").toString(), "--frames", "20", "--warmup", "0", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"frames\": 20").contains("\"every_frame\": false").contains("\"mesh\": ").contains("\"iris\": ")
                .contains("\"decode\": ").contains("\"write\": ").containsPattern("\"peak_rss_mib\": [1-9]")
                .containsPattern("\"cpu_ms_per_frame\": [1-9]").containsPattern("\"busy_cores\": [0-9]");
    }

    /** A real source that fails like a damaged file after some frames. */
    private static final class FailingSource implements VideoSource {
        private final VideoSource inner;
        private final int framesBeforeFailure;
        private int served;

        FailingSource(VideoSource inner, int framesBeforeFailure) {
            this.inner = inner;
            this.framesBeforeFailure = framesBeforeFailure;
        }

        @Override
        public RgbImage next() throws MediaException {
            if (++served > framesBeforeFailure) throw new MediaException("test", "injected failure", null);
            return inner.next();
        }

        @Override
        public double frameRate() {
            return inner.frameRate();
        }

        @Override
        public int width() {
            return inner.width();
        }

        @Override
        public int height() {
            return inner.height();
        }

        @Override
        public long frameCountEstimate() {
            return inner.frameCountEstimate();
        }

        @Override
        public void close() throws MediaException {
            inner.close();
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    static List<Map<String, String>> csv(Path file, String separator) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            return rows(in, separator);
        }
    }

    private static List<Map<String, String>> gzipCsv(Path file) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            return rows(in, ",");
        }
    }

    private static List<Map<String, String>> rows(BufferedReader in, String separator) throws IOException {
        String[] header = in.readLine().split(separator, -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] cells = line.split(separator, -1);
            Map<String, String> row = new TreeMap<>();
            for (int i = 0; i < header.length; i++) row.put(header[i].trim(), cells[i].trim());
            rows.add(row);
        }
        return rows;
    }

}
