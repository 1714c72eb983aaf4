package org.facsflow.learn.pilot;

import org.facsflow.learn.session.SessionLog;
import org.facsflow.learn.session.SessionRecords;
import org.facsflow.learn.signals.Signals;
import org.facsflow.learn.state.AuValidation;
import org.facsflow.learn.state.LearnerState;
import org.facsflow.learn.state.StateChange;
import org.facsflow.learn.state.StateRules;
import org.facsflow.learn.task.Exercise;
import org.facsflow.learn.task.ExerciseBank;
import org.facsflow.study.stats.ConditionTest;
import org.facsflow.study.stats.StatsSettings;
import org.facsflow.study.stats.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The pilot: assignment, tests, questionnaire scoring, the database, the analysis and the simulated pilot. */
class PilotTest {
    private static final StateRules RULES = StateRules.standard(AuValidation.standard());

    @TempDir
    Path dir;

    @Test
    void everyBlockOfFourHoldsEachConditionAndFormOrderOnce() {
        for (int block = 0; block < 5; block++) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                Assignment a = Assignment.of(block * 4 + i, 42);
                assertThat(a.position()).isEqualTo(block * 4 + i);
                assertThat(a.postForm()).isNotEqualTo(a.preForm());
                seen.add(a.condition() + a.preForm());
            }
            assertThat(seen).hasSize(4);
        }
        assertThat(Assignment.of(3, 42)).isEqualTo(Assignment.of(3, 42));
    }

    @Test
    void theTwoTestFormsAreParallelAndNeverPractised() {
        List<Exercise> a = SkillTest.form("A"), b = SkillTest.form("B");
        assertThat(a).hasSize(8).extracting(Exercise::level).containsExactly(2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(b).extracting(Exercise::level).containsExactlyElementsOf(a.stream().map(Exercise::level).toList());
        assertThat(a).extracting(Exercise::id).startsWith("A1").endsWith("A8");
        Set<String> practised = new HashSet<>();
        ExerciseBank bank = new ExerciseBank(1);
        for (int level = 1; level <= 5; level++) for (int i = 0; i < 40; i++) practised.add(bank.item(level, i).prompt());
        assertThat(a).extracting(Exercise::prompt).doesNotContainAnyElementsOf(b.stream().map(Exercise::prompt).toList())
                .doesNotContainAnyElementsOf(practised);
    }

    @Test
    void theUesShortFormIsScoredAsPublished() {
        Map<String, Integer> all5 = new HashMap<>();
        for (EngagementScale.Item i : EngagementScale.ITEMS) all5.put(i.id(), 5);
        EngagementScale.Scores s = EngagementScale.score(all5);
        assertThat(s.subscales().get(EngagementScale.Subscale.FOCUSED_ATTENTION)).isEqualTo(5);
        assertThat(s.subscales().get(EngagementScale.Subscale.PERCEIVED_USABILITY)).isEqualTo(1); // reverse-coded
        assertThat(s.overall()).isEqualTo((9 * 5 + 3 * 1) / 12.0);
        assertThat(EngagementScale.ITEMS).hasSize(12).filteredOn(EngagementScale.Item::reversed)
                .extracting(EngagementScale.Item::id).containsExactly("PU-S.1", "PU-S.2", "PU-S.3");
        all5.remove("AE-S.2");
        assertThatThrownBy(() -> EngagementScale.score(all5)).hasMessage("UES-SF item AE-S.2 is unanswered");
        all5.put("AE-S.2", 6);
        assertThatThrownBy(() -> EngagementScale.score(all5)).hasMessage("UES-SF item AE-S.2: answer 6 not in 1-5");
    }

    @Test
    void theAnalysisComputesGainsSharesAndTheStudyStatisticsFromTheDatabase() throws Exception {
        double[] preRight = {2, 3, 4, 2, 3, 4}, postRight = {6, 5, 7, 3, 3, 5};
        try (PilotStore store = PilotStore.open(dir, 42, PilotStore.LIVE_FLUSH_SECONDS)) {
            for (int i = 0; i < 6; i++) {
                PilotStore.Participant p = store.register("s" + i, false);
                SessionLog log = store.log(p.id());
                List<Exercise> pre = SkillTest.form(p.assignment().preForm()), post = SkillTest.form(p.assignment().postForm());
                for (int k = 0; k < 8; k++) {
                    log.write(SessionRecords.test(k, "pre", pre.get(k), k < preRight[i] ? "" + pre.get(k).answer() : "x", 1));
                    log.write(SessionRecords.test(k, "post", post.get(k), k < postRight[i] ? "" + post.get(k).answer() : "x", 1));
                }
                // 10 frames, confused from the 4th on for participant i: shares 0.3 engaged, 0.7 confused
                for (int f = 0; f < 10; f++) {
                    if (f == 3) log.write(SessionRecords.state(new StateChange(3, LearnerState.ENGAGED, LearnerState.CONFUSED,
                            List.of("confusion-impasse"))));
                    log.write(SessionRecords.signals(Signals.noFace(f)));
                }
                for (EngagementScale.Item item : EngagementScale.ITEMS) log.write(SessionRecords.ues(20, item.id(), 1 + i % 5));
                store.completed(p.id());
            }
            PilotAnalysis.Result r = PilotAnalysis.analyse(store);
            assertThat(r.simulated()).isFalse();
            assertThat(r.participants()).hasSize(6).allSatisfy(p -> {
                assertThat(p.share(LearnerState.CONFUSED)).isCloseTo(0.7, within(1e-9));
                assertThat(p.share(LearnerState.ENGAGED)).isCloseTo(0.3, within(1e-9));
            });
            double[] adaptive = r.participants().stream().filter(p -> p.condition() == PilotCondition.ADAPTIVE)
                    .mapToDouble(ParticipantSummary::gain).toArray();
            double[] control = r.participants().stream().filter(p -> p.condition() == PilotCondition.NON_ADAPTIVE)
                    .mapToDouble(ParticipantSummary::gain).toArray();
            assertThat(adaptive.length + control.length).isEqualTo(6);
            assertThat(adaptive.length).isBetween(2, 4); // the first block of four holds two of each
            TestResult expected = new ConditionTest(StatsSettings.DEFAULT).independent(adaptive, control);
            PilotAnalysis.Comparison gain = r.comparisons().get(0);
            assertThat(gain.outcome()).startsWith("learning gain");
            assertThat(gain.result()).isEqualTo(expected);
            assertThat(r.participants().get(0).gain()).isEqualTo((postRight[0] - preRight[0]) / 8);

            List<Path> files = PilotReport.write(r, dir.resolve("report"));
            assertThat(Files.readString(files.get(0))).startsWith("facsflow learn pilot:").doesNotContain("SIMULATED");
        }
    }

    @Test
    void aSimulatedPilotRunsTheWholeAnalysisAndSaysSimulatedEverywhere() throws Exception {
        try (PilotStore store = PilotStore.open(dir, 7, Double.POSITIVE_INFINITY)) {
            SimulatedPilot.run(store, RULES, new SimulatedPilot.Settings(12, 240, 3));
            try (Statement s = store.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.columns WHERE data_type = 'BLOB'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("columns that could hold an image").isZero();
            }
            PilotAnalysis.Result r = PilotAnalysis.analyse(store);
            assertThat(r.simulated()).isTrue();
            assertThat(r.participants()).hasSize(12).allMatch(ParticipantSummary::simulated);
            assertThat(r.participants()).filteredOn(p -> p.condition() == PilotCondition.ADAPTIVE).hasSize(6)
                    .anyMatch(p -> p.interventions() > 0);
            assertThat(r.participants()).filteredOn(p -> p.condition() == PilotCondition.NON_ADAPTIVE)
                    .allMatch(p -> p.interventions() == 0);
            assertThat(r.participants()).anyMatch(p -> p.share(LearnerState.CONFUSED) > 0)
                    .allMatch(p -> Math.abs(p.stateShares().values().stream().mapToDouble(Double::doubleValue).sum() - 1) < 1e-9);
            assertThat(r.comparisons()).extracting(PilotAnalysis.Comparison::family)
                    .containsExactly("primary", "primary", "secondary", "secondary", "secondary", "secondary", "balance", "secondary");
            assertThat(r.comparisons()).allMatch(c -> c.result().tested());
            assertThat(r.agreements()).hasSize(5).allMatch(a -> !Double.isNaN(a.rho()) && a.n() == 12);

            List<Path> files = PilotReport.write(r, dir.resolve("report"));
            assertThat(files).extracting(f -> f.getFileName().toString())
                    .containsExactly("summary.txt", "participants.csv", "comparisons.csv", "agreement.csv");
            for (Path f : files) assertThat(Files.readAllLines(f).get(0)).as(f.toString()).contains("SIMULATED DATA:");
            assertThat(Files.readString(files.get(0))).contains("SIMULATED: facsflow learn pilot", "Primary outcomes",
                    "- learning gain (post - pre, share right): adaptive", "Spearman's rho", "Caveats");
            assertThat(Files.readAllLines(files.get(1))).hasSize(2 + 12);
        }
    }
}
