package org.facsflow.facs.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AgreementTest {
    private static final double[] X = {1, 2, 3, 4, 5};
    private static final double[] Y = {2, 2, 4, 4, 6};

    /*
     * By hand: mean x = 3, mean y = 3.6; deviations dx = (-2,-1,0,1,2), dy = (-1.6,-1.6,0.4,0.4,2.4);
     * Sxx = 10, Syy = 11.2, Sxy = 3.2+1.6+0+0.4+4.8 = 10.
     *   r   = Sxy / sqrt(Sxx Syy) = 10 / sqrt(112) = 0.944911
     *   CCC = 2 (Sxy/n) / (Sxx/n + Syy/n + (3 - 3.6)²) = 4 / (2 + 2.24 + 0.36) = 4 / 4.6 = 0.869565
     *         (check: 1 - mean((x-y)²) / 4.6 = 1 - 0.6 / 4.6, the same)
     *   ICC(3,1), k = 2, n = 5: row means (1.5,2,3.5,4,5.5), grand mean 3.3;
     *         SSrows = 2 * (3.24+1.69+0.04+0.49+4.84) = 20.6, BMS = 20.6/4 = 5.15;
     *         SScols = 5 * (0.09+0.09) = 0.9; SStotal = 10.45 + 11.65 = 22.1;
     *         EMS = (22.1 - 20.6 - 0.9) / 4 = 0.15; ICC = (5.15-0.15)/(5.15+0.15) = 5/5.3 = 0.943396
     *         (check: for two raters ICC(3,1) = 2 cov/(var x + var y) = 2*2.5/(2.5+2.8), the same)
     *   MAE = (1+0+1+0+1)/5 = 0.6
     * python3: scipy.stats.pearsonr -> 0.9449111825230679; numpy CCC -> 0.8695652173913042;
     *          numpy two-way ANOVA ICC(3,1) -> 0.9433962264150942 (BMS 5.15, EMS 0.15); MAE 0.6
     */
    @Test
    void measuresMatchTheHandComputation() {
        assertThat(Agreement.pearson(X, Y)).isCloseTo(0.9449111825230679, within(1e-12));
        assertThat(Agreement.concordance(X, Y)).isCloseTo(0.8695652173913042, within(1e-12));
        assertThat(Agreement.icc31(X, Y)).isCloseTo(0.9433962264150942, within(1e-12));
        assertThat(Agreement.meanAbsoluteError(X, Y)).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void offsetLowersConcordanceButNotConsistency() {
        double[] shifted = {2, 3, 4, 5, 6};
        assertThat(Agreement.pearson(X, shifted)).isCloseTo(1, within(1e-12));
        assertThat(Agreement.icc31(X, shifted)).isCloseTo(1, within(1e-12));
        // CCC = 2*2 / (2 + 2 + 1) = 0.8
        assertThat(Agreement.concordance(X, shifted)).isCloseTo(0.8, within(1e-12));
        assertThat(Agreement.concordance(X, X)).isCloseTo(1, within(1e-12));
    }

    @Test
    void constantSeriesGiveNaNWhereTheFormulaIsUndefined() {
        double[] flat = {2, 2, 2, 2, 2};
        assertThat(Agreement.pearson(X, flat)).as("r with one constant series").isNaN();
        assertThat(Agreement.pearson(flat, flat)).isNaN();
        assertThat(Agreement.concordance(flat, flat)).as("CCC, both constant and equal: 0/0").isNaN();
        assertThat(Agreement.icc31(flat, flat)).isNaN();
        // one constant series: CCC is defined and 0 (no covariance), 2*0 / (2 + 0 + 1)
        assertThat(Agreement.concordance(X, flat)).isZero();
        assertThat(Agreement.pearson(new double[]{1}, new double[]{1})).as("one frame").isNaN();
        assertThat(Agreement.meanAbsoluteError(new double[0], new double[0])).isNaN();
    }

    @Test
    void f1CountsPresenceAgreement() {
        // TP 1 (frame 0), FN 1 (frame 1), FP 1 (frame 2): 2*1 / (2 + 1 + 1) = 0.5
        assertThat(Agreement.f1(new boolean[]{true, true, false, false}, new boolean[]{true, false, true, false}))
                .isEqualTo(0.5);
        assertThat(Agreement.f1(new boolean[]{false, false}, new boolean[]{false, false})).as("no presence").isNaN();
        assertThat(Agreement.f1(new boolean[]{true, false}, new boolean[]{false, false})).isZero();
    }

    @Test
    void seriesOfDifferentLengthAreRefused() {
        assertThatThrownBy(() -> Agreement.pearson(X, new double[]{1, 2})).isInstanceOf(IllegalArgumentException.class);
    }
}
