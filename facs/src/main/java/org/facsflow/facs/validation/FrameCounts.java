package org.facsflow.facs.validation;

/**
 * How the reference's rows fared when aligned with the prediction's.
 *
 * @param referenceRows       rows in the reference file
 * @param referenceFailed     skipped: the reference did not track the face (success = 0), so its values mean nothing
 * @param missingInPrediction skipped: no prediction row with the same frame and face, or one with success = 0
 */
public record FrameCounts(int referenceRows, int referenceFailed, int missingInPrediction) {

    /** Rows both files describe with a tracked face; an AU may still skip some of them for an empty value. */
    public int compared() {
        return referenceRows - referenceFailed - missingInPrediction;
    }
}
