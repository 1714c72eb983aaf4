package org.facsflow.apps;

import org.facsflow.face.FaceAnalyzer;
import org.facsflow.face.FaceObservation;
import org.facsflow.facs.coding.QualityGate;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facsflow.apps.SharedFiles.shared;

/**
 * The occlusion gate on real faces: a skin-coloured patch over the mouth, as a hand would be, makes the 68-point model
 * leave the mesh there, and the lower-face AUs go empty while the upper-face ones stay; on video within the check's
 * schedule (10 times a second) of the cover appearing and leaving.
 */
class OcclusionGateTest {
    private static final int SKIN = 0xc8a08c;
    private static FaceAnalyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = FaceAnalyzer.create(AssetStore.standard());
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    @Test
    void aCoveredMouthIsCaughtOnThreePeople() throws Exception {
        RgbImage[] frames = {frame(shared("media/single_face.mp4"), 31), frame(shared("media/WolfgangLanger_Pexels.mp4"), 31),
                frame(AssetStore.standard().require("video-cap12-edit"), 31)};
        for (RgbImage image : frames) {
            FaceObservation clean = largest(image);
            QualityGate.Verdict open = QualityGate.judge(clean);
            assertThat(open.upper() && open.lower()).as("uncovered: " + clean.occlusion()).isTrue();
            FaceObservation covered = largest(coverMouth(image, clean.landmarks68()));
            QualityGate.Verdict verdict = QualityGate.judge(covered);
            assertThat(verdict.face() && verdict.upper() && !verdict.lower()).as("covered: " + covered.occlusion()).isTrue();
        }
    }

    @Test
    void onVideoTheLowerFaceAUsAreEmptyWhileTheMouthIsCoveredAndOnlyThen(@TempDir Path dir) throws Exception {
        // single_face's 72 frames (30 fps) as PNGs, with the mouth covered in frames 25-54 (0.8 s to 1.8 s).
        Path frames = Files.createDirectory(dir.resolve("covered"));
        try (VideoSource source = VideoSources.open(shared("media/single_face.mp4").toString())) {
            for (int i = 1; i <= 72; i++) {
                RgbImage f = source.next();
                if (i >= 25 && i <= 54) f = coverMouth(f, largest(f).landmarks68());
                ImageIO.write(f.toBufferedImage(), "png", frames.resolve(String.format("f%02d.png", i)).toFile());
            }
        }
        CliRun run = CliRun.of("analyze", "frames:" + frames, "--frame-rate", "30", "-o", dir.resolve("out").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, String>> rows = VideoAnalysisTest.csv(dir.resolve("out/covered.csv"), ",");
        assertThat(rows).hasSize(72);
        for (Map<String, String> row : rows) {
            int frame = Integer.parseInt(row.get("frame"));
            assertThat(row.get("success")).isEqualTo("1");
            assertThat(row.get("AU01_r")).as("upper face, frame %d", frame).isNotEmpty();
            // The check runs every third frame, so the gate may follow the cover by up to two frames.
            if (frame >= 27 && frame <= 54) assertThat(row.get("AU12_r")).as("covered frame %d", frame).isEmpty();
            if (frame <= 24 || frame >= 57) assertThat(row.get("AU12_r")).as("open frame %d", frame).isNotEmpty();
        }
    }

    private static FaceObservation largest(RgbImage image) {
        List<FaceObservation> faces = analyzer.analyzeStill(image);
        assertThat(faces).isNotEmpty();
        return faces.stream().max(Comparator.comparingDouble(f -> f.box().area())).orElseThrow();
    }

    private static RgbImage frame(Path video, int oneBased) throws Exception {
        try (VideoSource source = VideoSources.open(video.toString())) {
            RgbImage f = null;
            for (int i = 0; i < oneBased; i++) f = source.next();
            return f;
        }
    }

    /** The image with the mouth's box (68 points 48-67), widened by 30% and heightened by 60% each side, skin-coloured. */
    private static RgbImage coverMouth(RgbImage image, float[] landmarks68) {
        float minX = Float.MAX_VALUE, minY = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        for (int j = 48; j < 68; j++) {
            minX = Math.min(minX, landmarks68[2 * j]);
            maxX = Math.max(maxX, landmarks68[2 * j]);
            minY = Math.min(minY, landmarks68[2 * j + 1]);
            maxY = Math.max(maxY, landmarks68[2 * j + 1]);
        }
        float w = maxX - minX, h = maxY - minY;
        int x0 = Math.max(0, (int) (minX - 0.3f * w)), x1 = Math.min(image.width(), (int) (maxX + 0.3f * w));
        int y0 = Math.max(0, (int) (minY - 0.6f * h)), y1 = Math.min(image.height(), (int) (maxY + 0.6f * h));
        byte[] px = image.rgb().clone();
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++) {
                int o = (y * image.width() + x) * 3;
                px[o] = (byte) (SKIN >> 16);
                px[o + 1] = (byte) (SKIN >> 8);
                px[o + 2] = (byte) SKIN;
            }
        return new RgbImage(image.width(), image.height(), px, image.timestampSeconds());
    }
}
