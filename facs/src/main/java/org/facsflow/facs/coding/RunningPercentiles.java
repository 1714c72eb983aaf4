package org.facsflow.facs.coding;

/**
 * Percentiles of each component of a stream of vectors from one fixed histogram per component, the way OpenFace keeps
 * its person-specific statistics: adding a vector is O(1) per component and reading a percentile O(bins), however
 * long the stream; memory is fixed. Each histogram spans {@code halfSpan} either side of the component's first value
 * in {@code bins} bins; values beyond fall in the end bins. NaN components are skipped. Not thread-safe.
 */
final class RunningPercentiles {
    private final int bins;
    private final int[][] counts;
    private final int[] totals;
    private final float[] halfSpan, low, binWidth;
    private int added;

    RunningPercentiles(float[] halfSpan, int bins) {
        this.bins = bins;
        this.halfSpan = halfSpan.clone();
        counts = new int[halfSpan.length][bins];
        totals = new int[halfSpan.length];
        low = new float[halfSpan.length];
        binWidth = new float[halfSpan.length];
    }

    /** Components per vector. */
    int length() {
        return counts.length;
    }

    /** Vectors added so far. */
    int added() {
        return added;
    }

    void add(float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Float.isNaN(values[i])) continue;
            if (totals[i] == 0) {
                low[i] = values[i] - halfSpan[i];
                binWidth[i] = 2 * halfSpan[i] / bins;
            }
            int bin = (int) Math.floor((values[i] - low[i]) / binWidth[i]);
            counts[i][Math.max(0, Math.min(bins - 1, bin))]++;
            totals[i]++;
        }
        added++;
    }

    /** The q-quantile (0-1) of component i as a bin centre; NaN before its first value. */
    float percentile(int i, double q) {
        if (totals[i] == 0) return Float.NaN;
        int rank = Math.max(1, (int) Math.ceil(q * totals[i])), seen = 0, bin = 0;
        while (bin < bins - 1 && (seen += counts[i][bin]) < rank) bin++;
        return low[i] + (bin + 0.5f) * binWidth[i];
    }
}
