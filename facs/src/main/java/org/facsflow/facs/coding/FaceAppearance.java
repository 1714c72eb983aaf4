package org.facsflow.facs.coding;

import boofcv.alg.feature.dense.DescribeDenseHogFastAlg;
import boofcv.struct.feature.TupleDesc_F64;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.ImageType;
import org.facsflow.face.FaceObservation;
import org.facsflow.media.RgbImage;
import org.ddogleg.struct.DogArray;


/**
 * The appearance of the aligned face ({@link AlignedFace}) as a histogram of oriented gradients (BoofCV's dense HOG,
 * fast variant): {@value #BINS} orientation bins in 8-pixel cells, 2 x 2 cells a block, blocks side by side, so the
 * {@value AlignedFace#SIZE}-pixel crop gives 7 x 7 blocks of 36 values ({@value #DIMENSIONS} in all), each block
 * L2-normalised (so lighting and contrast cancel). Furrows, wrinkles, bulges and teeth show here where the mesh's
 * geometry cannot see them.
 *
 * <p>Not thread-safe (it keeps its crop and BoofCV's buffers): one per thread.
 */
public final class FaceAppearance {
    public static final int BINS = 9, CELL = 8, BLOCK = 2;
    public static final int HOG = (AlignedFace.SIZE / CELL / BLOCK) * (AlignedFace.SIZE / CELL / BLOCK) * BLOCK * BLOCK * BINS;
    /** The grey face shrunk 4 times (28 x 28), each value the mean of a 4 x 4 block, standardised over the crop. */
    public static final int THUMB_SIDE = AlignedFace.SIZE / 4, THUMB = THUMB_SIDE * THUMB_SIDE;
    public static final int DIMENSIONS = HOG + THUMB;

    private final AlignedFace aligner;
    private final GrayF32 crop = new GrayF32(AlignedFace.SIZE, AlignedFace.SIZE);
    private final DescribeDenseHogFastAlg<GrayF32> hog =
            new DescribeDenseHogFastAlg<>(BINS, CELL, BLOCK, BLOCK, BLOCK, ImageType.single(GrayF32.class));

    public FaceAppearance(AlignedFace aligner) {
        this.aligner = aligner;
    }

    /** The HOG of {@code face} in {@code image}, written to {@code out} from {@code offset} ({@value #DIMENSIONS} values). */
    public void describe(FaceObservation face, RgbImage image, float[] out, int offset) {
        aligner.cut(image, face.mesh(), crop);
        hog.setInput(crop);
        hog.process();
        DogArray<TupleDesc_F64> blocks = hog.getDescriptions();
        int k = offset;
        for (int b = 0; b < blocks.size; b++)
            for (double v : blocks.get(b).data) out[k++] = (float) v;
        if (k - offset != HOG) throw new IllegalStateException("HOG gave " + (k - offset) + " values, expected " + HOG);
        float[] grey = crop.data;
        double sum = 0, squares = 0;
        for (int ty = 0; ty < THUMB_SIDE; ty++)
            for (int tx = 0; tx < THUMB_SIDE; tx++) {
                float block = 0;
                for (int y = 4 * ty; y < 4 * ty + 4; y++)
                    for (int x = 4 * tx; x < 4 * tx + 4; x++) block += grey[y * AlignedFace.SIZE + x];
                block /= 16;
                out[k + ty * THUMB_SIDE + tx] = block;
                sum += block;
                squares += block * block;
            }
        float mean = (float) (sum / THUMB), sd = (float) Math.sqrt(Math.max(1e-6, squares / THUMB - mean * mean));
        for (int i = k; i < k + THUMB; i++) out[i] = (out[i] - mean) / sd;
    }
}
