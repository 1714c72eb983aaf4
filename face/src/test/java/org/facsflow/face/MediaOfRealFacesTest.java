package org.facsflow.face;

import org.facsflow.face.track.FaceTracker;
import org.facsflow.face.track.TrackedFace;
import org.facsflow.face.track.TrackerSettings;
import org.facsflow.media.RgbImage;
import org.facsflow.media.StillImages;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Media a user brings, made at test time with the bundled ffmpeg from real faces: a phone-style portrait video (the
 * display matrix turns it), a WebP still and an animated GIF of two people. Each must be measured as a viewer sees it.
 */
class MediaOfRealFacesTest {
    @TempDir
    Path dir;

    @Test
    void aVideoTurnedByItsDisplayMatrixIsMeasuredUpright() throws Exception {
        // As a phone stores portrait video: the picture sideways (the head turned a quarter clockwise), and a display
        // matrix that turns it a quarter counter-clockwise for showing.
        Path sideways = dir.resolve("sideways.mp4"), turned = dir.resolve("portrait.mp4");
        BundledFfmpeg.run("-i", TestAssets.shared("media/single_face.mp4").toString(), "-an", "-vf", "transpose=clock",
                "-c:v", "mpeg4", "-q:v", "2", sideways.toString());
        BundledFfmpeg.run("-display_rotation", "90", "-i", sideways.toString(), "-c", "copy", turned.toString());
        FaceTracker tracker = FaceTracker.create(TestAssets.analyzer(), TrackerSettings.DEFAULT);
        try (VideoSource video = VideoSources.open(turned.toString())) {
            // Stored 360 x 640, shown (and read) 640 x 360, as the original.
            assertThat(video.width()).isEqualTo(640);
            assertThat(video.height()).isEqualTo(360);
            for (int i = 0; i < 15; i++) {
                RgbImage frame = video.next();
                assertThat(frame.width()).isEqualTo(640);
                List<TrackedFace> faces = tracker.track(frame);
                assertThat(faces).hasSize(1);
                // Upright: OpenFace reads -0.001 rad of roll on this man; a sideways frame read about -1.55.
                assertThat(faces.get(0).raw().pose().rz()).as("roll, frame %d", i).isCloseTo(0, within(0.15f));
            }
        }
    }

    @Test
    void aWebpStillIsMeasuredLikeTheJpegItWasMadeFrom() throws Exception {
        Path jpeg = TestAssets.store().require("still-audrey"), webp = dir.resolve("audrey.webp");
        BundledFfmpeg.run("-i", jpeg.toString(), "-c:v", "libwebp", "-quality", "90", webp.toString());

        List<FaceObservation> fromWebp = TestAssets.analyzer().analyzeStill(StillImages.read(webp));
        List<FaceObservation> fromJpeg = TestAssets.analyzer().analyzeStill(StillImages.read(jpeg));
        assertThat(fromWebp).hasSize(1);
        assertThat(fromJpeg).hasSize(1);
        float[] a = fromWebp.get(0).landmarks68(), b = fromJpeg.get(0).landmarks68();
        double mean = 0;
        for (int i = 0; i < a.length; i += 2) mean += Math.hypot(a[i] - b[i], a[i + 1] - b[i + 1]) / (a.length / 2.0);
        assertThat(mean).as("mean landmark distance, px").isLessThan(2);
    }

    @Test
    void anAnimatedGifOfTwoPeopleIsAVideoInWhichBothAreFound() throws Exception {
        Path gif = dir.resolve("two.gif");
        // Two seconds at 10 frames a second (GIF delays of 0.1 s): one woman, joined after a second by a man.
        String cell = "scale=320:240:force_original_aspect_ratio=decrease,pad=320:240:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=10";
        BundledFfmpeg.run("-loop", "1", "-t", "2", "-i", TestAssets.store().require("still-audrey").toString(),
                "-loop", "1", "-t", "1", "-i", TestAssets.store().require("still-seanconnery").toString(),
                "-filter_complex", "[0:v]" + cell + "[a];[1:v]" + cell + ",tpad=start_duration=1:color=black[b];"
                        + "[a][b]hstack[v]", "-map", "[v]", gif.toString());

        assertThat(StillImages.isImage(gif)).as("an animation is not a still").isFalse();
        FaceTracker tracker = FaceTracker.create(TestAssets.analyzer(), TrackerSettings.DEFAULT);
        Map<Integer, List<Double>> seen = new TreeMap<>();
        List<Double> times = new ArrayList<>();
        try (VideoSource video = VideoSources.open(gif.toString())) {
            for (RgbImage frame; (frame = video.next()) != null; ) {
                times.add(frame.timestampSeconds());
                for (TrackedFace face : tracker.track(frame))
                    if (face.success()) seen.computeIfAbsent(face.faceId(), id -> new ArrayList<>()).add(frame.timestampSeconds());
            }
        }
        assertThat(times).hasSize(20);
        assertThat(times.get(19)).isCloseTo(1.9, within(0.011));
        assertThat(seen).as("faces by id").hasSize(2);
        assertThat(seen.get(0)).hasSizeGreaterThan(15);
        assertThat(seen.get(1)).allMatch(t -> t >= 1).hasSizeGreaterThan(3);
    }
}
