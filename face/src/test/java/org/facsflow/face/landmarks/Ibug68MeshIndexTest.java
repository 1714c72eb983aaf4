package org.facsflow.face.landmarks;

import org.facsflow.face.TestAssets;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class Ibug68MeshIndexTest {
    /** iBUG mirror pairs (image-left point first), and the points on the midline. */
    private static final int[][] MIRROR = {
            {0, 16}, {1, 15}, {2, 14}, {3, 13}, {4, 12}, {5, 11}, {6, 10}, {7, 9},
            {17, 26}, {18, 25}, {19, 24}, {20, 23}, {21, 22}, {31, 35}, {32, 34},
            {36, 45}, {37, 44}, {38, 43}, {39, 42}, {40, 47}, {41, 46},
            {48, 54}, {49, 53}, {50, 52}, {59, 55}, {58, 56}, {60, 64}, {61, 63}, {67, 65}};
    private static final int[] MIDLINE = {8, 27, 28, 29, 30, 33, 51, 57, 62, 66};

    @Test
    void sixtyEightDistinctMeshVertices() {
        int[] indices = Ibug68MeshIndex.meshIndices();
        assertThat(indices).hasSize(68);
        assertThat(Arrays.stream(indices).distinct().count()).isEqualTo(68);
        assertThat(Arrays.stream(indices).allMatch(i -> i >= 0 && i < 468)).isTrue();
    }

    @Test
    void gathersImageAndWorldPoints() {
        float[] mesh = new float[478 * 3];
        for (int i = 0; i < mesh.length; i++) mesh[i] = i;
        float[] image = Ibug68MeshIndex.image68(mesh), world = Ibug68MeshIndex.world68(mesh);
        int chin = Ibug68MeshIndex.meshIndex(8);
        assertThat(image[16]).isEqualTo(3 * chin);
        assertThat(image[17]).isEqualTo(3 * chin + 1);
        assertThat(Arrays.copyOfRange(world, 24, 27)).containsExactly(3 * chin, 3 * chin + 1, 3 * chin + 2);
    }

    @Test
    void tableIsSymmetricAndOrderedOnTheCanonicalFace() {
        float[] v = TestAssets.canonicalFace().vertices(); // head frame: x to the image's right, y down
        for (int[] pair : MIRROR) {
            assertThat(x(v, pair[0])).as("point %d on the image's left", pair[0]).isNegative();
            assertThat(x(v, pair[1])).isCloseTo(-x(v, pair[0]), within(1e-3f));
            assertThat(y(v, pair[1])).isCloseTo(y(v, pair[0]), within(1e-3f));
        }
        for (int p : MIDLINE) assertThat(x(v, p)).as("point %d", p).isCloseTo(0f, within(1e-3f));
        // jaw: from beside the eye down to the chin, moving inwards
        for (int p = 1; p <= 8; p++) {
            assertThat(y(v, p)).as("jaw %d below %d", p, p - 1).isGreaterThan(y(v, p - 1));
            assertThat(x(v, p)).as("jaw %d inside %d", p, p - 1).isGreaterThan(x(v, p - 1));
        }
        // top to bottom: brows, eyes, nose tip, upper lip, lower lip, chin
        assertThat(y(v, 19)).isLessThan(y(v, 37));
        assertThat(y(v, 41)).isLessThan(y(v, 30));
        assertThat(y(v, 27)).isLessThan(y(v, 28));
        assertThat(y(v, 28)).isLessThan(y(v, 30));
        assertThat(y(v, 30)).isLessThan(y(v, 33));
        assertThat(y(v, 33)).isLessThan(y(v, 51));
        assertThat(y(v, 51)).isLessThan(y(v, 62));
        assertThat(y(v, 62)).isLessThan(y(v, 66));
        assertThat(y(v, 66)).isLessThan(y(v, 57));
        assertThat(y(v, 57)).isLessThan(y(v, 8));
        // eyes: outer corner left of the inner one (right eye), lids above/below, brows outer to inner
        assertThat(x(v, 36)).isLessThan(x(v, 37));
        assertThat(x(v, 38)).isLessThan(x(v, 39));
        assertThat(y(v, 37)).isLessThan(y(v, 41));
        assertThat(y(v, 38)).isLessThan(y(v, 40));
        for (int p = 18; p <= 21; p++) assertThat(x(v, p)).isGreaterThan(x(v, p - 1));
        // the nose tip is the most forward (smallest z) of the 68
        for (int p = 0; p < 68; p++) if (p != 30) assertThat(z(v, p)).isGreaterThan(z(v, 30));
    }

    private static float x(float[] v, int ibug) {
        return v[3 * Ibug68MeshIndex.meshIndex(ibug)];
    }

    private static float y(float[] v, int ibug) {
        return v[3 * Ibug68MeshIndex.meshIndex(ibug) + 1];
    }

    private static float z(float[] v, int ibug) {
        return v[3 * Ibug68MeshIndex.meshIndex(ibug) + 2];
    }
}
