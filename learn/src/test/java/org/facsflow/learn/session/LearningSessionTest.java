package org.facsflow.learn.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.facsflow.facs.ActionUnit;
import org.facsflow.learn.adapt.Adaptation;
import org.facsflow.learn.adapt.Intervention;
import org.facsflow.learn.signals.Signals;
import org.facsflow.learn.state.AuValidation;
import org.facsflow.learn.state.LearnerState;
import org.facsflow.learn.state.StateRules;
import org.facsflow.learn.task.ExerciseBank;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A practice session driven by scripted frames and answers: what the student sees, and what is logged. */
class LearningSessionTest {
    private static final StateRules RULES = StateRules.standard(AuValidation.standard());

    private final List<ObjectNode> log = new ArrayList<>(), page = new ArrayList<>();

    private LearningSession session(boolean adaptive) {
        return new LearningSession(RULES, new ExerciseBank(7), adaptive, log::add, page::add, 0);
    }

    private static Signals face(double t) {
        return new Signals(t, true, 0.95f, 2, 3, 0, 1, 10, Map.of(ActionUnit.AU4, 0.2f, ActionUnit.AU7, 0.3f,
                ActionUnit.AU45, 0.2f));
    }

    private static void frames(LearningSession s, double from, double to) {
        for (double t = from; t < to; t += 0.1) s.onSignals(face(t));
    }

    @Test
    void anImpasseBringsAHintAndTheStudentCanSeeWhy() {
        LearningSession s = session(true);
        frames(s, 0, 5);
        s.onAnswer("-1", 5);                    // wrong
        frames(s, 5, 20);                       // looks at the item, types nothing
        assertThat(s.state()).isEqualTo(LearnerState.CONFUSED);
        assertThat(s.adaptations()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Intervention.HINT);
            assertThat(a.state()).isEqualTo(LearnerState.CONFUSED);
            assertThat(a.rules()).containsExactly("confusion-impasse");
            assertThat(a.shown()).isTrue();
        });
        ObjectNode hint = page.stream().filter(r -> r.get("type").asText().equals("intervention")).findFirst().orElseThrow();
        assertThat(hint.get("hint").asText()).isEqualTo(s.item().hint());
        assertThat(log).isEqualTo(page);
        for (ObjectNode record : log) assertDeclared(record);
    }

    @Test
    void frustrationStepsTheLevelDownOnlyInTheAdaptiveCondition() {
        for (boolean adaptive : new boolean[]{true, false}) {
            log.clear();
            page.clear();
            LearningSession s = session(adaptive);
            frames(s, 0, 2);
            for (int i = 0; i < 3; i++) s.onAnswer("-1", 2 + i);  // three wrong tries: answer shown, next item
            frames(s, 5, 12);
            assertThat(s.state()).isEqualTo(LearnerState.FRUSTRATED);
            Adaptation a = s.adaptations().get(0);
            assertThat(a.kind()).isEqualTo(Intervention.STEP_DOWN);
            assertThat(a.shown()).isEqualTo(adaptive);
            assertThat(s.practice().level()).isEqualTo(adaptive ? LearningSession.START_LEVEL - 1 : LearningSession.START_LEVEL);
            assertThat(log.stream().filter(r -> r.get("type").asText().equals("intervention")).findFirst().orElseThrow()
                    .get("shown").asBoolean()).isEqualTo(adaptive);
        }
    }

    @Test
    void aSecondImpasseWithinTheCooldownGetsNoSecondHint() {
        LearningSession s = session(true);
        frames(s, 0, 5);
        s.onAnswer("-1", 5);
        frames(s, 5, 20);
        s.onAnswer(String.valueOf(s.item().answer()), 20);  // solved: back to engaged after the exit time
        frames(s, 20, 32);
        s.onAnswer("-1", 32);
        frames(s, 32, 50);                                   // confused again at about 41.5 s: 36 s after the hint
        assertThat(s.state()).isEqualTo(LearnerState.CONFUSED);
        assertThat(s.adaptations()).hasSize(1);
        frames(s, 50, 60);                                   // the 45 s cool-down ends while still confused
        assertThat(s.adaptations()).hasSize(2);
    }

    @Test
    void pausingStopsEverythingAndResumingStartsTheEvidenceAfresh() {
        LearningSession s = session(true);
        frames(s, 0, 5);
        s.onAnswer("-1", 5);
        frames(s, 5, 10);
        s.pause(10);
        for (double t = 10; t < 100; t += 0.1) s.onSignals(Signals.noFace(t));  // ignored: the camera is off
        s.resume(100);
        assertThat(s.state()).isEqualTo(LearnerState.ENGAGED);
        frames(s, 100, 103);
        assertThat(s.state()).as("5 s idle before the pause + 3 after: no impasse yet").isEqualTo(LearnerState.ENGAGED);
        assertThat(log).extracting(r -> r.get("type").asText()).contains("pause", "resume");
        assertThat(log).filteredOn(r -> r.get("type").asText().equals("signals"))
                .noneMatch(r -> r.get("t").asDouble() > 10 && r.get("t").asDouble() < 100);
    }

    /** A record has exactly the declared fields of its type (and the signals' AUs only the exported ones). */
    static void assertDeclared(ObjectNode record) {
        String type = record.get("type").asText();
        assertThat(SessionRecords.FIELDS).containsKey(type);
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = record.fieldNames(); it.hasNext(); ) names.add(it.next());
        assertThat(SessionRecords.FIELDS.get(type)).as(type).containsAll(names);
        if (type.equals("signals"))
            for (Iterator<String> it = record.get("aus").fieldNames(); it.hasNext(); )
                assertThat(it.next()).isIn("AU4", "AU7", "AU45");
    }
}
