package org.facsflow.study.metrics;

import org.facsflow.facs.IntensityScale;

/**
 * The definitions behind every per-recording metric. Defaults:
 * <ul>
 *   <li>{@code presence} 1.0: an AU counts as present from FACS intensity A (trace) up, as in
 *       {@link IntensityScale#PRESENCE_THRESHOLD}; used for co-occurrence, positive-valence time and smile episodes;</li>
 *   <li>{@code minSmileSeconds} 0.5: a smile episode is AU12 present without a break for at least this long;</li>
 *   <li>{@code maxGapSeconds} 0.5: measured frames further apart than this are not joined (a longer face loss ends
 *       a smile episode and leaves the resampled curve empty there);</li>
 *   <li>{@code gridHz} 10: curves are resampled to this rate from stimulus onset, by linear interpolation between
 *       measured frames.</li>
 * </ul>
 */
public record MetricSettings(double presence, double minSmileSeconds, double maxGapSeconds, double gridHz) {
    public static final MetricSettings DEFAULT = new MetricSettings(IntensityScale.PRESENCE_THRESHOLD, 0.5, 0.5, 10);

    public MetricSettings {
        if (!(presence > 0 && minSmileSeconds > 0 && maxGapSeconds > 0 && gridHz > 0))
            throw new IllegalArgumentException("metric settings must be positive");
    }

    public double gridStep() {
        return 1 / gridHz;
    }
}
