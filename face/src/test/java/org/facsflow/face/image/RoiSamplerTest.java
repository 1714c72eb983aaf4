package org.facsflow.face.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import org.facsflow.media.RgbImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The sampler against exact values: bilinear interpolation reproduces a linear ramp exactly, so every model pixel
 * must read the ramp at the image point {@link Roi#toImage} gives for its centre (the fixed-point arithmetic may
 * differ by a few thousandths of a level).
 */
class RoiSamplerTest {
    private static final int W = 200, H = 150;
    /** Red rises 1 level per pixel to the right, green 1 per pixel down, blue is constant. */
    private static final RgbImage RAMP = ramp();

    private static RgbImage ramp() {
        byte[] rgb = new byte[W * H * 3];
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                int p = 3 * (y * W + x);
                rgb[p] = (byte) x;
                rgb[p + 1] = (byte) y;
                rgb[p + 2] = (byte) 77;
            }
        return new RgbImage(W, H, rgb);
    }

    @ParameterizedTest(name = "centre ({0}, {1}) size {2} angle {3} mirrored {4}")
    @CsvSource({"100, 75, 64, 0, false", "100, 75, 90, 0.3, false", "90, 70, 80, -0.7, true", "101.3, 74.6, 40, 2.5, true"})
    void readsTheRampWhereTheRegionMapsEachPixel(float cx, float cy, float size, float angle, boolean mirrored) {
        Roi roi = new Roi(cx, cy, size, angle, mirrored);
        int side = 48;
        FloatBuffer out = FloatBuffer.allocate(side * side * 3);
        RoiSampler.sampleRgb(RAMP, roi, side, 1f / 255, 0.5f, out);
        float[] at = new float[2];
        for (int v = 0; v < side; v++)
            for (int u = 0; u < side; u++) {
                roi.toImage(u + 0.5f, v + 0.5f, side, at, 0);
                int i = 3 * (v * side + u);
                assertThat(out.get(i) * 255 - 0.5f * 255).as("red at %d,%d", u, v).isCloseTo(at[0], within(0.01f));
                assertThat(out.get(i + 1) * 255 - 0.5f * 255).as("green at %d,%d", u, v).isCloseTo(at[1], within(0.01f));
                assertThat(out.get(i + 2) * 255 - 0.5f * 255).isCloseTo(77f, within(0.01f));
            }
    }

    @Test
    void grayIsTheWeightedSumAndOutsideTheImageIsBlack() {
        // Centred on the top-left corner: the upper-left quarter of the crop lies outside the image.
        Roi roi = new Roi(0, 0, 40, 0);
        int side = 20;
        FloatBuffer out = FloatBuffer.allocate(side * side);
        RoiSampler.sampleGray(RAMP, roi, side, 1, 0, out);
        float[] at = new float[2];
        for (int v = 0; v < side; v++)
            for (int u = 0; u < side; u++) {
                roi.toImage(u + 0.5f, v + 0.5f, side, at, 0);
                float value = out.get(v * side + u);
                if (at[0] < -1 || at[1] < -1) assertThat(value).isZero();
                else if (at[0] >= 0 && at[1] >= 0)
                    assertThat(value).isCloseTo(0.2989f * at[0] + 0.587f * at[1] + 0.114f * 77, within(0.01f));
            }
    }
}
