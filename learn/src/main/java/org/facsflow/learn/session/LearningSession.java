package org.facsflow.learn.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.facsflow.learn.adapt.Adaptation;
import org.facsflow.learn.adapt.Adapter;
import org.facsflow.learn.adapt.Intervention;
import org.facsflow.learn.signals.Signals;
import org.facsflow.learn.state.LearnerState;
import org.facsflow.learn.state.StateChange;
import org.facsflow.learn.state.StateMachine;
import org.facsflow.learn.state.StateRules;
import org.facsflow.learn.task.Exercise;
import org.facsflow.learn.task.ExerciseBank;
import org.facsflow.learn.task.Practice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The practice part of a session: exercises, the state machine fed with each frame's signals and the student's
 * behaviour, and the lesson's adaptations. Every record goes to the log and to the page. Both the web app and the
 * simulated pilot drive it, with session seconds that never go backwards.
 */
public final class LearningSession {
    public static final int START_LEVEL = 2;

    private final StateMachine machine;
    private final Adapter adapter;
    private final Practice practice;
    private final SessionLog log;
    private final Consumer<ObjectNode> page;
    private final List<Adaptation> adaptations = new ArrayList<>();
    private boolean paused;

    /**
     * @param adaptive false for the pilot's non-adaptive condition: interventions are decided and logged, not shown
     */
    public LearningSession(StateRules rules, ExerciseBank bank, boolean adaptive, SessionLog log,
                           Consumer<ObjectNode> page, double t) {
        this.machine = new StateMachine(rules);
        this.adapter = new Adapter(rules, adaptive);
        this.log = log;
        this.page = page;
        this.practice = new Practice(bank, START_LEVEL, t);
        emit(SessionRecords.item(practice.item(), t));
    }

    /** A frame's signals (ignored while paused). */
    public void onSignals(Signals s) {
        if (paused) return;
        emit(SessionRecords.signals(s));
        double t = s.t();
        machine.update(s, practice.behaviour(t)).ifPresent(this::changed);
        adapter.due(t).ifPresent(this::adapt);
    }

    /** The student is typing. */
    public void onActivity(double t) {
        practice.activity(t);
    }

    /** An answer to the current item. */
    public void onAnswer(String given, double t) {
        if (paused) return;
        Practice.Outcome o = practice.answer(given, t);
        emit(SessionRecords.answer(o.answer(), o.revealed(), o.revealed() ? o.answered().answer() : null));
        if (o.next() != o.answered()) emit(SessionRecords.item(o.next(), t));
    }

    public void pause(double t) {
        if (paused) return;
        paused = true;
        practice.pause(t);
        emit(SessionRecords.of("pause", t));
    }

    public void resume(double t) {
        if (!paused) return;
        paused = false;
        practice.resume(t);
        emit(SessionRecords.of("resume", t));
        machine.restart(t).ifPresent(this::changed);
    }

    public boolean paused() {
        return paused;
    }

    public LearnerState state() {
        return machine.current();
    }

    public Exercise item() {
        return practice.item();
    }

    public Practice practice() {
        return practice;
    }

    /** Every adaptation so far (shown or withheld), oldest first. */
    public List<Adaptation> adaptations() {
        return List.copyOf(adaptations);
    }

    private void changed(StateChange c) {
        adapter.stateChanged(c);
        emit(SessionRecords.state(c));
    }

    private void adapt(Adaptation a) {
        adaptations.add(a);
        String hint = a.kind() == Intervention.HINT ? practice.item().hint() : null;
        emit(SessionRecords.intervention(a, hint));
        if (a.shown() && a.kind() == Intervention.STEP_DOWN) {
            practice.stepDown(a.t());
            emit(SessionRecords.item(practice.item(), a.t()));
        }
    }

    private void emit(ObjectNode record) {
        try {
            log.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the session log: " + e.getMessage(), e);
        }
        page.accept(record);
    }

    /** The state machine's current evidence, for tests and the page: rule ids holding for {@code state}. */
    public List<String> holding(LearnerState state) {
        return machine.holding(state);
    }
}
