package org.facsflow.study.compare;

import org.facsflow.study.Csv;
import org.facsflow.study.Design;
import org.facsflow.study.stats.TestResult;
import org.hipparchus.distribution.continuous.NormalDistribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The comparison in words, claiming no more than the numbers: only differences that survive FDR correction are
 * called differences; the sample size and the smallest effect it could reliably detect are stated; what facial
 * expression does not measure is said.
 */
final class PlainSummary {
    private static final int LISTED = 8;

    private PlainSummary() {
    }

    static List<String> of(ComparisonResult r) {
        double fdr = r.statsSettings().fdr();
        String a = r.a(), b = r.b(), g = r.design() == Design.WITHIN ? "g_z" : "g";
        List<MetricTest> tested = r.tests().stream().filter(t -> t.result().tested()).toList();
        List<MetricTest> found = tested.stream().filter(t -> t.significant(fdr))
                .sorted(Comparator.comparingDouble(MetricTest::q)).toList();
        List<String> out = new ArrayList<>();

        if (found.isEmpty()) {
            out.add("No difference between " + a + " and " + b + " survived correction for multiple comparisons ("
                    + "Benjamini-Hochberg FDR " + fdr + " over " + tested.size() + " tested metrics).");
            tested.stream().min(Comparator.comparingDouble(t -> t.result().pPermutation())).ifPresent(t ->
                    out.add("The smallest uncorrected p was for " + t.key().describe() + " (" + effect(g, t)
                            + ", " + p("p", t.result().pPermutation()) + ", " + p("q", t.q())
                            + "): a lead for a new study, not a finding."));
        } else {
            StringBuilder s = new StringBuilder();
            s.append(found.size()).append(" of ").append(tested.size()).append(" tested metrics differed between ")
                    .append(a).append(" and ").append(b).append(" after correction for multiple comparisons (q <= ")
                    .append(fdr).append(").");
            List<MetricTest> listed = found.subList(0, Math.min(LISTED, found.size()));
            for (boolean aHigher : new boolean[]{true, false}) {
                List<String> items = listed.stream().filter(t -> t.result().difference() > 0 == aHigher)
                        .map(t -> t.key().describe() + " (" + effect(g, t) + ", " + p("q", t.q()) + ")").toList();
                if (items.isEmpty()) continue;
                s.append(" Higher in ").append(aHigher ? a : b).append(" than in ").append(aHigher ? b : a).append(": ")
                        .append(String.join("; ", items)).append('.');
            }
            if (found.size() > LISTED) s.append(" And ").append(found.size() - LISTED).append(" more (see the table).");
            if (found.size() < tested.size()) s.append(" No other difference survived the correction.");
            out.add(s.toString());
        }

        int na = r.participants(a), nb = r.participants(b);
        double z = new NormalDistribution().inverseCumulativeProbability(0.975)
                + new NormalDistribution().inverseCumulativeProbability(0.8);
        String sample;
        double detectable;
        if (r.design() == Design.WITHIN) {
            sample = "n = " + na + " participants, each of whom watched both (within-subject, paired tests)";
            detectable = z / Math.sqrt(na);
        } else {
            sample = "n = " + na + " (" + a + ") and " + nb + " (" + b + ") participants, each of whom watched one "
                    + "(between-subject, independent groups)";
            detectable = z * Math.sqrt(1.0 / na + 1.0 / nb);
        }
        out.add((Math.min(na, nb) < 20 ? "The sample is small: " : "Sample: ") + sample + ". At this size only effects of about "
                + g + " = " + Csv.fixed(detectable, 2) + " or larger had an 80% chance of p < 0.05 in a single test, before "
                + "any correction; smaller real differences may have been missed, so 'no difference' does not show the "
                + "two are equally engaging.");
        if (!r.leftOut().isEmpty())
            out.add("Left out: " + String.join("; ", r.leftOut()) + ".");
        out.add("Facial expressions were measured automatically from video; they show what faces displayed, not felt "
                + "emotion, liking or intent to buy.");
        out.add(String.format(Locale.ROOT, "Method: primary p from a %s permutation test (%,d permutations, fixed seed), "
                        + "q = Benjamini-Hochberg adjusted over %d metrics; %s = Hedges' %s with %d%% BCa bootstrap "
                        + "intervals (%,d resamples; approximate for small n).",
                r.design() == Design.WITHIN ? "sign-flip" : "label-shuffle", r.statsSettings().permutations(),
                tested.size(), g, r.design() == Design.WITHIN ? "g_z (d_z, mean difference / SD of differences, bias-corrected)"
                        : "g (Cohen's d with pooled SD, bias-corrected)",
                Math.round(100 * r.statsSettings().confidence()), r.statsSettings().bootstrapResamples()));
        return out;
    }

    private static String effect(String g, MetricTest t) {
        TestResult x = t.result();
        return g + " = " + Csv.fixed(x.g(), 2) + " [" + Csv.fixed(x.gLow(), 2) + ", " + Csv.fixed(x.gHigh(), 2) + "]";
    }

    /** "q = 0.030", "q < 0.001". */
    static String p(String name, double p) {
        if (Double.isNaN(p)) return name + " NA";
        return p < 0.001 ? name + " < 0.001" : name + " = " + Csv.fixed(p, 3);
    }
}
