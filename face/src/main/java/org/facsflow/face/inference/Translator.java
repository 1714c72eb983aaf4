package org.facsflow.face.inference;

import java.nio.FloatBuffer;

/**
 * Pre- and post-processing of one model, apart from the runtime call (DJL's Translator idea): swapping the model
 * file or runtime leaves the stage that uses it untouched.
 *
 * @param <I> what the stage hands in (an image and a region)
 * @param <O> what the stage gets back, in image coordinates
 */
public interface Translator<I, O> {
    /** Writes the model input for {@code in} into {@code tensor} (NHWC floats). */
    void encode(I in, FloatBuffer tensor);

    /** Turns the raw outputs into a result for {@code in}. */
    O decode(float[][] outputs, I in);
}
