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
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
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
    @CsvSource({"clip.mp4, mp4, MPEG4", "clip.mkv, matroska, MJPEG", "clip.avi, avi, MJPEG",
            "clip.wmv, asf, WMV2"})
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

    @Test
    void aVideoTurnedByItsDisplayMatrixComesOutAsPlayersShowIt() throws Exception {
        Path file = dir.resolve("portrait.mp4");
        // Stored landscape, shown turned a quarter counter-clockwise (as `ffmpeg -display_rotation 90`): the stored
        // left half (LEFT) ends at the bottom, the right half on top. VideoSourcesFaceTest checks the same on a real
        // face against FFmpeg's own turn.
        TestVideos.write(file, "mp4", avcodec.AV_CODEC_ID_MPEG4, 90, TestVideos.frames(3));

        try (VideoSource video = VideoSources.open(file.toString())) {
            assertThat(video.width()).isEqualTo(HEIGHT);
            assertThat(video.height()).isEqualTo(WIDTH);
            List<RgbImage> frames = readAll(video);
            assertThat(frames).hasSize(3);
            for (int i = 0; i < frames.size(); i++) {
                RgbImage frame = frames.get(i);
                assertThat(frame.width()).isEqualTo(HEIGHT);
                assertThat(frame.height()).isEqualTo(WIDTH);
                assertThat(frame.timestampSeconds()).isCloseTo(i / FPS, within(0.001));
                assertColour(frame, HEIGHT / 2, 3 * WIDTH / 4, LEFT);
                assertColour(frame, HEIGHT / 2, WIDTH / 4, TestVideos.right(i));
            }
        }
    }

    @Test
    void framesWiderThanStillsMayBeAreRefusedBeforeDecoding() throws Exception {
        Path file = dir.resolve("banner.mkv");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 16400, 16)) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
            recorder.setFrameRate(FPS);
            recorder.start();
            recorder.record(new Frame(16400, 16, Frame.DEPTH_UBYTE, 3), avutil.AV_PIX_FMT_RGB24);
        }
        assertFails(file.toString(), file + ": video frames too large (16400x16; the limit is 16384 pixels a side "
                + "and 100 megapixels)");
    }

    @Test
    void aVideoOfHugeFramesIsRefusedFromItsHeader() throws Exception {
        // A YUV4MPEG header stating 16000 x 16000 frames and one frame's start: 60 bytes that would ask for 768 MB
        // per decoded frame (the MP4 of the report was 2.4 MB and took 5.5 GB).
        Path file = Files.writeString(dir.resolve("huge.y4m"), "YUV4MPEG2 W16000 H16000 F25:1 Ip A1:1 C420jpeg\nFRAME\n");
        assertFails(file.toString(), file + ": video frames too large (16000x16000; the limit is 16384 pixels a side "
                + "and 100 megapixels)");
    }

    @Test
    void aTextFileIsNotAVideo() throws Exception {
        // FFmpeg's text renderer reads a long enough .txt as an ANSI-art video (36 frames for a developer's guide).
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "A line of notes that goes on for a while.\n".repeat(400));
        assertFails(file.toString(), file + ": not an image or video (FFmpeg reads it only as text)");
    }

    @Test
    void aStillImageUnderAnotherNameIsNotAVideo() throws Exception {
        Path file = dir.resolve("photo.dat");
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_3BYTE_BGR);
        assertThat(ImageIO.write(image, "jpg", file.toFile())).isTrue();
        assertFails(file.toString(), file + ": not an image or video facsflow reads: a single JPEG picture; still "
                + "images are read by their extension (jpg, jpeg, png, bmp, gif, tif, tiff, webp)");
    }

    @Test
    void anAnimatedGifIsAVideoWithItsFrameDelays() throws Exception {
        Path file = dir.resolve("animation.gif");
        int[] indices = {0, 3, 6, 15}; // 0, 0.1, 0.2 and 0.5 s: GIF delays are in hundredths of a second
        TestVideos.write(file, "gif", avcodec.AV_CODEC_ID_GIF, indices);

        assertThat(StillImages.isImage(file)).isFalse();
        try (VideoSource video = VideoSources.open(file.toString())) {
            assertThat(timestamps(video)).containsExactly(new double[] {0, 0.1, 0.2, 0.5}, within(0.001));
        }
    }

    @Test
    void underTheCLocaleANameJavaCannotEncodeIsThatInputsProblem() throws Exception {
        // Under LC_ALL=C, Java cannot even name "café.mp4" (InvalidPathException), which ended a whole batch.
        TestVideos.write(dir.resolve("café.mp4"), "mp4", avcodec.AV_CODEC_ID_MPEG4, TestVideos.frames(2));
        assertThat(LocaleProbe.run(dir, "LC_ALL=C", "café.mp4")).contains("café.mp4".replace("é", "??")
                + ": the file name has characters this system's locale cannot encode (ANSI_X3.4-1968); run with a "
                + "UTF-8 locale, e.g. LC_ALL=C.UTF-8");
    }

    @Test
    void theLauncherRunsJavaSoThatItCanNameAnyFileUnderTheCLocale() throws Exception {
        TestVideos.write(dir.resolve("café.mp4"), "mp4", avcodec.AV_CODEC_ID_MPEG4, TestVideos.frames(2));
        assertThat(LocaleProbe.runThroughLauncher(dir, "LC_ALL=C", "café.mp4")).isEqualTo("opened 66x50");
        assertThat(LocaleProbe.runThroughLauncher(dir, "LANG=POSIX", "café.mp4")).isEqualTo("opened 66x50");
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
            case "WMV2" -> avcodec.AV_CODEC_ID_WMV2;
            default -> throw new IllegalArgumentException(name);
        };
    }

    static Path sharedMedia(String name) {
        return SharedFolder.require("media/" + name);
    }
}
