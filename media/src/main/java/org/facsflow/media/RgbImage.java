package org.facsflow.media;

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
}
