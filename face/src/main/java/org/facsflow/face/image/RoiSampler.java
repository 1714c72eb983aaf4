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
        int w = image.width(), h = image.height();
        float[] row = ROW.get();
        if (row.length < side * 3) ROW.set(row = new float[side * 3]);
        int channels = gray ? 1 : 3;
        for (int v = 0; v < side; v++) {
            float dy = v + 0.5f - half;
            for (int u = 0; u < side; u++) {
                float dx = (u + 0.5f - half) * mirror;
                // Model pixel u is centred at u + 0.5 in its continuous coordinates; image coordinates put pixel
                // centres on integers, as landmark outputs (OpenFace's x_i, y_i) do.
                float x = roi.centerX() + dx * cos - dy * sin;
                float y = roi.centerY() + dx * sin + dy * cos;
                int x0 = floor(x), y0 = floor(y);
                float fx = x - x0, fy = y - y0;
                float r, g, b;
                if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
                    // Inside the image, the common case: the four taps without bounds checks.
                    int p = (y0 * w + x0) * 3, below = p + w * 3;
                    r = lerp(lerp(px[p] & 0xff, px[p + 3] & 0xff, fx), lerp(px[below] & 0xff, px[below + 3] & 0xff, fx), fy);
                    g = lerp(lerp(px[p + 1] & 0xff, px[p + 4] & 0xff, fx), lerp(px[below + 1] & 0xff, px[below + 4] & 0xff, fx), fy);
                    b = lerp(lerp(px[p + 2] & 0xff, px[p + 5] & 0xff, fx), lerp(px[below + 2] & 0xff, px[below + 5] & 0xff, fx), fy);
                } else {
                    r = tap(px, w, h, x0, y0, fx, fy, 0);
                    g = tap(px, w, h, x0, y0, fx, fy, 1);
                    b = tap(px, w, h, x0, y0, fx, fy, 2);
                }
                if (gray) {
                    row[u] = (GRAY[0] * r + GRAY[1] * g + GRAY[2] * b) * scale + offset;
                } else {
                    row[3 * u] = r * scale + offset;
                    row[3 * u + 1] = g * scale + offset;
                    row[3 * u + 2] = b * scale + offset;
                }
            }
            out.put(row, 0, side * channels);
        }
    }

    /** One channel's bilinear value near or beyond the image's edge, where outside pixels read as black. */
    private static float tap(byte[] px, int w, int h, int x0, int y0, float fx, float fy, int c) {
        float top = lerp(at(px, w, h, x0, y0, c), at(px, w, h, x0 + 1, y0, c), fx);
        float bottom = lerp(at(px, w, h, x0, y0 + 1, c), at(px, w, h, x0 + 1, y0 + 1, c), fx);
        return lerp(top, bottom, fy);
    }

    /** Math.floor without its double round trip (the sampler's hottest call). */
    private static int floor(float v) {
        int i = (int) v;
        return v < i ? i - 1 : i;
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }

    private static float at(byte[] px, int w, int h, int x, int y, int c) {
        if (x < 0 || y < 0 || x >= w || y >= h) return 0;
        return px[(y * w + x) * 3 + c] & 0xff;
    }
}
