package org.facsflow.face.detect;

import org.facsflow.face.FaceBox;
import org.facsflow.face.image.Roi;
import org.facsflow.face.image.RoiSampler;
import org.facsflow.face.inference.Translator;
import org.facsflow.media.RgbImage;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre/post-processing of the 256 px BlazeFace ("back camera") model: the region is letterboxed to 256 x 256 with
 * values in [-1, 1]; the outputs are raw candidates on two SSD anchor grids (stride 16 with 2 anchors per cell =
 * 512, stride 32 with 6 = 384), each with a score logit and 16 regressors (box centre offset, size, 6 keypoints),
 * all in input pixels relative to the anchor centre.
 */
final class BlazeFaceTranslator implements Translator<BlazeFaceTranslator.Request, List<FaceDetection>> {
    static final int SIDE = 256;
    private static final int[][] GRIDS = {{16, 2}, {32, 6}}; // stride, anchors per cell
    private static final int REGRESSORS = 16;

    private final float[] anchors; // x, y per anchor, in input pixels
    private final float minScore;

    /** The image and the region of it to search; a whole image is a region centred on it. */
    record Request(RgbImage image, Roi roi) {
    }

    BlazeFaceTranslator(float minScore) {
        this.minScore = minScore;
        List<float[]> list = new ArrayList<>();
        for (int[] grid : GRIDS) {
            int cells = SIDE / grid[0];
            for (int gy = 0; gy < cells; gy++)
                for (int gx = 0; gx < cells; gx++)
                    for (int a = 0; a < grid[1]; a++) list.add(new float[]{(gx + 0.5f) * grid[0], (gy + 0.5f) * grid[0]});
        }
        anchors = new float[list.size() * 2];
        for (int i = 0; i < list.size(); i++) {
            anchors[2 * i] = list.get(i)[0];
            anchors[2 * i + 1] = list.get(i)[1];
        }
    }

    @Override
    public void encode(Request in, FloatBuffer tensor) {
        RoiSampler.sampleRgb(in.image(), in.roi(), SIDE, 2f / 255f, -1f, tensor);
    }

    @Override
    public List<FaceDetection> decode(float[][] outputs, Request in) {
        int count = anchors.length / 2;
        // Outputs are told apart by size: scores 512 and 384, regressors 512*16 and 384*16 (fine grid first).
        float[] scoresFine = bySize(outputs, 512), scoresCoarse = bySize(outputs, 384);
        float[] regFine = bySize(outputs, 512 * REGRESSORS), regCoarse = bySize(outputs, 384 * REGRESSORS);
        List<FaceDetection> found = new ArrayList<>();
        float[] p = new float[2];
        for (int i = 0; i < count; i++) {
            boolean fine = i < 512;
            int j = fine ? i : i - 512;
            float logit = fine ? scoresFine[j] : scoresCoarse[j];
            float score = (float) (1 / (1 + Math.exp(-logit)));
            if (score < minScore) continue;
            float[] reg = fine ? regFine : regCoarse;
            int r = j * REGRESSORS;
            float ax = anchors[2 * i], ay = anchors[2 * i + 1];
            float scale = in.roi().scale(SIDE);
            in.roi().toImage(ax + reg[r], ay + reg[r + 1], SIDE, p, 0);
            float w = reg[r + 2] * scale, h = reg[r + 3] * scale;
            float[] keypoints = new float[12];
            for (int k = 0; k < 6; k++) in.roi().toImage(ax + reg[r + 4 + 2 * k], ay + reg[r + 5 + 2 * k], SIDE, keypoints, 2 * k);
            found.add(new FaceDetection(score, new FaceBox(p[0] - w / 2, p[1] - h / 2, w, h), keypoints));
        }
        return found;
    }

    private static float[] bySize(float[][] outputs, int size) {
        for (float[] o : outputs) if (o.length == size) return o;
        throw new IllegalStateException("the face detector has no output of " + size + " values");
    }
}
