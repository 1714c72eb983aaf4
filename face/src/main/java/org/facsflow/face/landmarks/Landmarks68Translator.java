package org.facsflow.face.landmarks;

import org.facsflow.face.image.Roi;
import org.facsflow.face.image.RoiSampler;
import org.facsflow.face.inference.Translator;
import org.facsflow.media.RgbImage;

import java.nio.FloatBuffer;

/**
 * Pre/post-processing of face-api's FaceLandmark68Net: a 112 x 112 RGB crop with values 0-255 in (the converted
 * graph does face-api's own normalisation); 68 x (x, y) in [0, 1] of the crop out, iBUG/Multi-PIE order.
 */
final class Landmarks68Translator implements Translator<Landmarks68Translator.Request, float[]> {
    static final int SIDE = 112;
    private static final int POINTS = 68;

    record Request(RgbImage image, Roi roi) {
    }

    @Override
    public void encode(Request in, FloatBuffer tensor) {
        RoiSampler.sampleRgb(in.image(), in.roi(), SIDE, 1f, 0f, tensor);
    }

    @Override
    public float[] decode(float[][] outputs, Request in) {
        float[] raw = outputs[0];
        if (raw.length != POINTS * 2) throw new IllegalStateException("the 68-point model gave " + raw.length + " values");
        float[] points = new float[POINTS * 2];
        for (int i = 0; i < POINTS; i++) in.roi().toImage(raw[2 * i] * SIDE, raw[2 * i + 1] * SIDE, SIDE, points, 2 * i);
        return points;
    }
}
