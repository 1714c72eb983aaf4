package org.facsflow.spark;

import org.apache.spark.sql.SparkSession;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.facsflow.models.AssetStore;
import org.facsflow.models.SharedFolder;
import org.facsflow.pipeline.table.Column;
import org.facsflow.study.PipelineExtractor;
import org.facsflow.study.Recording;
import org.facsflow.study.RunProgress;
import org.facsflow.study.StudyData;
import org.facsflow.study.StudyManifest;
import org.facsflow.study.StudyRunner;
import org.facsflow.study.VideoStatus;
import org.facsflow.study.compare.ComparisonResult;
import org.facsflow.study.compare.MetricTest;
import org.facsflow.study.compare.StudyComparison;
import org.facsflow.study.metrics.MetricKey;
import org.facsflow.study.metrics.MetricSettings;
import org.facsflow.study.metrics.Signals;
import org.facsflow.study.metrics.StudyMetrics;
import org.facsflow.study.metrics.VideoSummary;
import org.facsflow.study.report.StudyReport;
import org.facsflow.study.stats.StatsSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small real study (four short clips of ../shared/media, one of them a 60-frame cut, a talking one of
 * ../shared/training, and one broken file) through
 * {@code study run} and through the Spark job on local[2]: the same metrics and the same comparison, to the last bit;
 * the frames stored with analyze's declared columns, partitioned by condition and participant; the broken video
 * tried twice and reported, never dropped; a rerun skips what is complete.
 */
class SparkStudyTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkRun.session("local[2,2]", Map.of("spark.sql.shuffle.partitions", "2"));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void sparkRunGivesTheNumbersOfStudyRunAndReportsWhatFailed() throws Exception {
        Path manifestFile = manifest();
        StudyManifest manifest = StudyManifest.read(manifestFile);

        Path studyDir = dir.resolve("study");
        new StudyRunner(() -> new PipelineExtractor(AssetStore.standard()), PipelineExtractor.extractionSettings(true), 2, new StudyMetrics(MetricSettings.DEFAULT),
                RunProgress.silent()).run(manifest, studyDir, false);
        StudyData local = StudyData.open(studyDir);
        ComparisonResult localComparison = new StudyComparison(MetricSettings.DEFAULT, StatsSettings.DEFAULT)
                .compare(local, "A", "B");

        String out = dir.resolve("spark").toString();
        SparkStudy.Options options = new SparkStudy.Options(manifestFile.toString(), out, null, false, null, null, false);
        SparkStudy.Result first = new SparkStudy(spark, System.err).run(options);

        // the broken video: tried twice (local[2,2]), then reported with its name; the others done at the first try
        assertThat(first.outcomes()).extracting(VideoOutcome::id, VideoOutcome::state, VideoOutcome::attempts).containsExactly(
                tuple("p1_A", VideoStatus.State.DONE, 1), tuple("p2_A", VideoStatus.State.DONE, 1),
                tuple("p3_A", VideoStatus.State.DONE, 1), tuple("p4_B", VideoStatus.State.DONE, 1),
                tuple("p5_B", VideoStatus.State.DONE, 1), tuple("p6_B", VideoStatus.State.FAILED, 2));
        assertThat(first.outcomes().get(5).reason()).contains("broken.mp4");
        assertThat(Files.readAllLines(Path.of(out, "videos.csv"))).hasSize(7).last().asString()
                .startsWith("p6_B,p6,B,").contains(",failed,2,0,");

