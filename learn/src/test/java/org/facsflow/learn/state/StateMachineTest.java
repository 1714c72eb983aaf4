package org.facsflow.learn.state;

import org.facsflow.facs.ActionUnit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled rules driven by recorded signal sequences: each transition the rule file promises, and the
 * non-transitions that matter as much (a brief frown, a glance away, a sneeze, a hand passing in front of the face).
 */
class StateMachineTest {
    private static final StateRules RULES = StateRules.standard(AuValidation.standard());

    private static List<StateChange> run(SignalScript script) {
        return script.replay(new StateMachine(RULES), RULES);
    }

    @Test
    void anAttentiveStudentStaysEngaged() {
        assertThat(run(new SignalScript(120))).isEmpty();
    }

    @Test
    void aBriefFrownAGlanceAwayASneezeAndAHandPassingChangeNothing() {
        assertThat(run(new SignalScript(60).frown(10, 11, 3f))).as("1 s frown").isEmpty();
        assertThat(run(new SignalScript(60).frown(10, 11.5f, 3f).frown(14, 15, 3f))).as("two brief frowns").isEmpty();
        assertThat(run(new SignalScript(60).lookAway(20, 21.5))).as("1.5 s glance away").isEmpty();
        assertThat(run(new SignalScript(60).sneeze(15).sneeze(30))).as("two sneezes").isEmpty();
        assertThat(run(new SignalScript(60).noFace(25, 26))).as("face lost for 1 s").isEmpty();
        assertThat(run(new SignalScript(60).eyesClosed(30, 31))).as("eyes closed for 1 s").isEmpty();
    }

    @Test
    void aSustainedFrownIsConfusionUntilItFades() {
        List<StateChange> changes = run(new SignalScript(60).frown(10, 20, 2.5f));
        assertThat(changes).extracting(StateChange::to).containsExactly(LearnerState.CONFUSED, LearnerState.ENGAGED);
        StateChange in = changes.get(0), out = changes.get(1);
        assertThat(in.rules()).containsExactly("confusion-brow-lid");
        assertThat(in.t()).as("window filled (60%% of 4 s) plus 1.5 s of entry").isBetween(13.5, 16.5);
        assertThat(out.t()).as("exit: 6 s without evidence, after at least 8 s in the state").isGreaterThanOrEqualTo(
                Math.max(in.t() + 8, 20 + 6 - 0.1));
    }

    @Test
    void aFrownThatEasesOffALittleKeepsConfusion() {
        // enters with a full frown, then frowns in half the frames: below the 60% to enter, above the 40% to keep
        SignalScript script = new SignalScript(50).frown(5, 12, 2.5f);
        for (double t = 12; t < 40; t += 1) script.frown(t, t + 0.5, 2.5f);
        List<StateChange> changes = run(script);
        assertThat(changes).extracting(StateChange::to).containsExactly(LearnerState.CONFUSED, LearnerState.ENGAGED);
        assertThat(changes.get(1).t()).isGreaterThan(40);
    }

    @Test
    void lookingAwayOrLeavingIsAwayAndComingBackIsEngaged() {
        List<StateChange> looking = run(new SignalScript(40).lookAway(10, 20));
        assertThat(looking).extracting(StateChange::to).containsExactly(LearnerState.AWAY, LearnerState.ENGAGED);
        assertThat(looking.get(0).rules()).containsExactly("away-looking-elsewhere");
        assertThat(looking.get(0).t()).isBetween(13.0, 15.5);

        List<StateChange> gone = run(new SignalScript(40).noFace(10, 25));
        assertThat(gone).extracting(StateChange::to).containsExactly(LearnerState.AWAY, LearnerState.ENGAGED);
        assertThat(gone.get(0).rules()).containsExactly("away-no-face");
        assertThat(gone.get(0).t()).isBetween(12.0, 14.5);
        assertThat(gone.get(1).t()).isBetween(25.0, 28.0);
    }

    @Test
    void anImpasseAfterAWrongAnswerIsConfusion() {
        List<StateChange> changes = run(new SignalScript(30).answer(5, false));
        assertThat(changes).first().satisfies(c -> {
            assertThat(c.to()).isEqualTo(LearnerState.CONFUSED);
            assertThat(c.rules()).containsExactly("confusion-impasse");
            assertThat(c.t()).isBetween(14.0, 15.0); // 8 s idle after the answer, then 1.5 s of entry
        });
        // typing again (an answer) ends the impasse
        assertThat(run(new SignalScript(30).answer(5, false).answer(11, true))).isEmpty();
    }

