package org.facsflow.interop.agreement;

import org.facsflow.facs.ActionUnit;

/**
 * How well two codings of one AU agree (a prediction against a reference, or coder 2 against coder 1).
 *
 * @param frames           frames where both have a presence call
 * @param referencePresent frames the reference calls present
 * @param predictedPresent frames the prediction calls present
 * @param f1               frame-level F1 of the prediction's presence against the reference's
 * @param kappa            Cohen's kappa of the presence calls
 * @param intensityFrames  frames where both have an intensity (ICC is over these)
 * @param icc              ICC(3,1) of the intensities (Shrout &amp; Fleiss), NaN without intensities on both sides
 * @param referenceEvents  runs of present frames in the reference
 * @param predictedEvents  runs in the prediction
 * @param matchedEvents    pairs whose onsets and offsets each differ by at most the tolerance, matched one to one
 * @param eventF1          2 matched / (reference + predicted events)
 * @param units            resampling units for the intervals (event stretches, see {@link Agreements})
 */
public record CodeAgreement(ActionUnit au, int frames, int referencePresent, int predictedPresent, double f1,
                            Interval f1Interval, double kappa, Interval kappaInterval, int intensityFrames, double icc,
                            Interval iccInterval, int referenceEvents, int predictedEvents, int matchedEvents,
                            double eventF1, Interval eventF1Interval, int units) {
}
