package org.facsflow.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * One decoded picture: 8-bit RGB, interleaved, row-major, no padding. Every source (still image, video
 * frame, camera) produces this, so the face stage has exactly one pixel layout to read.
 *
 * @param timestampSeconds presentation time from the container; 0 for a still image
 */
public record RgbImage(int width, int height, byte[] rgb, double timestampSeconds) {
    public RgbImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "x" + height);
        if (rgb.length != width * height * 3)
            throw new IllegalArgumentException("rgb has " + rgb.length + " bytes, expected " + width * height * 3);
    }

    public RgbImage(int width, int height, byte[] rgb) {
        this(width, height, rgb, 0);
    }

    /**
     * An image already in memory (a Swing frame, a decoded upload): any BufferedImage type, alpha composed over black,
     * converted once into this layout.
     */
    public static RgbImage of(BufferedImage image, double timestampSeconds) {
        return new RgbImage(image.getWidth(), image.getHeight(), RasterToRgb.convert(image), timestampSeconds);
    }

    /** This image as a BufferedImage (3-byte BGR) for drawing or encoding; one conversion, the pixels are copied. */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return image;
    }
}
