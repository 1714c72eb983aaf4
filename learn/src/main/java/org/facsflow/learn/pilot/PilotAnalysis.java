package org.facsflow.learn.pilot;

import org.facsflow.learn.state.LearnerState;
import org.facsflow.study.stats.BenjaminiHochberg;
import org.facsflow.study.stats.ConditionTest;
import org.facsflow.interop.agreement.Interval;
import org.facsflow.study.stats.StatsSettings;
import org.facsflow.study.stats.TestResult;
import org.hipparchus.stat.correlation.SpearmansCorrelation;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The pilot's analysis, with the study module's statistics: learning gain (post-test minus pre-test share right) and
 * engagement (UES-SF) by condition, each compared between the two independent groups by {@link ConditionTest} (the
 * label-shuffle permutation test with the mean difference's interval that inverts it, Welch's t with Hedges' g and its
 * noncentral-t interval, Mann-Whitney with the rank-biserial r); the four UES-SF subscales as a secondary family with
 * Benjamini-Hochberg q-values; the pre-test as a balance check. Then how well the detected states agree with the
 * questionnaire: Spearman's rho over participants with the Bonett &amp; Wright (2000) interval.
 */
public final class PilotAnalysis {
    private PilotAnalysis() {
    }

    /** One compared outcome. */
    public record Comparison(String outcome, String family, TestResult result, double q) {
    }

    /**
     * One agreement between a detected state's share and a questionnaire score.
     *
     * @param expected the sign the pairing should have if detection and questionnaire agree
     */
    public record Agreement(String detected, String reported, int n, double rho, Interval interval, int expected) {
    }

    /** Everything the report shows. */
    public record Result(List<ParticipantSummary> participants, List<Comparison> comparisons,
                         List<Agreement> agreements, boolean simulated) {
    }

    public static Result analyse(PilotStore store) throws IOException {
        List<ParticipantSummary> people = participants(store.connection());
        ConditionTest test = new ConditionTest(StatsSettings.DEFAULT);
        List<Comparison> comparisons = new ArrayList<>();
        comparisons.add(compare(test, people, "learning gain (post - pre, share right)", "primary", ParticipantSummary::gain));
        comparisons.add(compare(test, people, "engagement (UES-SF overall, 1-5)", "primary", p -> p.ues().overall()));
        List<Comparison> secondary = new ArrayList<>();
        for (EngagementScale.Subscale s : EngagementScale.Subscale.values())
            secondary.add(compare(test, people, "UES-SF " + s.code() + " (" + words(s) + ")", "secondary",
                    p -> p.ues().subscales().get(s)));
        double[] q = BenjaminiHochberg.adjust(secondary.stream().mapToDouble(c -> c.result().pPermutation()).toArray());
        for (int i = 0; i < secondary.size(); i++) {
            Comparison c = secondary.get(i);
            comparisons.add(new Comparison(c.outcome(), c.family(), c.result(), q[i]));
        }
        comparisons.add(compare(test, people, "pre-test (share right)", "balance", ParticipantSummary::pre));
        comparisons.add(compare(test, people, "post-test (share right)", "secondary", ParticipantSummary::post));

        List<Agreement> agreements = List.of(
                agree(people, "engaged", p -> p.share(LearnerState.ENGAGED), "UES-SF FA (focused attention)",
                        p -> p.ues().subscales().get(EngagementScale.Subscale.FOCUSED_ATTENTION), 1),
                agree(people, "confused + frustrated", p -> p.share(LearnerState.CONFUSED) + p.share(LearnerState.FRUSTRATED),
                        "UES-SF PU (perceived usability, reverse-coded)",
                        p -> p.ues().subscales().get(EngagementScale.Subscale.PERCEIVED_USABILITY), -1),
                agree(people, "frustrated", p -> p.share(LearnerState.FRUSTRATED), "PU-S.1 \"I felt frustrated\" (as answered)",
                        p -> p.uesItems().get("PU-S.1"), 1),
                agree(people, "confused", p -> p.share(LearnerState.CONFUSED), "PU-S.2 \"confusing to use\" (as answered)",
                        p -> p.uesItems().get("PU-S.2"), 1),
                agree(people, "bored", p -> p.share(LearnerState.BORED), "RW-S.3 \"I felt interested\" (as answered)",
                        p -> p.uesItems().get("RW-S.3"), -1));
        return new Result(people, comparisons, agreements, people.stream().anyMatch(ParticipantSummary::simulated));
    }

