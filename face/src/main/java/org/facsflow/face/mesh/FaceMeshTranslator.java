package org.facsflow.face.mesh;

import org.facsflow.face.image.Roi;
import org.facsflow.face.image.RoiSampler;
import org.facsflow.face.inference.Translator;
import org.facsflow.media.RgbImage;

import java.nio.FloatBuffer;

/**
 * Pre/post-processing of the MediaPipe face-mesh model: a 192 x 192 RGB crop in [0, 1] in, 468 x (x, y, z) crop
 * pixels and a face-flag probability out. Points go back to the image through the crop's region.
 */
final class FaceMeshTranslator implements Translator<FaceMeshTranslator.Request, FaceMesh> {
    static final int SIDE = 192;

    record Request(RgbImage image, Roi roi) {
    }

    @Override
    public void encode(Request in, FloatBuffer tensor) {
        RoiSampler.sampleRgb(in.image(), in.roi(), SIDE, 1f / 255f, 0f, tensor);
    }

    @Override
    public FaceMesh decode(float[][] outputs, Request in) {
        float[] raw = null;
        float flag = Float.NaN;
        for (float[] o : outputs) {
            if (o.length == FaceMesh.POINTS * 3) raw = o;
            else if (o.length == 1) flag = o[0];
        }
        if (raw == null || Float.isNaN(flag)) throw new IllegalStateException("the face-mesh model lacks its outputs");
        Roi roi = in.roi();
        float zScale = roi.scale(SIDE);
        float[] points = new float[raw.length];
        for (int i = 0; i < FaceMesh.POINTS; i++) {
            roi.toImage(raw[3 * i], raw[3 * i + 1], SIDE, points, 3 * i);
            points[3 * i + 2] = raw[3 * i + 2] * zScale;
        }
        return new FaceMesh(points, flag, roi);
    }
}
