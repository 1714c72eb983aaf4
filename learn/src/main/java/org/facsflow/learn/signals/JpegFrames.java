package org.facsflow.learn.signals;

import org.facsflow.media.RgbImage;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.IIOImage;
import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Camera frames as the page sends them (JPEG), decoded and encoded in memory. ImageIO's own {@code read} and
 * {@code write} buffer the stream in a temporary file when its cache is on (its default): these readers and writers
 * are given memory-cached streams, so a frame never touches the disk, whatever the process's ImageIO settings.
 * Frames larger than the page sends are refused.
 */
public final class JpegFrames {
    public static final int MAX_BYTES = 512 * 1024, MAX_WIDTH = 1280, MAX_HEIGHT = 960;

    private JpegFrames() {
    }

    /** @throws IOException not a JPEG, too large, or undecodable (the message says which) */
    public static RgbImage decode(byte[] jpeg, int offset, int length, double seconds) throws IOException {
        if (length > MAX_BYTES) throw new IOException("frame of " + length + " bytes, more than " + MAX_BYTES);
        if (length < 4 || (jpeg[offset] & 0xff) != 0xff || (jpeg[offset + 1] & 0xff) != 0xd8)
            throw new IOException("frame is not a JPEG");
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) throw new IOException("no JPEG reader in this Java runtime");
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg, offset, length))) {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0), h = reader.getHeight(0);
            if (w > MAX_WIDTH || h > MAX_HEIGHT)
                throw new IOException("frame of " + w + "x" + h + ", larger than " + MAX_WIDTH + "x" + MAX_HEIGHT);
            BufferedImage image = reader.read(0);
            return RgbImage.of(image, seconds);
        } finally {
            reader.dispose();
        }
    }

    /** The image as a JPEG of the given quality (0-1), as the page's canvas makes it. */
    public static byte[] encode(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
