package org.facsflow.study.metrics;

import org.facsflow.interop.agreement.Bootstrap;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One condition's mean time course of a signal with a pointwise percentile-bootstrap band: participants are
 * resampled with replacement (the same resamples at every grid point), and at each point the band spans the
 * (1 - c)/2 and (1 + c)/2 quantiles of the resampled means. Participants with no value at a point (face lost) are
 * left out of that point's mean; {@code n} says how many remained.
 *
 * @param seconds grid times from stimulus onset
 * @param mean    mean over participants
 * @param low     lower band edge
 * @param high    upper band edge
 * @param n       participants with a value at each point
 */
public record GroupCurve(double[] seconds, double[] mean, double[] low, double[] high, int[] n) {

    /**
     * The group curve of per-participant curves on a common grid (step {@code 1 / gridHz}), cut to the shortest
     * curve so that every point covers the same participants' windows.
     */
    public static GroupCurve of(List<double[]> curves, double gridHz, int resamples, double confidence, long seed) {
        int participants = curves.size();
        int length = curves.stream().mapToInt(c -> c.length).min().orElse(0);
        int[][] draws = new int[resamples][participants];
        SplittableRandom random = new SplittableRandom(seed);
        for (int[] draw : draws) for (int i = 0; i < participants; i++) draw[i] = random.nextInt(participants);

        double[] seconds = new double[length], mean = new double[length], low = new double[length], high = new double[length];
        int[] n = new int[length];
        double[] column = new double[participants], means = new double[resamples];
        for (int k = 0; k < length; k++) {
            seconds[k] = k / gridHz;
            for (int i = 0; i < participants; i++) column[i] = curves.get(i)[k];
            double sum = 0;
            for (double v : column) if (!Double.isNaN(v)) {
                sum += v;
                n[k]++;
            }
            mean[k] = n[k] == 0 ? Double.NaN : sum / n[k];
            for (int b = 0; b < resamples; b++) {
                double s = 0;
                int count = 0;
                for (int i : draws[b]) if (!Double.isNaN(column[i])) {
                    s += column[i];
                    count++;
                }
                means[b] = count == 0 ? Double.NaN : s / count;
            }
            double[] band = Bootstrap.percentileInterval(means, confidence);
            low[k] = band[0];
            high[k] = band[1];
        }
        return new GroupCurve(seconds, mean, low, high, n);
    }

    public int length() {
        return seconds.length;
    }
}
