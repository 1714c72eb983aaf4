package org.facsflow.apps;

import org.facsflow.media.MediaException;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facsflow.apps.SharedFiles.shared;

/**
 * A small between-subject study on real face videos (different clips as participants, one of them a folder of
 * frames) through the real face and AU pipeline: run, rerun (resumed), rerun after a frame was removed, compare with
 * a report. Five participants cannot show an effect; the point is that every stage runs on real data and says so
 * honestly.
 */
class StudyEndToEndTest {

    @Test
    void aStudyOfRealClipsRunsResumesAndReports(@TempDir Path dir) throws IOException, MediaException {
        Path frames = Files.createDirectories(dir.resolve("p5 frames"));
        try (VideoSource source = VideoSources.open(shared("media/single_face.mp4").toString())) {
            for (int i = 1; i <= 30; i++)
                ImageIO.write(source.next().toBufferedImage(), "png", frames.resolve("frame" + i + ".png").toFile());
        }
        Path manifest = dir.resolve("manifest.csv");
        Files.write(manifest, List.of("participant,condition,video,frame_rate",
                "p1,AdA," + shared("media/single_face.mp4") + ",",
                "p2,AdA," + shared("media/face_noface.mov") + ",",
                "p3,AdB," + shared("media/noface_face.mov") + ",",
                "p4,AdB," + AssetStore.standard().require("video-cap13-edit2") + ",",
                "p5,AdA,p5 frames,25"));
        Path study = dir.resolve("study");

        CliRun first = CliRun.of("study", "run", manifest.toString(), "-o", study.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("5 done, 0 skipped, 0 failed");
        assertThat(study.resolve("study.duckdb")).exists();

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
}
