package org.facsflow.study.compare;

import org.facsflow.study.Csv;
import org.facsflow.study.Design;
import org.facsflow.interop.agreement.Interval;
import org.facsflow.study.stats.NoncentralT;
import org.facsflow.study.stats.TestResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The comparison in words, claiming no more than the numbers. The verdict comes first: which condition drew more of
 * which response, by how much and how sure, in words a non-statistician reads; only differences that survive the
 * FDR correction are called differences. Then the sample size and the smallest effect it could reliably detect
 * (power from the noncentral t distribution), what was left out, what facial expression does not measure, and the
 * method.
 */
public final class PlainSummary {
    /** Findings the verdict spells out with their sizes; the rest are named. */
    private static final int DETAILED = 3, NAMED = 6;
    private static final char HEADLINE_END = '.';

    private PlainSummary() {
    }

    static List<String> of(ComparisonResult r) {
        double fdr = r.statsSettings().fdr();
        List<MetricTest> tested = r.tests().stream().filter(t -> t.result().tested()).toList();
        List<String> out = new ArrayList<>();
        out.add(verdict(r, tested));
        List<MetricTest> found = tested.stream().filter(t -> t.significant(fdr)).toList();
        double alpha = 1 - r.statsSettings().confidence();
        if (found.isEmpty()) tested.stream().filter(t -> t.result().canReach(alpha)).min(Comparator.comparingDouble(t -> t.result().pPermutation())).ifPresent(t ->
                out.add("The smallest uncorrected p was for " + t.key().describe() + " (" + difference(r, t) + ", "
                        + p("p", t.result().pPermutation()) + ", " + p("q", t.q()) + "): a lead for a new study, not a finding."));
        out.add(sample(r));
        if (!r.leftOut().isEmpty()) out.add("Left out: " + String.join("; ", r.leftOut()) + ".");
        out.add("Facial expressions were measured automatically from video; they show what faces displayed, not felt "
                + "emotion, liking or intent to buy.");
        out.add(method(r, tested.size()));
        return out;
    }

    /** The answer, first: which condition drew more of what, with sizes and uncertainty. */
    static String verdict(ComparisonResult r, List<MetricTest> tested) {
        double fdr = r.statsSettings().fdr(), alpha = 1 - r.statsSettings().confidence();
        String a = r.a(), b = r.b();
        List<MetricTest> found = tested.stream().filter(t -> t.significant(fdr))
                .sorted(Comparator.comparingDouble(MetricTest::q)
                        .thenComparing(t -> -Math.abs(t.result().g()))).toList();
        if (tested.isEmpty())
            return "No verdict: none of the " + r.tests().size() + " measures could be tested ("
                    + r.tests().get(0).result().note() + ").";
        if (found.isEmpty() && tested.stream().noneMatch(t -> t.result().canReach(alpha))) {
            double smallest = tested.stream().mapToDouble(t -> t.result().smallestP()).min().orElse(1);
            return "No verdict possible: with " + participants(r) + ", no difference between " + a + " and " + b
                    + " could reach significance whatever the faces showed (the smallest p the permutation test can "
                    + "give here is " + Csv.fixed(smallest, 3) + "). Test more participants"
                    + (r.design() == Design.WITHIN ? " (at least 6 who see both)." : ".");
        }
        if (found.isEmpty())
            return "No clear difference: neither " + a + " nor " + b + " drew measurably more of any facial "
                    + "expression. None of the " + tested.size() + " measures compared differed after correction for "
                    + "testing that many; with " + participants(r) + ", smaller real differences may have gone unseen.";

        StringBuilder s = new StringBuilder();
        List<String> more = responses(found, true), less = responses(found, false);
        if (!more.isEmpty()) s.append(a).append(" drew more ").append(join(more)).append(" than ").append(b);
        if (!less.isEmpty()) s.append(more.isEmpty() ? b + " drew more " : ", and " + b + " more ").append(join(less))
                .append(" than ").append(a);
        s.append(HEADLINE_END);
        // sizes for the strongest finding of each response, the other findings by name
        Set<String> detailed = new LinkedHashSet<>();
        List<MetricTest> rest = new ArrayList<>();
        for (MetricTest t : found) {
            if (detailed.size() < DETAILED && detailed.add(t.key().response())) s.append(' ').append(finding(r, t));
            else rest.add(t);
        }
        if (!rest.isEmpty()) {
            List<String> named = rest.subList(0, Math.min(NAMED, rest.size())).stream()
                    .map(t -> t.key().describe() + " (more with " + (t.result().difference() > 0 ? a : b) + ")").toList();
            s.append(" Also: ").append(String.join("; ", named));
            if (rest.size() > NAMED) s.append("; and ").append(rest.size() - NAMED).append(" more (see the table)");
            s.append('.');
        }
        int others = tested.size() - found.size();
        if (others > 0) s.append(" None of the other ").append(others).append(" measures differed after correction for "
                + "testing ").append(tested.size()).append('.');
        return s.toString();
    }

