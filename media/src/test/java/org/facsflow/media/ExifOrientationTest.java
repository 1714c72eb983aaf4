package org.facsflow.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExifOrientationTest {
    private static final int W = 4;
    private static final int H = 3;

    /** Each orientation against the EXIF definitions, built from two plain operations: mirror and quarter turn. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void turnsAsTheExifSpecificationSays(int orientation) {
        int[][] stored = new int[H][W];
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) stored[y][x] = y * W + x;

        int[][] expected = switch (orientation) {
            case 1 -> stored;
            case 2 -> mirror(stored);
            case 3 -> turn(turn(stored));
            case 4 -> mirror(turn(turn(stored)));
            case 5 -> mirror(turn(stored));
            case 6 -> turn(stored);
            case 7 -> turn(mirror(stored));
            case 8 -> turn(turn(turn(stored)));
            default -> throw new IllegalArgumentException();
        };

        assertThat(toArray(ExifOrientation.upright(toImage(stored), orientation))).isDeepEqualTo(expected);
    }

    private static int[][] mirror(int[][] a) {
        int h = a.length, w = a[0].length;
        int[][] out = new int[h][w];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) out[y][w - 1 - x] = a[y][x];
        return out;
    }

    /** A quarter turn clockwise. */
    private static int[][] turn(int[][] a) {
        int h = a.length, w = a[0].length;
        int[][] out = new int[w][h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) out[x][h - 1 - y] = a[y][x];
        return out;
    }

    /** Stores each value in the red channel and its negation in green, so channels must move together. */
    private static RgbImage toImage(int[][] a) {
        int h = a.length, w = a[0].length;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                rgb[(y * w + x) * 3] = (byte) a[y][x];
                rgb[(y * w + x) * 3 + 1] = (byte) -a[y][x];
            }
        return new RgbImage(w, h, rgb);
    }

    private static int[][] toArray(RgbImage image) {
        int[][] out = new int[image.height()][image.width()];
        for (int y = 0; y < image.height(); y++)
            for (int x = 0; x < image.width(); x++) {
                int p = (y * image.width() + x) * 3;
                assertThat(image.rgb()[p + 1]).isEqualTo((byte) -image.rgb()[p]);
                out[y][x] = image.rgb()[p];
            }
        return out;
    }
}
