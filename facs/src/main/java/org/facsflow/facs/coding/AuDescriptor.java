package org.facsflow.facs.coding;

import org.facsflow.face.FaceObservation;
import org.facsflow.media.RgbImage;

/**
 * The measurement step of the coder: one face in one frame becomes the descriptor the AU models read
 * ({@link AuModel.Descriptor}): its {@link FacialMeasures} standardised, then the leading principal components of its
 * head-frame shape, of the HOG of the aligned face and of the shrunk grey face ({@link FaceFeatures}), each with unit
 * variance over the training frames. A few hundred floats, so a person's running median over them stays small.
 *
 * <p>Not thread-safe (it keeps the feature buffers): one per coder.
 */
public final class AuDescriptor {
    private final FaceFeatures features;
    private final float[] raw = new float[FaceFeatures.LENGTH];
    private final float[] measureMean, measureScale;
    private final Projection.Projector shape, appearance, thumbnail;
    private final int shapeAt, appearanceAt, thumbnailAt, length;

    /** @param features null for a descriptor that only {@link #reduce}s cached feature vectors (calibration) */
    public AuDescriptor(FaceFeatures features, AuModel.Descriptor d) {
        this.features = features;
        measureMean = d.measureMean();
        measureScale = d.measureScale();
        shape = d.shape().projection().projector();
        appearance = d.appearance().projection().projector();
        thumbnail = d.thumbnail().projection().projector();
        shapeAt = FacialMeasures.COUNT;
        appearanceAt = shapeAt + d.shape().scale().length;
        thumbnailAt = appearanceAt + d.appearance().scale().length;
        length = d.length();
    }

    /** A descriptor for {@code model}, measuring with {@code measures}. */
    public static AuDescriptor create(FacialMeasures measures, AuModel model) {
        return new AuDescriptor(new FaceFeatures(measures, new AlignedFace(measures.canonicalFace())), model.descriptor());
    }

    public int length() {
        return length;
    }

    /** The descriptor of {@code face} in {@code image} (the frame it was found in). */
    public float[] describe(FaceObservation face, RgbImage image) {
        features.extract(face, image, raw);
        return reduce(raw);
    }

    /** The descriptor of a {@link FaceFeatures} vector. */
    public float[] reduce(float[] raw) {
        float[] d = new float[length];
        for (int i = 0; i < FacialMeasures.COUNT; i++) d[i] = (raw[FaceFeatures.MEASURES + i] - measureMean[i]) / measureScale[i];
        shape.project(raw, FaceFeatures.SHAPE, d, shapeAt);
        appearance.project(raw, FaceFeatures.HOG, d, appearanceAt);
        thumbnail.project(raw, FaceFeatures.THUMBNAIL, d, thumbnailAt);
        return d;
    }

    /** Measure i (mm or log units) back from a descriptor. */
    public float measure(float[] descriptor, int i) {
        return descriptor[i] * measureScale[i] + measureMean[i];
    }
}