    @Test
    void repeatedErrorsAndBrowsLoweredAfterErrorsAreFrustration() {
        List<StateChange> three = run(new SignalScript(30).answer(3, false).answer(5, false).answer(7, false));
        assertThat(three).first().satisfies(c -> {
            assertThat(c.to()).isEqualTo(LearnerState.FRUSTRATED);
            assertThat(c.rules()).contains("frustration-repeated-errors");
        });
        List<StateChange> brows = run(new SignalScript(30).answer(3, false).answer(5, false)
                .during(5, 15, f -> f.aus.put(ActionUnit.AU4, 2f)));
        assertThat(brows).first().satisfies(c -> {
            assertThat(c.to()).isEqualTo(LearnerState.FRUSTRATED);
            assertThat(c.rules()).containsExactly("frustration-brow-errors");
        });
    }

    @Test
    void theLipPressRuleIsOffWhileTheCoderDoesNotValidateAu24() {
        SignalScript pressing = new SignalScript(30).answer(3, false).during(4, 20, f -> {
            f.aus.put(ActionUnit.AU23, 2f);
            f.aus.put(ActionUnit.AU24, 2f);
        });
        // one wrong answer, idle but looking: the impasse rule fires at about 12.5 s, not frustration
        assertThat(run(pressing)).extracting(StateChange::to).doesNotContain(LearnerState.FRUSTRATED);

        StateRules trusting = StateRules.standard(au -> Optional.empty());
        List<StateChange> changes = pressing.replay(new StateMachine(trusting), trusting);
        assertThat(changes).first().satisfies(c -> {
            assertThat(c.to()).isEqualTo(LearnerState.FRUSTRATED);
            assertThat(c.rules()).containsExactly("frustration-lip-press");
        });
    }

    @Test
    void longOrFrequentEyeClosuresAreFatigueButBlinksAreNot() {
        List<StateChange> closed = run(new SignalScript(30).eyesClosed(10, 14));
        assertThat(closed).first().satisfies(c -> {
            assertThat(c.to()).isEqualTo(LearnerState.FATIGUED);
            assertThat(c.rules()).containsExactly("fatigue-long-closure");
        });
        // eyes closed 1.2 s in every 5 s (24% of the time), never long enough for a long closure
        SignalScript drowsy = new SignalScript(120);
        for (double t = 1; t < 120; t += 5) drowsy.eyesClosed(t, t + 1.2);
        assertThat(run(drowsy)).first().satisfies(c -> {
            assertThat(c.to()).isEqualTo(LearnerState.FATIGUED);
            assertThat(c.rules()).containsExactly("fatigue-eye-closure");
            assertThat(c.t()).isGreaterThan(48); // the minute's window must be filled
        });
    }

    @Test
    void sittingIdleWithoutAnErrorOrGlancingAwayOftenIsBoredom() {
        List<StateChange> idle = run(new SignalScript(60).silent());
        assertThat(idle).first().satisfies(c -> {
            assertThat(c.to()).isEqualTo(LearnerState.BORED);
            assertThat(c.rules()).containsExactly("boredom-idle");
            assertThat(c.t()).isBetween(35.0, 36.0); // 30 s idle, then 5 s of entry
        });

        SignalScript glancing = new SignalScript(70);
        for (double t = 5; t < 60; t += 6) glancing.lookAway(t, t + 2.5);  // 2.5 s of every 6 s: 42%
        List<StateChange> changes = run(glancing);
        assertThat(changes).extracting(StateChange::to).contains(LearnerState.BORED).doesNotContain(LearnerState.AWAY);
    }

    @Test
    void awayOutranksConfusionOnceTheDwellIsOver() {
        List<StateChange> changes = run(new SignalScript(60).frown(5, 40, 2.5f).noFace(30, 45));
        assertThat(changes).extracting(StateChange::to).startsWith(LearnerState.CONFUSED, LearnerState.AWAY);
    }

    @Test
    void timeMustNotGoBackwards() {
        StateMachine m = new StateMachine(RULES);
        SignalScript s = new SignalScript(1);
        m.update(s.signals(5, RULES.ausInUse()), Behaviour.NONE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.update(s.signals(4, RULES.ausInUse()), Behaviour.NONE))
                .hasMessageContaining("time went backwards");
    }
}
