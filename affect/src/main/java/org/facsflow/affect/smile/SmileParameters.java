package org.facsflow.affect.smile;

import org.facsflow.affect.episodes.EpisodeThresholds;
import org.facsflow.facs.IntensityScale;

/**
 * How smiles are found and judged; {@link #STANDARD} documents each choice. All are heuristics, not fitted.
 *
 * @param au12                  hysteresis on AU12 (lip corner puller)
 * @param lookbackSeconds       how long before the AU12 onset to look for AU6's onset
 * @param duchenneFraction      least fraction of the smile's frames with AU6 present for a Duchenne smile
 * @param duchenneCorrelation   least Pearson r of AU6 with AU12 over the smile for a Duchenne smile
 */
public record SmileParameters(EpisodeThresholds au12, double lookbackSeconds, float duchenneFraction,
                              float duchenneCorrelation) {
    /**
     * AU12 on at B (1.5), off below A (1.0); at least 0.3 s, below the roughly 0.5-4 s reported for felt smiles
     * (Ekman &amp; Friesen 1982; Frank, Ekman &amp; Friesen 1993) yet above single-frame blips; AU6 looked for up to 0.5 s before
     * the AU12 onset. Duchenne (Ekman, Davidson &amp; Friesen 1990: AU6 with AU12) when AU6 is present in at least half
     * of the smile's frames and rises and falls with AU12 (r at least 0.3), so a tonic squint that merely
     * coincides with a smile does not count.
     */
    public static final SmileParameters STANDARD = new SmileParameters(
            new EpisodeThresholds(1.5f, IntensityScale.PRESENCE_THRESHOLD, 0.3), 0.5, 0.5f, 0.3f);
}
