package org.facsflow.study.stats;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

import java.util.function.DoubleUnaryOperator;

/**
 * The noncentral t distribution (Hipparchus has only the central one), and what a t test needs from it: the
 * interval of a standardised effect (Steiger &amp; Fouladi 1997: invert the distribution in its noncentrality) and the
 * power of a two-sided test (Cohen 1988).
 * <p>
 * The distribution function is Lenth's algorithm AS 243 (Applied Statistics 38, 1989): two series of incomplete
 * beta functions weighted by Poisson terms, to an error below 1e-12. Its first Poisson weight, exp(-ncp^2 / 2),
 * underflows for |ncp| &gt; 37.6, and it converges slowly for huge df; there the probability is integrated
 * numerically instead: for t &gt; 0, P(T &lt;= t) = Phi(-ncp) + integral over z &gt; -ncp of
 * phi(z) P(chi2_df &gt;= df (z + ncp)^2 / t^2) dz (adaptive Simpson). R's {@code pt} uses a normal approximation
 * there, which misplaces the ends of an interval by several percent at small df.
 */
public final class NoncentralT {
    private static final NormalDistribution NORMAL = new NormalDistribution();
    private static final double ERROR = 1e-12, LN_SQRT_PI = 0.5 * Math.log(Math.PI);
    private static final int ITERATIONS = 1000;

    private NoncentralT() {
    }

    /** P(T &lt;= t) for T noncentral t with {@code df} degrees of freedom and noncentrality {@code ncp}. */
    public static double cdf(double t, double df, double ncp) {
        if (!(df > 0) || Double.isNaN(t) || Double.isNaN(ncp)) return Double.NaN;
        if (ncp == 0) return new TDistribution(df).cumulativeProbability(t);
        if (Double.isInfinite(t)) return t < 0 ? 0 : 1;
        return t >= 0 ? lowerTail(t, df, ncp) : 1 - lowerTail(-t, df, -ncp);
    }

    /** AS 243 for t &gt;= 0. */
    private static double lowerTail(double t, double df, double ncp) {
        double lambda = ncp * ncp;
        if (df > 4e5 || lambda > 2 * Math.log(2) * 1021) return integrated(t, df, ncp);
        double sum = 0;
        double x = t * t / (t * t + df);
        if (x > 0) {
            double p = 0.5 * Math.exp(-0.5 * lambda);
            double q = Math.sqrt(2 / Math.PI) * p * ncp;
            double s = 0.5 - p;
            if (s < 1e-7) s = -0.5 * Math.expm1(-0.5 * lambda);
            double a = 0.5, b = 0.5 * df;
            double rxb = Math.pow(df / (t * t + df), b);
            double logBeta = LN_SQRT_PI + Gamma.logGamma(b) - Gamma.logGamma(b + 0.5);
            double xOdd = Beta.regularizedBeta(x, a, b);
            double gOdd = 2 * rxb * Math.exp(a * Math.log(x) - logBeta);
            double bx = b * x;
            double xEven = bx < Math.ulp(1.0) ? bx : 1 - rxb;
            double gEven = bx * rxb;
            sum = p * xOdd + q * xEven;
            for (int i = 1; i <= ITERATIONS; i++) {
                a += 1;
                xOdd -= gOdd;
                xEven -= gEven;
                gOdd *= x * (a + b - 1) / a;
                gEven *= x * (a + b - 0.5) / (a + 0.5);
                p *= lambda / (2 * i);
                q *= lambda / (2 * i + 1);
                sum += p * xOdd + q * xEven;
                s -= p;
                if (s <= 0 && i > 1) break; // the Poisson weights are spent (or rounding made s negative)
                if (Math.abs(2 * s * (xOdd - gOdd)) < ERROR) break;
            }
        }
        return Math.min(1, sum + NORMAL.cumulativeProbability(-ncp));
    }

