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
        for (int v = 0; v < side; v++) {
            float dy = v + 0.5f - half;
            for (int u = 0; u < side; u++) {
                float dx = (u + 0.5f - half) * mirror;
                // Model pixel u is centred at u + 0.5 in its continuous coordinates; image coordinates put pixel
                // centres on integers, as landmark outputs (OpenFace's x_i, y_i) do.
                float x = roi.centerX() + dx * cos - dy * sin;
                float y = roi.centerY() + dx * sin + dy * cos;
                int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
                float fx = x - x0, fy = y - y0;
                float sum = 0;
                for (int c = 0; c < 3; c++) {
                    float top = lerp(at(px, w, h, x0, y0, c), at(px, w, h, x0 + 1, y0, c), fx);
                    float bottom = lerp(at(px, w, h, x0, y0 + 1, c), at(px, w, h, x0 + 1, y0 + 1, c), fx);
                    float value = lerp(top, bottom, fy);
                    if (gray) sum += GRAY[c] * value;
                    else out.put(value * scale + offset);
                }
                if (gray) out.put(sum * scale + offset);
            }
        }
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }

    private static float at(byte[] px, int w, int h, int x, int y, int c) {
        if (x < 0 || y < 0 || x >= w || y >= h) return 0;
        return px[(y * w + x) * 3 + c] & 0xff;
    }
}
