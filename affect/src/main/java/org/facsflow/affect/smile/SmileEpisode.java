package org.facsflow.affect.smile;

import org.facsflow.affect.episodes.Episode;

/**
 * One smile of one face.
 *
 * @param au12         the AU12 episode: onset, apex, offset, peak intensity
 * @param symmetry     mean over the smile of (R - L) / (R + L) of one-sided AU12 (the person's own right and left):
 *                     0 symmetric, +1 right side only, -1 left only; NaN when sides were not measured
 * @param au6Fraction  fraction of the smile's frames with AU6 (cheek raiser) present (at least A)
 * @param correlation  Pearson r of AU6 with AU12 over the smile's frames; NaN with fewer than 3 frames or a flat series
 * @param au6OnsetLag  seconds from the AU12 onset to the onset of the AU6 run overlapping the smile (negative: AU6
 *                     first); NaN when AU6 never appears, or was already on when the look-back window began
 * @param duchenne     AU6 coupled with AU12 (see {@link SmileParameters#STANDARD})
 */
public record SmileEpisode(int faceId, Episode au12, float symmetry, float au6Fraction, float correlation,
                           double au6OnsetLag, boolean duchenne) {
}
