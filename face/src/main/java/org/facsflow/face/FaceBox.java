package org.facsflow.face;

/** An axis-aligned box in image pixels. */
public record FaceBox(float x, float y, float width, float height) {
    public float centerX() { return x + width / 2; }

    public float centerY() { return y + height / 2; }

    public float area() { return width * height; }

    /** Area shared with {@code other}. */
    public float intersection(FaceBox other) {
        float ix = Math.max(0, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
        float iy = Math.max(0, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
        return ix * iy;
    }

    /** Intersection over union; 0 for boxes without area. */
    public float iou(FaceBox other) {
        float inter = intersection(other);
        float union = area() + other.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
