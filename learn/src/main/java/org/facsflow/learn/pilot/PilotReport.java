package org.facsflow.learn.pilot;

import org.facsflow.io.AtomicFile;
import org.facsflow.learn.state.LearnerState;
import org.facsflow.study.Csv;
import org.facsflow.study.compare.Provenance;
import org.facsflow.interop.agreement.Interval;
import org.facsflow.study.stats.TestResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pilot's report: summary.txt (the findings in words, primary outcomes first), participants.csv, comparisons.csv
 * and agreement.csv, each written whole or not at all. When any participant was simulated, every file says SIMULATED
 * first: the summary's first paragraph and a "# SIMULATED DATA" line atop each CSV.
 */
public final class PilotReport {
    private PilotReport() {
    }

    public static List<Path> write(PilotAnalysis.Result r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Provenance made = Provenance.now(r.simulated());
        List<Path> written = new ArrayList<>();
        written.add(text(dir.resolve("summary.txt"), summary(r, made)));
        written.add(text(dir.resolve("participants.csv"), participants(r)));
        written.add(text(dir.resolve("comparisons.csv"), comparisons(r)));
        written.add(text(dir.resolve("agreement.csv"), agreement(r)));
        return written;
    }

    static String warning(boolean simulated) {
        return simulated ? Provenance.SIMULATED + " DATA: these participants were made up by 'facsflow learn "
                + "simulate' (synthetic students whose signals, answers and questionnaires follow a documented model in "
                + "which hints, encouragement and breaks help the synthetic student). They show how the analysis works "
                + "and say nothing about real students." : "";
    }

    private static String summary(PilotAnalysis.Result r, Provenance made) {
        StringBuilder b = new StringBuilder();
        if (r.simulated()) b.append(warning(true)).append("\n\n");
        long adaptive = r.participants().stream().filter(p -> p.condition() == PilotCondition.ADAPTIVE).count();
        b.append(made.titlePrefix()).append("facsflow learn pilot: the adaptive lesson against the same lesson without "
                + "adaptation\n");
        b.append("Made by ").append(made.line()).append(".\n");
        b.append("Participants who completed the pilot: ").append(r.participants().size()).append(" (adaptive ")
                .append(adaptive).append(", non-adaptive ").append(r.participants().size() - adaptive).append(").\n\n");
        for (String family : List.of("primary", "secondary", "balance")) {
            b.append(switch (family) {
                case "primary" -> "Primary outcomes";
                case "secondary" -> "Secondary outcomes (UES-SF subscales with Benjamini-Hochberg q over the four)";
                default -> "Balance check (the groups should not differ before the practice)";
            }).append(", adaptive minus non-adaptive: mean difference with the 95% interval that inverts the "
                    + "label-shuffle permutation test, its p; Hedges' g with its noncentral-t 95% interval:\n");
            for (PilotAnalysis.Comparison c : r.comparisons())
                if (c.family().equals(family)) b.append("- ").append(line(c)).append('\n');
            b.append('\n');
        }
        b.append("Detected states against the questionnaire (Spearman's rho over participants, Bonett-Wright 95% "
                + "interval; the sign it should have if detection and questionnaire agree):\n");
        for (PilotAnalysis.Agreement a : r.agreements()) b.append("- ").append(line(a)).append('\n');
        b.append("\nCaveats: a pilot is small, and with few participants an interval is wide and a p-value unstable: "
                + "read the intervals, not the p-values. The states are what the rules detect from the face and the "
                + "task, not what the student felt; the questionnaire is what they report afterwards. The AUs the rules "
                + "read are only as good as the AU coder's agreement for them (README).\n");
        return b.toString();
    }

    private static String line(PilotAnalysis.Comparison c) {
        TestResult t = c.result();
        String head = String.format(Locale.ROOT, "%s: adaptive %s (SD %s, n %d) vs non-adaptive %s (SD %s, n %d)",
                c.outcome(), f(t.meanA()), f(t.sdA()), t.nA(), f(t.meanB()), f(t.sdB()), t.nB());
        if (!t.tested()) return head + ": not tested (" + t.note() + ")";
        String q = Double.isNaN(c.q()) ? "" : ", q = " + f(c.q());
        return head + String.format(Locale.ROOT, ": difference %s %s, p = %s%s; g = %s %s", signed(t.difference()),
                interval(t.differenceInterval()), f(t.pPermutation()), q, f(t.g()), interval(t.gInterval()));
    }