        // every recording's metrics, curves, co-occurrence and frame counts are the study's, bit for bit
        List<Recording> complete = local.videos().stream().filter(StudyData.StoredVideo::complete)
                .map(StudyData.StoredVideo::recording).toList();
        List<VideoSummary> expected = local.summaries(complete, new StudyMetrics(MetricSettings.DEFAULT));
        assertThat(expected).hasSize(5);
        for (VideoSummary e : expected) {
            VideoSummary s = first.summaries().get(e.recording().id());
            assertThat(s.metrics()).as(e.recording().id()).isEqualTo(e.metrics());
            assertThat(Arrays.deepEquals(s.curves(), e.curves())).as(e.recording().id() + " curves").isTrue(); // NaN = NaN
            assertThat(Arrays.deepEquals(s.coOccurrence(), e.coOccurrence())).as(e.recording().id() + " co-occurrence").isTrue();
            assertThat(s.quality()).isEqualTo(e.quality());
        }
        assertThat(expected.get(0).metrics()).isNotEmpty();
        assertThat(first.summaries().get("p5_B").metric(MetricKey.of(Signals.VOICE_F0, MetricKey.WHILE_SPEAKING)))
                .as("the talking clip's pitch, as study run has it").isBetween(165.0, 255.0);
        // ... and so is the comparison: every test of every metric, the group curves, co-occurrence and quality
        assertThat(first.comparison().tests()).map(MetricTest::toString)
                .containsExactlyElementsOf(localComparison.tests().stream().map(MetricTest::toString).toList());
        assertThat(first.comparison().tests()).anyMatch(t -> t.result().tested());
        Path localCsvs = dir.resolve("compare-local");
        StudyReport.write(localComparison, localCsvs, false);
        for (String csv : List.of("stats.csv", "metrics.csv", "curves.csv", "cooccurrence.csv", "quality.csv"))
            assertThat(Files.readString(Path.of(out, "compare-A-vs-B", csv))).as(csv).isEqualTo(Files.readString(localCsvs.resolve(csv)));
        assertThat(first.comparison().leftOut()).map(SparkStudyTest::whom)
                .isEqualTo(localComparison.leftOut().stream().map(SparkStudyTest::whom).toList()).containsExactly("p6 B");

        // the frames: analyze's declared columns and types, then the study keys from the folders (hive partitions)
        Path frames = Path.of(out, "frames", "condition=A", "participant=p1", "p1_A.parquet");
        assertThat(Path.of(out, "frames", "condition=A", "participant=p1", "_p1_A.parquet.sha256")).exists();
        List<String> declared = new ArrayList<>(), stored = new ArrayList<>();
        for (Column c : FrameTable.COLUMNS.columns()) declared.add(c.sqlName() + " " + c.type().sql());
        declared.addAll(List.of("condition VARCHAR", "participant VARCHAR"));
        try (var c = DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement();
             ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + frames + "')")) {
            while (rs.next()) stored.add(rs.getString(1) + " " + rs.getString(2));
        }
        assertThat(stored).isEqualTo(declared);

        // a rerun skips what is complete, tries the broken video again, and gives the same numbers
        SparkStudy.Result again = new SparkStudy(spark, System.err).run(options);
        assertThat(again.outcomes()).extracting(VideoOutcome::state).containsExactly(VideoStatus.State.SKIPPED,
                VideoStatus.State.SKIPPED, VideoStatus.State.SKIPPED, VideoStatus.State.SKIPPED,
                VideoStatus.State.SKIPPED, VideoStatus.State.FAILED);
        assertThat(again.comparison().tests().toString()).isEqualTo(first.comparison().tests().toString());
    }

    /**
     * Between-subject, three clips per condition: A single_face, noface_face and the first 60 frames of
     * WolfgangLanger (re-encoded here); B face_noface's first 3 s, a woman talking (training/clips/p17a, with its
     * sound) from 1 s for 2.5 s, and a file that is no video.
     */
    private Path manifest() throws Exception {
        Path media = SharedFolder.require("media");
        Path cut = dir.resolve("wolfgang60.mp4"), broken = dir.resolve("broken.mp4");
        try (FFmpegFrameGrabber source = new FFmpegFrameGrabber(media.resolve("WolfgangLanger_Pexels.mp4").toFile())) {
            source.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(cut.toFile(), source.getImageWidth(), source.getImageHeight())) {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                recorder.setFrameRate(source.getFrameRate());
                recorder.setVideoQuality(2);
                recorder.start();
                for (int i = 0; i < 60; i++) recorder.record(source.grabImage());
            }
        }
        Files.writeString(broken, "not a video");
        Path manifest = dir.resolve("manifest.csv");
        Files.writeString(manifest, String.join("\n",
                "participant,condition,video,onset,duration",
                "p1,A," + media.resolve("single_face.mp4") + ",,",
                "p2,A," + media.resolve("noface_face.mov") + ",,",
                "p3,A," + cut + ",,",
                "p4,B," + media.resolve("face_noface.mov") + ",0,3",
                "p5,B," + SharedFolder.require("training/clips/p17a.mp4") + ",1,2.5",
                "p6,B," + broken + ",,") + "\n");
        return manifest;
    }

    /** "p6 B" of "p6 B: extraction failed (...)". */
    private static String whom(String leftOut) {
        return leftOut.substring(0, leftOut.indexOf(':'));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
