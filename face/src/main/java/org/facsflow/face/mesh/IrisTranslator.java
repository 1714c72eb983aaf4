package org.facsflow.face.mesh;

import org.facsflow.face.image.Roi;
import org.facsflow.face.image.RoiSampler;
import org.facsflow.face.inference.Translator;
import org.facsflow.media.RgbImage;

import java.nio.FloatBuffer;

/**
 * Pre/post-processing of the MediaPipe iris model, converted with its iris head only: a 64 x 64 RGB eye crop in
 * [0, 1] in; 5 iris points (centre first), x/y/z in crop pixels, out. Returns them in image pixels.
 */
final class IrisTranslator implements Translator<IrisTranslator.Request, float[]> {
    static final int SIDE = 64;
    private static final int IRIS = 5;

    record Request(RgbImage image, Roi roi) {
    }

    @Override
    public void encode(Request in, FloatBuffer tensor) {
        RoiSampler.sampleRgb(in.image(), in.roi(), SIDE, 1f / 255f, 0f, tensor);
    }

    @Override
    public float[] decode(float[][] outputs, Request in) {
        float[] raw = outputs[0];
        if (raw.length != IRIS * 3) throw new IllegalStateException("the iris model gave " + raw.length + " values");
        float[] iris = new float[IRIS * 3];
        float zScale = in.roi().scale(SIDE);
        for (int i = 0; i < IRIS; i++) {
            int r = i * 3;
            in.roi().toImage(raw[r], raw[r + 1], SIDE, iris, 3 * i);
            iris[3 * i + 2] = raw[r + 2] * zScale;
        }
        return iris;
    }
}
