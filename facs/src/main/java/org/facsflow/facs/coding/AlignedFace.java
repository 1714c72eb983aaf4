package org.facsflow.facs.coding;

import boofcv.struct.image.GrayF32;
import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.media.RgbImage;

import java.util.Arrays;

/**
 * The face cut out of a frame as OpenFace cuts it for its appearance features: a {@value #SIZE} x {@value #SIZE}
 * grey (BT.601 luma) crop, similarity-aligned so that the skull-fixed mesh vertices (MediaPipe's Procrustes basis:
 * forehead, eye corners, cheek bones, jaw sides) land where they lie on the canonical face at {@value #PX_PER_MM}
 * px/mm (OpenFace's 0.7), covering 160 x 160 mm from above the brows to below the chin; pixels outside the face
 * oval are 0, so background and hair do not count as the face. A similarity (not a frontalising warp) keeps turned
 * faces foreshortened, as in OpenFace; the models learned from turned faces too.
 *
 * <p>Stateless apart from the template; {@link #cut} writes into the caller's image, so the per-frame path allocates
 * nothing but a few small arrays. Safe to share between threads.
 */
public final class AlignedFace {
    public static final int SIZE = 112;
    public static final float PX_PER_MM = 0.7f;
    /** Where the crop's centre sits on the canonical face (mm, y down): a little below the 68 points' centroid. */
    private static final float CENTRE_Y_MM = 5;

    /** MediaPipe's face oval, clockwise from the top of the forehead. */
    private static final int[] OVAL = {10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378,
            400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109};

    private final int[] anchors;
    private final float[] templateX, templateY;
    private final float templateMeanX, templateMeanY;

    public AlignedFace(CanonicalFace canonical) {
        anchors = canonical.rigidIndices().clone();
        float[] v = canonical.vertices();
        templateX = new float[anchors.length];
        templateY = new float[anchors.length];
        float mx = 0, my = 0;
        for (int i = 0; i < anchors.length; i++) {
            templateX[i] = v[3 * anchors[i]];
            templateY[i] = v[3 * anchors[i] + 1];
            mx += templateX[i];
            my += templateY[i];
        }
        templateMeanX = mx / anchors.length;
        templateMeanY = my / anchors.length;
    }

    /**
     * Cuts the face whose mesh (image pixels, x, y, z interleaved) is given out of {@code image} into {@code out}
     * ({@value #SIZE} x {@value #SIZE}).
     */
    public void cut(RgbImage image, float[] mesh, GrayF32 out) {
        out.reshape(SIZE, SIZE);
        // Least-squares similarity from the canonical face (mm) to the image (px): p = [a -b; b a] q + t.
        float pmx = 0, pmy = 0;
        for (int v : anchors) {
            pmx += mesh[3 * v];
            pmy += mesh[3 * v + 1];
        }
        pmx /= anchors.length;
        pmy /= anchors.length;
        double sqq = 0, sa = 0, sb = 0;
        for (int i = 0; i < anchors.length; i++) {
            double qx = templateX[i] - templateMeanX, qy = templateY[i] - templateMeanY;
            double px = mesh[3 * anchors[i]] - pmx, py = mesh[3 * anchors[i] + 1] - pmy;
            sqq += qx * qx + qy * qy;
            sa += qx * px + qy * py;
            sb += qx * py - qy * px;
        }
        float a = (float) (sa / sqq), b = (float) (sb / sqq);
        // Crop pixel (i, j) is canonical point ((i + 0.5 - SIZE/2) / PX_PER_MM, CENTRE_Y_MM + (j + 0.5 - SIZE/2) / PX_PER_MM).
        float step = 1 / PX_PER_MM;
        float x0 = (0.5f - SIZE / 2f) * step - templateMeanX, y0 = CENTRE_Y_MM + (0.5f - SIZE / 2f) * step - templateMeanY;
        float[] crossings = new float[OVAL.length];
        float[] ovalX = new float[OVAL.length], ovalY = new float[OVAL.length];
        float det = a * a + b * b;
        for (int k = 0; k < OVAL.length; k++) {
            // The inverse similarity, image px to crop px.
            float dx = mesh[3 * OVAL[k]] - pmx, dy = mesh[3 * OVAL[k] + 1] - pmy;
            float qx = (a * dx + b * dy) / det + templateMeanX, qy = (-b * dx + a * dy) / det + templateMeanY;
            ovalX[k] = qx * PX_PER_MM + SIZE / 2f - 0.5f;
            ovalY[k] = (qy - CENTRE_Y_MM) * PX_PER_MM + SIZE / 2f - 0.5f;
        }
        float[] data = out.data;
        byte[] rgb = image.rgb();
        int w = image.width(), h = image.height();
        float du = a * step, dv = b * step;
        for (int j = 0; j < SIZE; j++) {
            int n = crossings(ovalX, ovalY, j, crossings);
            float qy = y0 + j * step;
            int row = j * SIZE;
            Arrays.fill(data, row, row + SIZE, 0);
            for (int c = 0; c + 1 < n; c += 2) {
                int from = Math.max(0, (int) Math.ceil(crossings[c])), to = Math.min(SIZE - 1, (int) Math.floor(crossings[c + 1]));
                float qx = x0 + from * step;
                float u = a * qx - b * qy + pmx, v = b * qx + a * qy + pmy;
                for (int i = from; i <= to; i++, u += du, v += dv) {
                    // Bilinear BT.601 luma, clamped to the image (as FacialMeasures samples), inlined: 12,544 a face.
                    float cu = Math.max(0, Math.min(w - 1.001f, u)), cv = Math.max(0, Math.min(h - 1.001f, v));
                    int x = (int) cu, y = (int) cv, k = (y * w + x) * 3, below = k + 3 * w;
                    float fx = cu - x, fy = cv - y;
                    float top = luma(rgb, k) * (1 - fx) + luma(rgb, k + 3) * fx;
                    float bottom = luma(rgb, below) * (1 - fx) + luma(rgb, below + 3) * fx;
                    data[row + i] = top * (1 - fy) + bottom * fy;
                }
            }
        }
    }

    private static float luma(byte[] rgb, int i) {
        return 0.299f * (rgb[i] & 0xff) + 0.587f * (rgb[i + 1] & 0xff) + 0.114f * (rgb[i + 2] & 0xff);
    }

    /** The x where the closed polygon crosses the horizontal line y, ascending; returns how many. */
    private static int crossings(float[] px, float[] py, float y, float[] out) {
        int n = 0;
        for (int k = 0, prev = px.length - 1; k < px.length; prev = k++) {
            float y1 = py[prev], y2 = py[k];
            if ((y1 <= y) == (y2 <= y)) continue;
            out[n++] = px[prev] + (y - y1) / (y2 - y1) * (px[k] - px[prev]);
        }
        Arrays.sort(out, 0, n);
        return n;
    }
}
