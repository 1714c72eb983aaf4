package org.facsflow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.facsflow.media.TestVideos.FPS;
import static org.facsflow.media.TestVideos.HEIGHT;
import static org.facsflow.media.TestVideos.LEFT;
import static org.facsflow.media.TestVideos.WIDTH;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.facsflow.models.SharedFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoSourcesTest {
    private static final int COLOUR_TOLERANCE = 12; // lossy codecs and 4:2:0 chroma

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"clip.mp4, mp4, MPEG4", "clip.mkv, matroska, MJPEG", "clip.avi, avi, MJPEG"})
    void decodesGeneratedVideoWithItsFramesSizeColoursAndTimes(String name, String format, String codec)
            throws Exception {
        Path file = dir.resolve(name);
        TestVideos.write(file, format, codecId(codec), TestVideos.frames(30));

        try (VideoSource video = VideoSources.open(file.toString())) {
            assertThat(video.width()).isEqualTo(WIDTH);
            assertThat(video.height()).isEqualTo(HEIGHT);
            assertThat(video.frameRate()).isCloseTo(FPS, within(1e-6));
            assertThat(video.frameCountEstimate()).isEqualTo(30);
            List<RgbImage> frames = readAll(video);
            assertThat(frames).hasSize(30);
            for (int i = 0; i < frames.size(); i++) {
                RgbImage frame = frames.get(i);
                assertThat(frame.width()).isEqualTo(WIDTH);
                assertThat(frame.height()).isEqualTo(HEIGHT);
                assertThat(frame.timestampSeconds()).as("frame %d", i).isCloseTo(i / FPS, within(0.001));
                for (int y : new int[] {0, HEIGHT / 2, HEIGHT - 1}) {
                    assertColour(frame, WIDTH / 4, y, LEFT);
                    assertColour(frame, 3 * WIDTH / 4, y, TestVideos.right(i));
                }
            }
        }
    }

    @Test
    void timestampsFollowTheContainerWhenFramesAreMissing() throws Exception {
        Path file = dir.resolve("gaps.mkv");
        int[] indices = {0, 1, 2, 5, 6, 10, 11, 20};
        TestVideos.write(file, "matroska", avcodec.AV_CODEC_ID_MJPEG, indices);

        try (VideoSource video = VideoSources.open(file.toString())) {
            List<RgbImage> frames = readAll(video);
            assertThat(frames).hasSize(indices.length);
            for (int i = 0; i < indices.length; i++) {
                assertThat(frames.get(i).timestampSeconds()).isCloseTo(indices[i] / FPS, within(0.001));
                assertColour(frames.get(i), 3 * WIDTH / 4, HEIGHT / 2, TestVideos.right(indices[i]));
            }
        }
    }

    @Test
    void timestampsCountFromTheStartOfTheSource() throws Exception {
        Path file = dir.resolve("late.mp4");
        TestVideos.write(file, "mp4", avcodec.AV_CODEC_ID_MPEG4, 15, 16, 17); // the stream starts at 0.5 s

        try (VideoSource video = VideoSources.open(file.toString())) {
            assertThat(timestamps(video)).containsExactly(new double[] {0, 1 / FPS, 2 / FPS}, within(0.001));
        }
    }

    @Test
    void lavfiSourceGivesFramesOfTheRequestedSize() throws Exception {
        try (VideoSource video = VideoSources.open("lavfi:testsrc2=size=66x50:rate=25")) {
            assertThat(video.frameRate()).isEqualTo(25);
            assertThat(video.frameCountEstimate()).isEqualTo(-1);
            for (int i = 0; i < 3; i++) {
                RgbImage frame = video.next();
                assertThat(frame.width()).isEqualTo(66);
                assertThat(frame.height()).isEqualTo(50);
                assertThat(frame.timestampSeconds()).isCloseTo(i / 25.0, within(1e-6));
            }
        }
    }

    @Test
    void decodesSingleFaceVideo() throws Exception {
        Path file = sharedMedia("single_face.mp4");
        try (VideoSource video = VideoSources.open(file.toString())) {
            assertThat(video.width()).isEqualTo(640);
            assertThat(video.height()).isEqualTo(360);
            assertThat(video.frameRate()).isCloseTo(30, within(1e-6));
            double[] times = timestamps(video);
            assertThat(times).hasSize(72);
            assertThat(video.frameCountEstimate()).isEqualTo(72);
            for (int i = 0; i < times.length; i++) assertThat(times[i]).isCloseTo(i / 30.0, within(0.001));
        }
    }

    @Test
    void variableFrameRateVideoKeepsItsPresentationTimes() throws Exception {
        Path file = sharedMedia("face_noface.mov");
        try (VideoSource video = VideoSources.open(file.toString())) {
            assertThat(video.width()).isEqualTo(960);
            assertThat(video.height()).isEqualTo(540);
            assertThat(video.frameRate()).isCloseTo(26.4, within(0.1));
            double[] times = timestamps(video);
            assertThat(times).hasSize(169);
            assertThat(video.frameCountEstimate()).isEqualTo(169);
            assertThat(times).isSorted().doesNotHaveDuplicates();
            // At 30 fps the last frame would be at 168/30 = 5.6 s; the container says about 168/26.4 = 6.36 s.
            assertThat(times[168]).isCloseTo(168 / 26.4, within(0.1));
        }
    }

    @Test
    void missingFileIsReported() {
        Path file = dir.resolve("absent.mp4");
        assertFails(file.toString(), file + ": file not found");
    }

    @Test
    void directoryIsReported() {
        assertFails(dir.toString(), dir + ": is a directory, not a file");
    }

    @Test
    void emptyFileIsReported() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.mp4"));
        assertFails(file.toString(), file + ": empty file (0 bytes)");
    }

    @Test
    void textFileNamedMp4IsNotAVideo() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.mp4"), "these are my notes, not a video\n");
        assertFails(file.toString(), file + ": not a video, or damaged (Invalid data found when processing input)");
    }

    @Test
    void truncatedVideoIsReported() throws Exception {
        Path whole = dir.resolve("whole.mp4");
        TestVideos.write(whole, "mp4", avcodec.AV_CODEC_ID_MPEG4, TestVideos.frames(30));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
        assertFails(cut.toString(), cut + ": not a video, or damaged (");
    }

    @Test
    void fileWithoutVideoIsReported() throws Exception {
        Path file = dir.resolve("sound.wav");
        TestVideos.writeAudioOnly(file);
        assertFails(file.toString(), file + ": no video stream");
    }

    @Test
    void missingCameraIsReported() {
        assertFails("camera:63", "camera:63: no such camera (/dev/video63 does not exist)");
        assertFails("camera:front", "camera:front: not a camera number (use camera:0, camera:1, ...)");
    }

    @Test
    void badFilterGraphIsReported() {
        assertFails("lavfi:nosuchfilter=size=8x8", "lavfi:nosuchfilter=size=8x8: cannot open the filter graph (");
    }

    private static void assertFails(String spec, String messageStart) {
        assertThatThrownBy(() -> VideoSources.open(spec).close())
                .isInstanceOf(MediaException.class)
                .message().startsWith(messageStart).doesNotContain("\n");
    }

    static void assertColour(RgbImage image, int x, int y, int[] expected) {
        int p = (y * image.width() + x) * 3;
        for (int k = 0; k < 3; k++)
            assertThat(image.rgb()[p + k] & 0xff).as("channel %d at (%d, %d)", k, x, y)
                    .isCloseTo(expected[k], within(COLOUR_TOLERANCE));
    }

    private static List<RgbImage> readAll(VideoSource video) throws MediaException {
        List<RgbImage> frames = new ArrayList<>();
        for (RgbImage frame = video.next(); frame != null; frame = video.next()) frames.add(frame);
        return frames;
    }

    private static double[] timestamps(VideoSource video) throws MediaException {
        return readAll(video).stream().mapToDouble(RgbImage::timestampSeconds).toArray();
    }

    private static int codecId(String name) {
        return switch (name) {
            case "MPEG4" -> avcodec.AV_CODEC_ID_MPEG4;
            case "MJPEG" -> avcodec.AV_CODEC_ID_MJPEG;
            default -> throw new IllegalArgumentException(name);
        };
    }

    static Path sharedMedia(String name) {
        return SharedFolder.require("media/" + name);
    }
}
