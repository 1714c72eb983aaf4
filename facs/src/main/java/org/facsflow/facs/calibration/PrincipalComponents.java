package org.facsflow.facs.calibration;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.facsflow.facs.coding.Projection;

import java.util.Arrays;
import java.util.List;

/**
 * Fits a {@link Projection}: the leading eigenvectors of the covariance of a slice of the training vectors (EJML's
 * symmetric eigen decomposition), each with its standard deviation as scale. Deterministic: the same rows give the
 * same projection, each eigenvector's sign fixed so that its largest element is positive.
 */
public final class PrincipalComponents {
    private PrincipalComponents() {
    }

    /**
     * @param rows   training vectors (all of one length)
     * @param from   first value of the slice
     * @param length values in the slice
     * @param k      components kept
     */
    public static Projection fit(List<float[]> rows, int from, int length, int k) {
        int n = rows.size();
        if (n < 2 || k > Math.min(n, length)) throw new IllegalArgumentException(n + " rows, " + k + " of " + length + " components");
        double[] mean = new double[length];
        for (float[] r : rows) for (int j = 0; j < length; j++) mean[j] += r[from + j];
        for (int j = 0; j < length; j++) mean[j] /= n;
        DMatrixRMaj x = new DMatrixRMaj(n, length);
        for (int i = 0; i < n; i++) {
            float[] r = rows.get(i);
            for (int j = 0; j < length; j++) x.data[i * length + j] = r[from + j] - mean[j];
        }
        // The eigenvectors of the smaller of X^T X (length^2) and X X^T (rows^2): the same components either way.
        boolean gram = n < length;
        int size = gram ? n : length;
        DMatrixRMaj product = new DMatrixRMaj(size, size);
        if (gram) CommonOps_DDRM.multTransB(x, x, product);
        else CommonOps_DDRM.multTransA(x, x, product);
        CommonOps_DDRM.scale(1.0 / n, product);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, true, true);
        if (!eig.decompose(product)) throw new IllegalStateException("the covariance's eigen decomposition failed");
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
        float[] basis = new float[k * length], scale = new float[k], m = new float[length];
        for (int j = 0; j < length; j++) m[j] = (float) mean[j];
        for (int c = 0; c < k; c++) {
            double value = Math.max(1e-12, eig.getEigenvalue(order[c]).real);
            double[] v = direction(x, eig.getEigenVector(order[c]), gram);
            int largest = 0;
            for (int j = 1; j < length; j++) if (Math.abs(v[j]) > Math.abs(v[largest])) largest = j;
            double sign = v[largest] < 0 ? -1 : 1;
            for (int j = 0; j < length; j++) basis[c * length + j] = (float) (sign * v[j]);
            scale[c] = (float) Math.sqrt(value);
        }
        return new Projection(m, basis, scale);
    }

    /** A unit principal direction: the eigenvector itself, or X^T u normalised for an eigenvector u of X X^T. */
    private static double[] direction(DMatrixRMaj x, DMatrixRMaj eigenvector, boolean gram) {
        if (!gram) return eigenvector.data.clone();
        DMatrixRMaj v = new DMatrixRMaj(x.numCols, 1);
        CommonOps_DDRM.multTransA(x, eigenvector, v);
        double norm = Math.sqrt(CommonOps_DDRM.dot(v, v));
        double[] out = v.data.clone();
        for (int j = 0; j < out.length; j++) out[j] /= Math.max(1e-300, norm);
        return out;
    }
}
