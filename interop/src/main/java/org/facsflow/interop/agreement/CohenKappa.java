package org.facsflow.interop.agreement;

/**
 * Cohen's kappa (1960) for two raters' presence calls on the same frames, from the 2x2 counts:
 * (p_o - p_e) / (1 - p_e), with p_o the share of frames they agree on and p_e the agreement expected from each
 * rater's own rate of "present". NaN where p_e is 1 (both constant and equal: kappa is undefined).
 */
public final class CohenKappa {
    private CohenKappa() {
    }

    /**
     * @param both    frames both call present
     * @param onlyA   frames only rater A calls present
     * @param onlyB   frames only rater B calls present
     * @param neither frames neither calls present
     */
    public static double of(long both, long onlyA, long onlyB, long neither) {
        double n = both + onlyA + onlyB + neither;
        if (n == 0) return Double.NaN;
        double observed = (both + neither) / n;
        double aYes = (both + onlyA) / n, bYes = (both + onlyB) / n;
        double expected = aYes * bYes + (1 - aYes) * (1 - bYes);
        return expected == 1 ? Double.NaN : (observed - expected) / (1 - expected);
    }
}
