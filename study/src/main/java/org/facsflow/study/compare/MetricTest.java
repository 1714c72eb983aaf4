package org.facsflow.study.compare;

import org.facsflow.study.metrics.MetricKey;
import org.facsflow.study.stats.TestResult;

/**
 * One tested metric of a comparison.
 *
 * @param key    the metric
 * @param result its tests and effect sizes
 * @param q      Benjamini-Hochberg adjusted permutation p over the comparison's family; NaN when untested
 */
public record MetricTest(MetricKey key, TestResult result, double q) {
    public boolean significant(double fdr) {
        return q <= fdr;
    }
}
