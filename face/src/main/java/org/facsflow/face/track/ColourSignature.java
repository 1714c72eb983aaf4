package org.facsflow.face.track;

import org.facsflow.face.image.Roi;
import org.facsflow.face.image.RoiSampler;
import org.facsflow.face.mesh.FaceMesh;
import org.facsflow.face.mesh.FaceMeshEstimator;
import org.facsflow.media.RgbImage;

import java.nio.FloatBuffer;

/**
 * A colour signature for re-identifying a face that was lost: the colour histogram (4 x 4 x 4 RGB bins) of
 * an ellipse over the face and the hair around it, cut from the picture square to the eye line by the mesh. Skin
 * tone, hair colour, glasses and beard tell the people of one video apart far better than the face's proportions
 * ({@link FaceShape}), and a histogram does not change when the face turns or moves, as a pixel patch would. It does
 * change with the lighting, which within one video is mostly the same for everyone. Like the shape, a track's
 * signature is the mean of samples taken while it is followed; two are compared by their Hellinger distance (0 same,
 * 1 disjoint). Not thread-safe (it reuses buffers): one per tracker.
 */
final class ColourSignature {
    static final int SIZE = 64;
    private static final int SIDE = 32, LEVELS = 4;
    /** The region: the mesh's extent (brow to chin, cheek to cheek) enlarged to take in the hair around it. */
    private static final float REGION = 1.3f;

    private final FloatBuffer pixels = FloatBuffer.allocate(SIDE * SIDE * 3);
    private final float[] histogram = new float[SIZE];

    /**
     * Adds this frame's histogram to a running mean.
     *
     * @param mean    the signature so far ({@link #SIZE} values)
     * @param samples how many samples the mean holds (0 for a new signature)
     */
    void accumulate(float[] mean, int samples, RgbImage image, FaceMesh mesh) {
        Roi roi = FaceMeshEstimator.extent(mesh, REGION);
        pixels.clear();
        RoiSampler.sampleRgb(image, roi, SIDE, LEVELS / 256f, 0, pixels);
        java.util.Arrays.fill(histogram, 0);
        float total = 0, centre = (SIDE - 1) / 2f, radius = SIDE / 2f;
        for (int y = 0; y < SIDE; y++)
            for (int x = 0; x < SIDE; x++) {
                float dx = (x - centre) / radius, dy = (y - centre) / radius;
                if (dx * dx + dy * dy > 1) continue;
                int p = (y * SIDE + x) * 3;
                histogram[(level(pixels.get(p)) * LEVELS + level(pixels.get(p + 1))) * LEVELS + level(pixels.get(p + 2))]++;
                total++;
            }
        float weight = 1f / (samples + 1);
        for (int i = 0; i < SIZE; i++) mean[i] += weight * (histogram[i] / total - mean[i]);
    }

    private static int level(float value) {
        return Math.min(LEVELS - 1, Math.max(0, (int) value));
    }

    /** The Hellinger distance of two histograms: 0 for equal ones, 1 for ones without a common bin. */
    static double distance(float[] a, float[] b) {
        double overlap = 0;
        for (int i = 0; i < a.length; i++) overlap += Math.sqrt(Math.max(0, a[i]) * Math.max(0, b[i]));
        return Math.sqrt(Math.max(0, 1 - overlap));
    }
}
