package org.facsflow.facs.coding;

/**
 * A principal-component projection learned at calibration: {@code out[c] = sum_j (x[j] - mean[j]) * basis[c][j] /
 * scale[c]} for the first {@link #components()} components, so each output has unit variance over the training
 * frames. It shrinks the face's shape and appearance to a few hundred numbers, which keeps a per-person median over
 * them cheap in memory and time.
 *
 * <p>The basis is kept transposed and pre-divided by the scale ({@code weights[j * k + c]}), so the per-frame loop
 * runs along the components and the JIT can vectorise it. Immutable; thread-safe.
 *
 * @param mean  per input value
 * @param basis component-major, {@code components x mean.length}, unit rows
 * @param scale per component, its standard deviation over the training frames
 */
public record Projection(float[] mean, float[] basis, float[] scale) {
    public Projection {
        if (mean.length == 0 || scale.length == 0 || basis.length != mean.length * scale.length)
            throw new IllegalArgumentException("projection: " + basis.length + " basis values for " + scale.length
                    + " components of " + mean.length + " inputs");
        for (float s : scale) if (!(s > 0)) throw new IllegalArgumentException("projection: scale " + s + " is not positive");
    }

    public int inputs() {
        return mean.length;
    }

    public int components() {
        return scale.length;
    }

    /** The first {@code k} components only. */
    public Projection truncate(int k) {
        if (k > components()) throw new IllegalArgumentException("only " + components() + " components, " + k + " asked");
        return new Projection(mean, java.util.Arrays.copyOf(basis, k * mean.length), java.util.Arrays.copyOf(scale, k));
    }

    /** A projector over this projection, with its own transposed weights (build once, reuse every frame). */
    public Projector projector() {
        return new Projector(this);
    }

    /** The per-frame side of a {@link Projection}. Immutable; thread-safe. */
    public static final class Projector {
        private final float[] mean, weights;
        private final int k;

        private Projector(Projection p) {
            mean = p.mean;
            k = p.components();
            int n = mean.length;
            weights = new float[n * k];
            for (int c = 0; c < k; c++)
                for (int j = 0; j < n; j++) weights[j * k + c] = p.basis[c * n + j] / p.scale[c];
        }

        /** Projects {@code x[from .. from + inputs)} into {@code out[to .. to + components)}. */
        public void project(float[] x, int from, float[] out, int to) {
            java.util.Arrays.fill(out, to, to + k, 0);
            for (int j = 0; j < mean.length; j++) {
                float v = x[from + j] - mean[j];
                if (v == 0) continue;
                int w = j * k;
                for (int c = 0; c < k; c++) out[to + c] += v * weights[w + c];
            }
        }
    }
}