    private static String line(PilotAnalysis.Agreement a) {
        String head = a.detected() + " share vs " + a.reported();
        if (Double.isNaN(a.rho())) return head + ": not computed (fewer than 5 participants or no spread)";
        String verdict = a.interval().excludes(0)
                ? (Math.signum(a.rho()) == a.expected() ? "agrees" : "disagrees (the opposite sign)")
                : "no clear relation (the interval includes 0)";
        return String.format(Locale.ROOT, "%s: rho = %s %s, n %d, expected %s: %s", head, signed(a.rho()),
                interval(a.interval()), a.n(), a.expected() > 0 ? "+" : "-", verdict);
    }

    private static String participants(PilotAnalysis.Result r) {
        StringBuilder b = header(r);
        List<Object> head = new ArrayList<>(List.of("participant", "condition", "simulated", "pre", "post", "gain",
                "ues_overall", "ues_fa", "ues_pu", "ues_ae", "ues_rw"));
        for (LearnerState s : LearnerState.values()) head.add("share_" + s.label());
        head.add("interventions_shown");
        b.append(Csv.line(head.toArray())).append('\n');
        for (ParticipantSummary p : r.participants()) {
            List<Object> row = new ArrayList<>(List.of(p.id(), p.condition().label(), p.simulated(), p.pre(), p.post(),
                    p.gain(), p.ues().overall()));
            for (EngagementScale.Subscale s : EngagementScale.Subscale.values()) row.add(p.ues().subscales().get(s));
            for (LearnerState s : LearnerState.values()) row.add(p.share(s));
            row.add(p.interventions());
            b.append(Csv.line(row.toArray())).append('\n');
        }
        return b.toString();
    }

    private static String comparisons(PilotAnalysis.Result r) {
        StringBuilder b = header(r);
        b.append(Csv.line("outcome", "family", "n_adaptive", "n_non_adaptive", "mean_adaptive", "mean_non_adaptive",
                "sd_adaptive", "sd_non_adaptive", "difference", "difference_low", "difference_high", "p_permutation",
                "q_bh", "hedges_g", "g_low", "g_high", "welch_t", "df", "p_t", "rank_biserial_r", "p_mann_whitney",
                "note")).append('\n');
        for (PilotAnalysis.Comparison c : r.comparisons()) {
            TestResult t = c.result();
            b.append(Csv.line(c.outcome(), c.family(), t.nA(), t.nB(), t.meanA(), t.meanB(), t.sdA(), t.sdB(),
                    t.difference(), t.differenceInterval().low(), t.differenceInterval().high(), t.pPermutation(), c.q(),
                    t.g(), t.gInterval().low(), t.gInterval().high(), t.t(), t.df(), t.pT(), t.r(), t.pRank(),
                    t.note())).append('\n');
        }
        return b.toString();
    }

    private static String agreement(PilotAnalysis.Result r) {
        StringBuilder b = header(r);
        b.append(Csv.line("detected", "reported", "n", "spearman_rho", "low", "high", "expected_sign")).append('\n');
        for (PilotAnalysis.Agreement a : r.agreements())
            b.append(Csv.line(a.detected(), a.reported(), a.n(), a.rho(), a.interval().low(), a.interval().high(),
                    a.expected())).append('\n');
        return b.toString();
    }

    private static StringBuilder header(PilotAnalysis.Result r) {
        StringBuilder b = new StringBuilder();
        if (r.simulated()) b.append("# ").append(warning(true)).append('\n');
        return b;
    }

    private static Path text(Path file, String content) throws IOException {
        AtomicFile.writeText(file, w -> w.write(content));
        return file;
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%+.2f", v);
    }

    private static String interval(Interval i) {
        if (!i.bounded()) return "[no interval: too few participants]";
        return "[" + f(i.low()) + ", " + f(i.high()) + "]";
    }
}