    /**
     * The verdict's first sentence, which says which condition drew more of what (or that none did): up to the first
     * full stop followed by a space, where the headline ends; the whole verdict when it has one sentence.
     */
    public static String headline(String verdict) {
        int end = verdict.indexOf(HEADLINE_END + " ");
        return end < 0 ? verdict : verdict.substring(0, end + 1);
    }

    /** One finding: the two means, the difference with its interval, how many people it held for, its size. */
    private static String finding(ComparisonResult r, MetricTest t) {
        TestResult x = t.result();
        boolean aMore = x.difference() > 0;
        String more = aMore ? r.a() : r.b(), less = aMore ? r.b() : r.a();
        StringBuilder s = new StringBuilder(capitalise(t.key().describe())).append(": ")
                .append(Csv.fixed(x.meanA(), 2)).append(" with ").append(r.a()).append(" against ")
                .append(Csv.fixed(x.meanB(), 2)).append(" with ").append(r.b()).append(", ")
                .append(Csv.fixed(Math.abs(x.difference()), 2)).append(t.key().unit()).append(" more with ").append(more);
        Interval ci = x.differenceInterval();
        if (ci.bounded()) s.append(" (").append(Math.round(100 * r.statsSettings().confidence())).append("% interval ")
                .append(Csv.fixed(aMore ? ci.low() : -ci.high(), 2)).append(" to ")
                .append(Csv.fixed(aMore ? ci.high() : -ci.low(), 2)).append(')');
        if (x.design() == Design.WITHIN) {
            int higher = aMore ? x.higherInA() : x.higherInB();
            s.append("; ").append(higher == x.nA() ? "all " + higher : higher + " of " + x.nA())
                    .append(" participants showed more with ").append(more);
        }
        else
            s.append("; a random ").append(more).append(" viewer showed more than a random ").append(less)
                    .append(" viewer in ").append(Math.round(50 * (1 + (aMore ? x.r() : -x.r())))).append("% of pairings");
        return s.append("; ").append(size(x.g())).append(" difference (").append(r.design() == Design.WITHIN ? "g_z" : "g")
                .append(" = ").append(Csv.fixed(x.g(), 2)).append(").").toString();
    }

    /** Cohen's (1988) words for a standardised difference: 0.2 small, 0.5 medium, 0.8 large. */
    static String size(double g) {
        double m = Math.abs(g);
        return m >= 0.8 ? "a large" : m >= 0.5 ? "a medium" : m >= 0.2 ? "a small" : "a negligible";
    }

    /** The distinct responses that were higher in A, or in B, in the order found; four named, the rest counted. */
    private static List<String> responses(List<MetricTest> found, boolean inA) {
        Set<String> responses = new LinkedHashSet<>();
        for (MetricTest t : found) if (t.result().difference() > 0 == inA) responses.add(t.key().response());
        List<String> out = new ArrayList<>(responses);
        if (out.size() <= 4) return out;
        int others = out.size() - 4;
        return List.of(String.join(", ", out.subList(0, 4)), others + (others == 1 ? " other response" : " other responses"));
    }

    /** One line per key measure, for text outputs: both means, the difference with its interval, q and the reading. */
    public static List<String> keyMeasureLines(ComparisonResult r) {
        List<String> lines = new ArrayList<>();
        for (MetricTest t : r.keyMeasures()) {
            TestResult x = t.result();
            lines.add("- " + t.key().label() + ": " + r.a() + " " + Csv.fixed(x.meanA(), 2) + ", " + r.b() + " "
                    + Csv.fixed(x.meanB(), 2) + "; difference " + differenceWithInterval(x) + t.key().unit()
                    + "; " + p("q", t.q()) + ": " + reading(r, t));
        }
        return lines;
    }

