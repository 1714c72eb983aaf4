package org.facsflow.facs.coding;

import org.facsflow.face.FaceObservation;
import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.pose.MeshLifter;
import org.facsflow.media.RgbImage;

/**
 * Everything the AU models may look at in one face, before any reduction, as one float vector: the
 * {@link FacialMeasures} (FACS-named geometry and texture), the face's shape (the 468 mesh vertices in the head's own
 * frame, pose removed, canonical mm: x, y, z each) and its appearance ({@link FaceAppearance}: HOG and the shrunk
 * grey face). {@link AuDescriptor} reduces it to what the models read; calibration caches it per frame.
 *
 * <p>Not thread-safe (buffers): one per thread.
 */
public final class FaceFeatures {
    /** Bump when anything changes what {@link #extract} writes, so calibration's cached vectors are recomputed. */
    public static final int VERSION = 3;
    public static final int MEASURES = 0, SHAPE = FacialMeasures.COUNT, SHAPE_VALUES = CanonicalFace.VERTICES * 3,
            HOG = SHAPE + SHAPE_VALUES, THUMBNAIL = HOG + FaceAppearance.HOG, LENGTH = THUMBNAIL + FaceAppearance.THUMB;

    private final FacialMeasures measures;
    private final FaceAppearance appearance;
    private final float[] headFrame = new float[FaceObservation.MESH_POINTS * 3];

    public FaceFeatures(FacialMeasures measures, AlignedFace aligner) {
        this.measures = measures;
        this.appearance = new FaceAppearance(aligner);
    }

    public FaceFeatures(CanonicalFace canonical) {
        this(new FacialMeasures(new MeshLifter(canonical)), new AlignedFace(canonical));
    }

    /** Writes the features of {@code face} into {@code out} ({@link #LENGTH} values). */
    public void extract(FaceObservation face, RgbImage image, float[] out) {
        float[] m = measures.measure(face, image, headFrame);
        System.arraycopy(m, 0, out, MEASURES, m.length);
        System.arraycopy(headFrame, 0, out, SHAPE, SHAPE_VALUES);
        appearance.describe(face, image, out, HOG);
    }

    public float[] extract(FaceObservation face, RgbImage image) {
        float[] out = new float[LENGTH];
        extract(face, image, out);
        return out;
    }
}