    /** P(T &lt;= t) for t &gt;= 0 by integrating over the normal part of T = (Z + ncp) / sqrt(chi2_df / df). */
    private static double integrated(double t, double df, double ncp) {
        if (t == 0) return NORMAL.cumulativeProbability(-ncp);
        DoubleUnaryOperator f = z -> NORMAL.density(z)
                * Gamma.regularizedGammaQ(df / 2, df * (z + ncp) * (z + ncp) / (2 * t * t));
        double sum = NORMAL.cumulativeProbability(-ncp);
        // phi is below 1e-31 beyond 12; unit panels so that a sharp step of the chi-square factor is not missed
        for (double from = Math.max(-ncp, -12); from < 12; from += 1)
            sum += simpson(f, from, Math.min(from + 1, 12));
        return Math.min(1, sum);
    }

    private static double simpson(DoubleUnaryOperator f, double a, double b) {
        double fa = f.applyAsDouble(a), fm = f.applyAsDouble(0.5 * (a + b)), fb = f.applyAsDouble(b);
        return simpson(f, a, b, fa, fm, fb, (b - a) / 6 * (fa + 4 * fm + fb), 1e-15, 40);
    }

    private static double simpson(DoubleUnaryOperator f, double a, double b, double fa, double fm, double fb,
                                  double whole, double tolerance, int depth) {
        double m = 0.5 * (a + b), flm = f.applyAsDouble(0.5 * (a + m)), frm = f.applyAsDouble(0.5 * (m + b));
        double left = (m - a) / 6 * (fa + 4 * flm + fm), right = (b - m) / 6 * (fm + 4 * frm + fb);
        double change = left + right - whole;
        if (depth == 0 || Math.abs(change) <= 15 * tolerance) return left + right + change / 15;
        return simpson(f, a, m, fa, flm, fm, left, tolerance / 2, depth - 1)
                + simpson(f, m, b, fm, frm, fb, right, tolerance / 2, depth - 1);
    }

    /**
     * The {@code confidence} interval {low, high} of the noncentrality behind an observed t: low has t at its
     * (1 + c)/2 quantile, high at its (1 - c)/2 quantile. Exact under normality, for any df &gt; 0.
     */
    public static double[] ncpInterval(double t, double df, double confidence) {
        if (!Double.isFinite(t) || !(df > 0)) return new double[]{Double.NaN, Double.NaN};
        double tail = (1 - confidence) / 2;
        return new double[]{
                decreasingRoot(ncp -> cdf(t, df, ncp) - (1 - tail), t - 1, t + 1),
                decreasingRoot(ncp -> cdf(t, df, ncp) - tail, t - 1, t + 1)};
    }

    /** The power of a two-sided t test at level {@code alpha} when the true noncentrality is {@code ncp}. */
    public static double power(double ncp, double df, double alpha) {
        double critical = new TDistribution(df).inverseCumulativeProbability(1 - alpha / 2);
        return 1 - cdf(critical, df, ncp) + cdf(-critical, df, ncp);
    }

    /**
     * The smallest standardised effect a two-sided t test at level {@code alpha} detects with probability
     * {@code wanted}, where the noncentrality is the effect times {@code scale} (paired: sqrt(n), df n - 1; two
     * groups: sqrt(n1 n2 / (n1 + n2)), df n1 + n2 - 2).
     */
    public static double detectableEffect(double df, double scale, double alpha, double wanted) {
        // power at 0 is alpha, below what is wanted: the root lies above 0, where power grows with the effect
        return decreasingRoot(effect -> wanted - power(effect * scale, df, alpha), 0, 1);
    }

    /** The root of a decreasing function: [lo, hi] widened until it brackets the root, then bisected to full precision. */
    private static double decreasingRoot(DoubleUnaryOperator f, double lo, double hi) {
        double step = hi - lo;
        for (int i = 0; i < 200 && f.applyAsDouble(lo) < 0; i++) lo -= step *= 2;
        for (int i = 0; i < 200 && f.applyAsDouble(hi) > 0; i++) hi += step *= 2;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (f.applyAsDouble(mid) > 0) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