    /** "more with AdA", "more with AdB", "no clear difference", or why it was not tested. */
    public static String reading(ComparisonResult r, MetricTest t) {
        if (!t.result().tested()) return "not tested (" + t.result().note() + ")";
        if (!t.significant(r.statsSettings().fdr())) return "no clear difference";
        return "more with " + (t.result().difference() > 0 ? r.a() : r.b());
    }

    /** "+0.35 [0.22, 0.49]", or "+0.35 [no interval: too few participants]". */
    public static String differenceWithInterval(TestResult x) {
        String d = String.format(Locale.ROOT, "%+.2f", x.difference());
        if (!x.tested()) return Csv.fixed(x.difference(), 2);
        Interval ci = x.differenceInterval();
        return d + (ci.bounded() ? " [" + Csv.fixed(ci.low(), 2) + ", " + Csv.fixed(ci.high(), 2) + "]"
                : " [no interval: too few participants]");
    }

    private static String difference(ComparisonResult r, MetricTest t) {
        return "difference " + differenceWithInterval(t.result()) + t.key().unit();
    }

    private static String sample(ComparisonResult r) {
        int na = r.participants(r.a()), nb = r.participants(r.b());
        String sample, g = r.design() == Design.WITHIN ? "g_z" : "g";
        double df, scale;
        if (r.design() == Design.WITHIN) {
            sample = "n = " + na + " participants, each of whom watched both (within-subject, paired tests)";
            df = na - 1;
            scale = Math.sqrt(na);
        } else {
            sample = "n = " + na + " (" + r.a() + ") and " + nb + " (" + r.b() + ") participants, each of whom watched one "
                    + "(between-subject, independent groups)";
            df = na + nb - 2;
            scale = Math.sqrt((double) na * nb / (na + nb));
        }
        StringBuilder s = new StringBuilder(Math.min(na, nb) < 20 ? "The sample is small: " : "Sample: ").append(sample).append('.');
        if (df >= 1) s.append(" At this size only effects of about ").append(g).append(" = ")
                .append(Csv.fixed(NoncentralT.detectableEffect(df, scale, 0.05, 0.8), 2))
                .append(" or larger had an 80% chance of p < 0.05 in a single test (t-test power from the noncentral t "
                        + "distribution), before any correction; smaller real differences may have been missed, so "
                        + "'no difference' does not show the two are equally engaging.");
        if (r.design() == Design.WITHIN && na < 6)
            s.append(" With fewer than 6 pairs the permutation test cannot give p < 0.05 at all.");
        return s.toString();
    }

    private static String method(ComparisonResult r, int tested) {
        boolean paired = r.design() == Design.WITHIN;
        int confidence = (int) Math.round(100 * r.statsSettings().confidence());
        return String.format(Locale.ROOT, "Method: primary p from a %s permutation test (every rearrangement when "
                        + "there are at most %,d, else %,d random ones with a fixed seed), q = Benjamini-Hochberg adjusted "
                        + "over %d metrics. Differences carry %d%% intervals from inverting that same test, so an "
                        + "interval leaves out 0 exactly when p < %.2f; they are per metric, not corrected for testing %d, "
                        + "so a metric whose interval leaves out 0 can still fail the correction. %s = Hedges' %s with "
                        + "%d%% noncentral-t intervals (exact for normally distributed values; where the values are far "
                        + "from normal they can disagree with the permutation test, and the table says so).",
                paired ? "sign-flip" : "label-shuffle", r.statsSettings().permutations(), r.statsSettings().permutations(),
                tested, confidence, 1 - r.statsSettings().confidence(), tested, paired ? "g_z" : "g",
                paired ? "g_z (d_z, mean difference / SD of differences, bias-corrected)"
                        : "g (Cohen's d with pooled SD, bias-corrected)", confidence);
    }

    private static String participants(ComparisonResult r) {
        int na = r.participants(r.a()), nb = r.participants(r.b());
        return r.design() == Design.WITHIN ? na + " participants" : na + " and " + nb + " participants";
    }

    private static String join(List<String> items) {
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "q = 0.030", "q < 0.001". */
    static String p(String name, double p) {
        if (Double.isNaN(p)) return name + " NA";
        return p < 0.001 ? name + " < 0.001" : name + " = " + Csv.fixed(p, 3);
    }
}
