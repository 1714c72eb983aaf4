package org.facsflow.face.image;

/**
 * A square, rotated region of the image that a model sees as its whole input. Model-input coordinates (u, v) in
 * [0, side] map to the image by centre + R(angle) * ((u, v) / side - 0.5) * size, so a model's points come back to
 * the image through the same transform. Image coordinates put pixel centres on integers.
 *
 * @param angle radians, counter-clockwise in image coordinates (y down), of the region's x axis
 * @param mirrored whether the region's x axis is flipped (the iris model sees left eyes mirrored)
 */
public record Roi(float centerX, float centerY, float size, float angle, boolean mirrored) {

    public Roi(float centerX, float centerY, float size, float angle) {
        this(centerX, centerY, size, angle, false);
    }

    /** Maps model-input coordinates to image pixels. */
    public void toImage(float u, float v, int side, float[] out, int offset) {
        float s = size / side;
        float dx = (u - side * 0.5f) * s * (mirrored ? -1 : 1);
        float dy = (v - side * 0.5f) * s;
        float cos = (float) Math.cos(angle), sin = (float) Math.sin(angle);
        out[offset] = centerX + dx * cos - dy * sin;
        out[offset + 1] = centerY + dx * sin + dy * cos;
    }

    /** Scale from model-input units to image pixels (for depth values). */
    public float scale(int side) {
        return size / side;
    }
}
