package org.facsflow.study.stats;

/**
 * Resampling and error-rate settings of a comparison. Defaults: 10,000 permutations (or every rearrangement, when
 * there are no more); 2,000 bootstrap resamples for the group curves' bands; seed 20240229 (every test starts its
 * own generator from it, so a result does not depend on which other metrics were tested); FDR level 0.05; 95%
 * intervals.
 */
public record StatsSettings(int permutations, int bootstrapResamples, long seed, double fdr, double confidence) {
    public static final StatsSettings DEFAULT = new StatsSettings(10_000, 2_000, 20240229L, 0.05, 0.95);

    public StatsSettings {
        if (permutations < 1 || bootstrapResamples < 1) throw new IllegalArgumentException("need resamples");
        if (!(fdr > 0 && fdr < 1 && confidence > 0 && confidence < 1))
            throw new IllegalArgumentException("fdr and confidence must lie in (0, 1)");
    }
}
