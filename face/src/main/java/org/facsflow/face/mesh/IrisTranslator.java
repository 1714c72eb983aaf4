package org.facsflow.face.mesh;

import org.facsflow.face.image.Roi;
import org.facsflow.face.image.RoiSampler;
import org.facsflow.face.inference.Translator;
import org.facsflow.media.RgbImage;

import java.nio.FloatBuffer;

/**
 * Pre/post-processing of the MediaPipe iris model, converted whole with a batch of two: two 64 x 64 RGB eye crops in
 * [0, 1] in; per eye 71 eye-contour points then 5 iris points (centre first), x/y/z in crop pixels, out. Returns, in
 * image pixels, per eye (the first's then the second's) the contour's first {@link #LIDS} points (the lid margins
 * around the eye opening) then the 5 iris points. One run for both eyes took 8% less time than two.
 */
final class IrisTranslator implements Translator<IrisTranslator.Request, float[]> {
    static final int SIDE = 64;
    /** Contour points 0-8: the lower lid from the outer corner to the inner; 9-15: the upper lid, corners excluded. */
    static final int LIDS = 16;
    static final int IRIS = 5;
    /** Points returned per eye. */
    static final int PER_EYE = LIDS + IRIS;
    private static final int CONTOUR = 71, RAW_PER_EYE = (CONTOUR + IRIS) * 3;

    record Request(RgbImage image, Roi first, Roi second) {
    }

    @Override
    public void encode(Request in, FloatBuffer tensor) {
        RoiSampler.sampleRgb(in.image(), in.first(), SIDE, 1f / 255f, 0f, tensor);
        RoiSampler.sampleRgb(in.image(), in.second(), SIDE, 1f / 255f, 0f, tensor);
    }

    @Override
    public float[] decode(float[][] outputs, Request in) {
        float[] raw = outputs[0];
        if (raw.length != 2 * RAW_PER_EYE) throw new IllegalStateException("the iris model gave " + raw.length + " values");
        float[] eyes = new float[2 * PER_EYE * 3];
        decode(raw, 0, in.first(), eyes, 0);
        decode(raw, RAW_PER_EYE, in.second(), eyes, PER_EYE * 3);
        return eyes;
    }

    private static void decode(float[] raw, int from, Roi roi, float[] eyes, int to) {
        float zScale = roi.scale(SIDE);
        for (int p = 0; p < PER_EYE; p++) {
            int i = from + 3 * (p < LIDS ? p : CONTOUR + p - LIDS), o = to + 3 * p;
            roi.toImage(raw[i], raw[i + 1], SIDE, eyes, o);
            eyes[o + 2] = raw[i + 2] * zScale;
        }
    }
}