    private static String words(EngagementScale.Subscale s) {
        return s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static Comparison compare(ConditionTest test, List<ParticipantSummary> people, String outcome, String family,
                                      ToDoubleFunction<ParticipantSummary> value) {
        double[] a = people.stream().filter(p -> p.condition() == PilotCondition.ADAPTIVE).mapToDouble(value).toArray();
        double[] b = people.stream().filter(p -> p.condition() == PilotCondition.NON_ADAPTIVE).mapToDouble(value).toArray();
        return new Comparison(outcome, family, test.independent(a, b), Double.NaN);
    }

    /**
     * Spearman's rho with Bonett &amp; Wright's (2000, Psychometrika 65, 23-28) interval: Fisher's z with the standard
     * error sqrt((1 + rho^2 / 2) / (n - 3)). NaN with fewer than 5 participants or no spread.
     */
    static Agreement agree(List<ParticipantSummary> people, String detected, ToDoubleFunction<ParticipantSummary> x,
                           String reported, ToDoubleFunction<ParticipantSummary> y, int expected) {
        double[] xs = people.stream().mapToDouble(x).toArray(), ys = people.stream().mapToDouble(y).toArray();
        int n = xs.length;
        if (n < 5 || constant(xs) || constant(ys)) return new Agreement(detected, reported, n, Double.NaN, Interval.NONE, expected);
        double rho = new SpearmansCorrelation().correlation(xs, ys);
        double z = 0.5 * Math.log((1 + rho) / (1 - rho)), se = Math.sqrt((1 + rho * rho / 2) / (n - 3));
        return new Agreement(detected, reported, n, rho, new Interval(Math.tanh(z - 1.959964 * se),
                Math.tanh(z + 1.959964 * se)), expected);
    }

    private static boolean constant(double[] v) {
        for (double d : v) if (d != v[0]) return false;
        return true;
    }

    /** The completed participants, in arrival order. */
    static List<ParticipantSummary> participants(Connection c) throws IOException {
        try {
            List<ParticipantSummary> out = new ArrayList<>();
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT participant, condition, simulated FROM participants "
                    + "WHERE completed ORDER BY position"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) rows.add(new String[]{rs.getString(1), rs.getString(2), String.valueOf(rs.getBoolean(3))});
            }
            for (String[] r : rows) {
                String id = r[0];
                double pre = scalar(c, "SELECT avg(CASE WHEN correct THEN 1.0 ELSE 0.0 END) FROM tests WHERE participant = ? AND phase = 'pre'", id);
                double post = scalar(c, "SELECT avg(CASE WHEN correct THEN 1.0 ELSE 0.0 END) FROM tests WHERE participant = ? AND phase = 'post'", id);
                Map<String, Integer> items = new LinkedHashMap<>();
                try (PreparedStatement p = c.prepareStatement("SELECT item, response FROM ues WHERE participant = ?")) {
                    p.setString(1, id);
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) items.put(rs.getString(1), rs.getInt(2));
                    }
                }
                int shown = (int) scalar(c, "SELECT count(*) FROM interventions WHERE participant = ? AND shown", id);
                out.add(new ParticipantSummary(id, PilotCondition.of(r[1]), Boolean.parseBoolean(r[2]), pre, post,
                        EngagementScale.score(items), items, stateShares(c, id), shown));
            }
            return out;
        } catch (SQLException e) {
            throw new IOException("the pilot database: " + e.getMessage(), e);
        }
    }

    /** The share of the analysed frames in each state: each frame counts in the state current at its time. */
    private static Map<LearnerState, Double> stateShares(Connection c, String id) throws SQLException {
        List<double[]> changes = new ArrayList<>();
        List<LearnerState> states = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT t, state FROM states WHERE participant = ? ORDER BY t")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    changes.add(new double[]{rs.getDouble(1)});
                    states.add(LearnerState.of(rs.getString(2)));
                }
            }
        }
        Map<LearnerState, Double> counts = new EnumMap<>(LearnerState.class);
        int frames = 0, next = 0;
        LearnerState current = LearnerState.ENGAGED;
        try (PreparedStatement p = c.prepareStatement("SELECT t FROM signals WHERE participant = ? ORDER BY t")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    double t = rs.getDouble(1);
                    while (next < changes.size() && changes.get(next)[0] <= t) current = states.get(next++);
                    counts.merge(current, 1.0, Double::sum);
                    frames++;
                }
            }
        }
        int total = frames;
        if (total > 0) counts.replaceAll((s, n) -> n / total);
        return counts;
    }

    private static double scalar(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }
}
