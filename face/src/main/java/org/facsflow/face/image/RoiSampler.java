package org.facsflow.face.image;

import org.facsflow.media.RgbImage;

import java.nio.FloatBuffer;

/**
 * Bilinear resampling of a {@link Roi} straight into a model's float input, with the model's value range. This is
 * the one image conversion per model call: no intermediate images. Pixels outside the image read as black.
 */
public final class RoiSampler {
    // The FER models' gray conversion.
    private static final float[] GRAY = {0.2989f, 0.587f, 0.114f};
    /** One output row, reused per thread: the samplers run on every frame and must not allocate. */
    private static final ThreadLocal<float[]> ROW = ThreadLocal.withInitial(() -> new float[256 * 3]);

    private static final int POSITION_BITS = 16;
    private static final float ONE = 1 << POSITION_BITS;
    private static final int WEIGHT_BITS = 11;
    private static final int WEIGHT_MASK = (1 << WEIGHT_BITS) - 1;

    private RoiSampler() {
    }

    /** Writes side x side x 3 floats (NHWC, RGB) as {@code pixel * scale + offset}. */
    public static void sampleRgb(RgbImage image, Roi roi, int side, float scale, float offset, FloatBuffer out) {
        sample(image, roi, side, false, scale, offset, out);
    }

    /** Writes side x side x 1 floats of gray = 0.2989 R + 0.587 G + 0.114 B, as {@code gray * scale + offset}. */
    public static void sampleGray(RgbImage image, Roi roi, int side, float scale, float offset, FloatBuffer out) {
        sample(image, roi, side, true, scale, offset, out);
    }

    private static void sample(RgbImage image, Roi roi, int side, boolean gray, float scale, float offset,
                               FloatBuffer out) {
        float s = roi.size() / side;
        float cos = (float) Math.cos(roi.angle()) * s, sin = (float) Math.sin(roi.angle()) * s;
        float mirror = roi.mirrored() ? -1 : 1;
        float half = side * 0.5f;
        byte[] px = image.rgb();
        int w = image.width(), h = image.height(), stride = w * 3;
        float[] row = ROW.get();
        if (row.length < side * 3) ROW.set(row = new float[side * 3]);
        int channels = gray ? 1 : 3;
        // Fixed point (16 fractional bits for positions, 11 for weights): the float version of this loop cost
        // 30 ns a pixel, as much as the mesh model itself; this one is about 5x faster and differs by < 0.1 levels.
        long stepX = Math.round(mirror * cos * ONE), stepY = Math.round(mirror * sin * ONE);
        float k = scale / (1 << (2 * WEIGHT_BITS));
        for (int v = 0; v < side; v++) {
            float dy = v + 0.5f - half;
            float dx = (0.5f - half) * mirror;
            // Model pixel u is centred at u + 0.5 in its continuous coordinates; image coordinates put pixel
            // centres on integers, as landmark outputs (OpenFace's x_i, y_i) do.
            long x = Math.round((roi.centerX() + dx * cos - dy * sin) * ONE);
            long y = Math.round((roi.centerY() + dx * sin + dy * cos) * ONE);
            for (int u = 0; u < side; u++, x += stepX, y += stepY) {
                int x0 = (int) (x >> POSITION_BITS), y0 = (int) (y >> POSITION_BITS);
                int fx = (int) (x >> (POSITION_BITS - WEIGHT_BITS)) & WEIGHT_MASK;
                int fy = (int) (y >> (POSITION_BITS - WEIGHT_BITS)) & WEIGHT_MASK;
                int w11 = fx * fy, w01 = (fx << WEIGHT_BITS) - w11, w10 = (fy << WEIGHT_BITS) - w11;
                int w00 = (1 << (2 * WEIGHT_BITS)) - w01 - w10 - w11;
                float r, g, b;
                if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
                    // Inside the image, the common case: the four taps without bounds checks.
                    int p = y0 * stride + x0 * 3, q = p + stride;
                    r = ((px[p] & 0xff) * w00 + (px[p + 3] & 0xff) * w01 + (px[q] & 0xff) * w10 + (px[q + 3] & 0xff) * w11) * k;
                    g = ((px[p + 1] & 0xff) * w00 + (px[p + 4] & 0xff) * w01 + (px[q + 1] & 0xff) * w10 + (px[q + 4] & 0xff) * w11) * k;
                    b = ((px[p + 2] & 0xff) * w00 + (px[p + 5] & 0xff) * w01 + (px[q + 2] & 0xff) * w10 + (px[q + 5] & 0xff) * w11) * k;
                } else {
                    r = tap(px, w, h, x0, y0, w00, w01, w10, w11, 0) * k;
                    g = tap(px, w, h, x0, y0, w00, w01, w10, w11, 1) * k;
                    b = tap(px, w, h, x0, y0, w00, w01, w10, w11, 2) * k;
                }
                if (gray) {
                    row[u] = GRAY[0] * r + GRAY[1] * g + GRAY[2] * b + offset;
                } else {
                    row[3 * u] = r + offset;
                    row[3 * u + 1] = g + offset;
                    row[3 * u + 2] = b + offset;
                }
            }
            out.put(row, 0, side * channels);
        }
    }

    /** One channel's weighted taps near or beyond the image's edge, where outside pixels read as black. */
    private static int tap(byte[] px, int w, int h, int x0, int y0, int w00, int w01, int w10, int w11, int c) {
        return at(px, w, h, x0, y0, c) * w00 + at(px, w, h, x0 + 1, y0, c) * w01
                + at(px, w, h, x0, y0 + 1, c) * w10 + at(px, w, h, x0 + 1, y0 + 1, c) * w11;
    }

    private static int at(byte[] px, int w, int h, int x, int y, int c) {
        if (x < 0 || y < 0 || x >= w || y >= h) return 0;
        return px[(y * w + x) * 3 + c] & 0xff;
    }
}
