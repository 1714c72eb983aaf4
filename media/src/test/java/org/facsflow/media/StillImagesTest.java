package org.facsflow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StillImagesTest {
    private static final int W = 40;
    private static final int H = 30;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "tiff"})
    void losslessRgbFormatsKeepEveryValue(String format) throws Exception {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) image.setRGB(x, y, new Color(x * 6, y * 8, (x + y) * 3).getRGB());

        RgbImage rgb = StillImages.read(write(image, format));

        assertThat(rgb.width()).isEqualTo(W);
        assertThat(rgb.height()).isEqualTo(H);
        assertThat(rgb.timestampSeconds()).isZero();
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) assertPixel(rgb, x, y, x * 6, y * 8, (x + y) * 3);
    }

    @Test
    void jpegDecodesToItsColours() throws Exception {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        fill(image, 0, 0, W / 2, H, new Color(220, 30, 30));
        fill(image, W / 2, 0, W / 2, H, new Color(30, 30, 220));

        RgbImage rgb = StillImages.read(write(image, "jpg"));

        assertNear(rgb, W / 4, H / 2, 220, 30, 30);
        assertNear(rgb, 3 * W / 4, H / 2, 30, 30, 220);
    }

    @Test
    void grayIsReplicatedWithoutGammaChange() throws Exception {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) raster.setSample(x, y, 0, x * 6);

        RgbImage rgb = StillImages.read(write(image, "png"));

        assertPixel(rgb, 0, 0, 0, 0, 0);
        assertPixel(rgb, 20, 5, 120, 120, 120); // a gamma conversion would move mid-grays
        assertPixel(rgb, 39, 29, 234, 234, 234);
    }

    @Test
    void sixteenBitGrayIsScaledToEightBits() throws Exception {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        raster.setSample(0, 0, 0, 65535);
        raster.setSample(1, 0, 0, 257 * 100);
        raster.setSample(2, 0, 0, 257 * 100 + 129); // 100.502: rounds up
        raster.setSample(3, 0, 0, 0);

        RgbImage rgb = StillImages.read(write(image, "png"));

        assertPixel(rgb, 0, 0, 255, 255, 255);
        assertPixel(rgb, 1, 0, 100, 100, 100);
        assertPixel(rgb, 2, 0, 101, 101, 101);
        assertPixel(rgb, 3, 0, 0, 0, 0);
    }

    @Test
    void sixteenBitRgbWithAlphaFromACustomRasterIsScaledAndCompositedOnBlack() throws Exception {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(W, H);
        raster.setPixel(0, 0, new int[] {65535, 257 * 50, 0, 65535});
        raster.setPixel(1, 0, new int[] {65535, 65535, 65535, 0});
        raster.setPixel(2, 0, new int[] {257 * 200, 0, 0, 257 * 128});
        BufferedImage image = new BufferedImage(cm, raster, false, null);

        RgbImage rgb = StillImages.read(write(image, "png"));

        assertPixel(rgb, 0, 0, 255, 50, 0);
        assertPixel(rgb, 1, 0, 0, 0, 0);
        assertPixel(rgb, 2, 0, 100, 0, 0); // 200 * 128 / 255
    }

    @Test
    void rgbaPngIsCompositedOnBlack() throws Exception {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, new Color(10, 20, 30, 255).getRGB());
        image.setRGB(1, 0, new Color(250, 250, 250, 0).getRGB());
        image.setRGB(2, 0, new Color(200, 100, 50, 51).getRGB());

        RgbImage rgb = StillImages.read(write(image, "png"));

        assertPixel(rgb, 0, 0, 10, 20, 30);
        assertPixel(rgb, 1, 0, 0, 0, 0);
        assertPixel(rgb, 2, 0, 40, 20, 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gif", "png", "bmp"})
    void paletteImagesLookUpTheirColours(String format) throws Exception {
        // 4 bits a pixel, packed two to a byte; a full 16-entry palette, as the JDK's BMP writer needs one
        byte[] r = new byte[16], g = new byte[16], b = new byte[16];
        r[0] = (byte) 255;
        g[1] = (byte) 255;
        b[2] = (byte) 255;
        r[3] = 7;
        g[3] = 77;
        b[3] = (byte) 177;
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(4, 16, r, g, b));
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) raster.setSample(x, y, 0, (x / 10) % 4);

        RgbImage rgb = StillImages.read(write(image, format));

        assertPixel(rgb, 5, 3, 255, 0, 0);
        assertPixel(rgb, 15, 3, 0, 255, 0);
        assertPixel(rgb, 25, 29, 0, 0, 255);
        assertPixel(rgb, 35, 0, 7, 77, 177);
    }

    @Test
    void transparentPaletteEntryBecomesBlack() throws Exception {
        byte[] r = {(byte) 200, 0}, g = {(byte) 100, 0}, b = {50, (byte) 255};
        IndexColorModel palette = new IndexColorModel(8, 2, r, g, b, 1);
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED, palette);
        image.getRaster().setSample(3, 4, 0, 1);

        RgbImage rgb = StillImages.read(write(image, "gif"));

        assertPixel(rgb, 0, 0, 200, 100, 50);
        assertPixel(rgb, 3, 4, 0, 0, 0);
    }

    @Test
    void packedPixelImagesTakeTheGeneralPath() throws Exception {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_565_RGB);
        fill(image, 0, 0, W / 2, H, Color.RED);
        fill(image, W / 2, 0, W / 2, H, Color.WHITE);

        RgbImage rgb = StillImages.read(write(image, "bmp"));

        assertPixel(rgb, 0, 0, 255, 0, 0);
        assertPixel(rgb, W - 1, H - 1, 255, 255, 255);
    }

    @Test
    void exifOrientationTurnsThePhotoUpright() throws Exception {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_3BYTE_BGR);
        fill(image, 0, 0, 32, 32, new Color(220, 30, 30));
        fill(image, 32, 0, 32, 32, new Color(30, 30, 220));
        Path file = write(image, "jpg");
        Files.write(file, withExifOrientation(Files.readAllBytes(file), 6));

        RgbImage rgb = StillImages.read(file);

        // Orientation 6: shown turned 90 degrees clockwise, so the left (red) half is now on top.
        assertThat(rgb.width()).isEqualTo(32);
        assertThat(rgb.height()).isEqualTo(64);
        assertNear(rgb, 16, 16, 220, 30, 30);
        assertNear(rgb, 16, 48, 30, 30, 220);
    }

    @Test
    void readsTheGroupPhoto() throws Exception {
        // A progressive colour JPEG with an EXIF block saying "upright" (the shared README calls it grayscale).
        RgbImage rgb = StillImages.read(VideoSourcesTest.sharedMedia("multi_face.jpg"));

        assertThat(rgb.width()).isEqualTo(1000);
        assertThat(rgb.height()).isEqualTo(667);
        assertNear(rgb, 500, 300, 191, 137, 90);
    }

    @Test
    void losslessWebpKeepsEveryValue() throws Exception {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        fill(image, 0, 0, W / 2, H, new Color(200, 40, 40));
        fill(image, W / 2, 0, W / 2, H, new Color(10, 120, 250));
        image.setRGB(3, 4, 0x123456);
        Path file = webp(image, true);

        assertThat(StillImages.isImage(file)).isTrue();
        RgbImage rgb = StillImages.read(file);
        assertThat(rgb.width()).isEqualTo(W);
        assertThat(rgb.height()).isEqualTo(H);
        assertPixel(rgb, 0, 0, 200, 40, 40);
        assertPixel(rgb, W - 1, H - 1, 10, 120, 250);
        assertPixel(rgb, 3, 4, 0x12, 0x34, 0x56);
    }

    @Test
    void lossyWebpDecodesToItsColours() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        fill(image, 0, 0, 32, 48, new Color(200, 40, 40));
        fill(image, 32, 0, 32, 48, new Color(10, 120, 250));
        RgbImage rgb = StillImages.read(webp(image, false));

        assertNear(rgb, 12, 24, 200, 40, 40);
        assertNear(rgb, 52, 24, 10, 120, 250);
    }

    @Test
    void anAnimatedWebpIsRefusedRatherThanCutToItsFirstFrame() throws Exception {
        Path file = dir.resolve("animation.webp");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), W, H)) {
            recorder.setFormat("webp");
            recorder.setVideoCodecName("libwebp_anim");
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(10);
            recorder.start();
            for (int i = 0; i < 3; i++) recorder.record(new Frame(W, H, Frame.DEPTH_UBYTE, 3), avutil.AV_PIX_FMT_RGB24);
        }
        assertFails(file, "an animated WebP (3 frames): only still WebP images are read; convert the animation to a "
                + "video (e.g. MP4) to analyse it");
    }

    @Test
    void anAnimatedGifIsNotAStillImageButOneFrameGifIs() throws Exception {
        Path animation = dir.resolve("animation.gif");
        TestVideos.write(animation, "gif", avcodec.AV_CODEC_ID_GIF, 0, 1, 2);
        assertThat(StillImages.isImage(animation)).isFalse();
        assertThat(StillImages.hasImageExtension(animation)).isTrue();
        assertFails(animation, "an animated GIF (3 frames) is a video, not a still image: analyse it as a video");

        Path still = write(new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR), "gif");
        assertThat(StillImages.isImage(still)).isTrue();
        assertThat(StillImages.read(still).width()).isEqualTo(W);
    }

    @Test
    void missingFileIsReported() {
        Path file = dir.resolve("absent.png");
        assertFails(file, "file not found");
    }

    @Test
    void directoryIsReported() {
        assertFails(dir, "is a directory, not a file");
    }

    @Test
    void emptyFileIsReported() throws Exception {
        assertFails(Files.createFile(dir.resolve("empty.jpg")), "empty file (0 bytes)");
    }

    @Test
    void textFileNamedJpgIsNotAnImage() throws Exception {
        Path file = Files.writeString(dir.resolve("photo.jpg"), "not a photo at all\n");
        assertFails(file, "not an image (unrecognised format)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png", "gif", "bmp", "tiff"})
    void truncatedImageIsReported(String format) throws Exception {
        BufferedImage image = new BufferedImage(200, 150, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.ORANGE, 200, 150, Color.BLUE));
        g.fillRect(0, 0, 200, 150);
        g.dispose();
        Path whole = write(image, format);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut." + format), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> StillImages.read(cut))
                .isInstanceOf(MediaException.class)
                .hasMessageStartingWith(cut + ": corrupt or truncated image (")
                .message().doesNotContain("\n");
    }

    @Test
    void hugeImageIsRefusedFromItsHeader() throws Exception {
        Path file = Files.write(dir.resolve("huge.png"), pngHeaderOnly(20000, 20000));
        assertFails(file, "image too large (20000x20000; the limit is 16384 pixels a side and 100 megapixels)");
    }

    @Test
    void tooManyPixelsAreRefusedEvenWhenEachSideIsAllowed() throws Exception {
        Path file = Files.write(dir.resolve("wide.png"), pngHeaderOnly(16000, 8000));
        assertFails(file, "image too large (16000x8000; the limit is 16384 pixels a side and 100 megapixels)");
    }

    private Path write(BufferedImage image, String format) throws IOException {
        Path file = dir.resolve("image." + format);
        assertThat(ImageIO.write(image, format, file.toFile())).as("a %s writer", format).isTrue();
        return file;
    }

    /** The image as WebP, by FFmpeg's libwebp encoder (ImageIO has no WebP writer). */
    private Path webp(BufferedImage image, boolean lossless) throws Exception {
        Path file = dir.resolve(lossless ? "lossless.webp" : "lossy.webp");
        Frame frame = new Java2DFrameConverter().convert(image);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), image.getWidth(), image.getHeight())) {
            recorder.setFormat("webp");
            recorder.setVideoCodecName("libwebp");
            recorder.setPixelFormat(lossless ? avutil.AV_PIX_FMT_BGRA : avutil.AV_PIX_FMT_YUV420P);
            if (lossless) recorder.setVideoOption("lossless", "1");
            else recorder.setVideoQuality(95);
            recorder.start();
            recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
        }
        return file;
    }

    private static void fill(BufferedImage image, int x, int y, int w, int h, Color colour) {
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(x, y, w, h);
        g.dispose();
    }

    private static void assertFails(Path file, String problem) {
        assertThatThrownBy(() -> StillImages.read(file))
                .isInstanceOf(MediaException.class)
                .hasMessage(file + ": " + problem)
                .satisfies(e -> assertThat(((MediaException) e).file()).contains(file));
    }

    private static void assertPixel(RgbImage image, int x, int y, int r, int g, int b) {
        int p = (y * image.width() + x) * 3;
        assertThat(new int[] {image.rgb()[p] & 0xff, image.rgb()[p + 1] & 0xff, image.rgb()[p + 2] & 0xff})
                .as("pixel (%d, %d)", x, y).containsExactly(r, g, b);
    }

    private static void assertNear(RgbImage image, int x, int y, int r, int g, int b) {
        VideoSourcesTest.assertColour(image, x, y, new int[] {r, g, b});
    }

    /** A PNG signature and header chunk only: enough to state a size, with no pixel data behind it. */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(chunk);
        ihdr.writeBytes("IHDR");
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, deflate, no filter, no interlace
        CRC32 crc = new CRC32();
        crc.update(chunk.toByteArray());

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        out.writeInt(13);
        out.write(chunk.toByteArray());
        out.writeInt((int) crc.getValue());
        return png.toByteArray();
    }

    /** Inserts an EXIF APP1 segment holding only the orientation tag right after the JPEG's start marker. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) throws IOException {
        ByteArrayOutputStream exif = new ByteArrayOutputStream();
        DataOutputStream e = new DataOutputStream(exif);
        e.writeBytes("Exif\0\0");
        e.writeBytes("MM"); // big-endian TIFF
        e.writeShort(42);
        e.writeInt(8); // IFD0 right after the header
        e.writeShort(1); // one entry
        e.writeShort(0x0112);
        e.writeShort(3); // SHORT
        e.writeInt(1);
        e.writeShort(orientation);
        e.writeShort(0);
        e.writeInt(0); // no next IFD

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.size() + 2;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(exif.toByteArray());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
