package org.facsflow.facs.calibration;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.List;

/**
 * Weighted ridge regression with several targets and several penalties at once: the normal equations are formed
 * once ({@code Z^T W Z} on inputs divided by the caller's scales, EJML) and solved for each penalty. Penalties are
 * relative to the total weight, so they mean the same whatever the frame count. Deterministic.
 */
final class Ridge {
    private final int inputs, targets;
    private final double[] inputMean, targetMean, scale;
    private final DMatrixRMaj gram, cross;

    /**
     * @param x      input rows
     * @param y      target rows
     * @param weight per row
     * @param scale  per input, what it is divided by before the penalty applies (its spread over the training frames)
     */
    Ridge(List<float[]> x, List<float[]> y, double[] weight, double[] scale) {
        int n = x.size();
        inputs = x.get(0).length;
        targets = y.get(0).length;
        this.scale = scale.clone();
        inputMean = new double[inputs];
        targetMean = new double[targets];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += weight[i];
            float[] xi = x.get(i), yi = y.get(i);
            for (int j = 0; j < inputs; j++) inputMean[j] += weight[i] * xi[j];
            for (int t = 0; t < targets; t++) targetMean[t] += weight[i] * yi[t];
        }
        for (int j = 0; j < inputs; j++) inputMean[j] /= total;
        for (int t = 0; t < targets; t++) targetMean[t] /= total;
        DMatrixRMaj z = new DMatrixRMaj(n, inputs), u = new DMatrixRMaj(n, targets);
        for (int i = 0; i < n; i++) {
            double root = Math.sqrt(weight[i] / total);
            float[] xi = x.get(i), yi = y.get(i);
            for (int j = 0; j < inputs; j++) z.data[i * inputs + j] = root * (xi[j] - inputMean[j]) / scale[j];
            for (int t = 0; t < targets; t++) u.data[i * targets + t] = root * (yi[t] - targetMean[t]);
        }
        gram = new DMatrixRMaj(inputs, inputs);
        cross = new DMatrixRMaj(inputs, targets);
        CommonOps_DDRM.multTransA(z, z, gram);
        CommonOps_DDRM.multTransA(z, u, cross);
    }

    int inputs() {
        return inputs;
    }

    /** Per target, the weights on the raw inputs and last the intercept. */
    double[][] solve(double penalty) {
        return solve(penalty, inputs, 0, 0, 1);
    }

    /**
     * The same on the first {@code leading} inputs alone, with the inputs {@code [from, to)} penalised {@code factor}
     * times as much as the others: the leading block of the normal equations is what a ridge on those inputs alone
     * would form, so a model on fewer inputs needs no second pass over the rows.
     */
    double[][] solve(double penalty, int leading, int from, int to, double factor) {
        DMatrixRMaj a = CommonOps_DDRM.extract(gram, 0, leading, 0, leading);
        for (int j = 0; j < leading; j++) a.add(j, j, j >= from && j < to ? penalty * factor : penalty);
        DMatrixRMaj b = new DMatrixRMaj(leading, targets);
        if (!CommonOps_DDRM.solveSPD(a, CommonOps_DDRM.extract(cross, 0, leading, 0, targets), b))
            throw new IllegalStateException("ridge system is not positive definite");
        double[][] coefficients = new double[targets][leading + 1];
        for (int t = 0; t < targets; t++) {
            double intercept = targetMean[t];
            for (int j = 0; j < leading; j++) {
                coefficients[t][j] = b.get(j, t) / scale[j];
                intercept -= coefficients[t][j] * inputMean[j];
            }
            coefficients[t][leading] = intercept;
        }
        return coefficients;
    }
}
