package org.facsflow.learn.state;

import org.facsflow.facs.ActionUnit;
import org.facsflow.learn.signals.Signals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A recorded stretch of a student in front of the camera, 10 frames a second: an attentive face (AU4 0.2, AU7 0.3,
 * looking slightly down at the screen, a blink every 4 s, a right answer every 12 s) with episodes laid over it (a frown, a look away, the face
 * lost, eyes closed, a sneeze) and the task's answers, replayed into a {@link StateMachine}.
 */
final class SignalScript {
    static final double FPS = 10;
    private final double seconds;
    private final List<Episode> episodes = new ArrayList<>();
    private final List<double[]> answers = new ArrayList<>(); // {t, correct 0/1}
    private boolean silent;

    private interface Episode {
        void apply(double t, Frame f);
    }

    /** One frame being built. */
    static final class Frame {
        boolean face = true;
        float yaw, pitch, gazeX, gazeY = 10;
        final Map<ActionUnit, Float> aus = new HashMap<>();
    }

    SignalScript(double seconds) {
        this.seconds = seconds;
    }

    SignalScript during(double from, double to, Consumer<Frame> change) {
        episodes.add((t, f) -> {
            if (t >= from && t < to) change.accept(f);
        });
        return this;
    }

    /** AU4 with AU7 at {@code level}. */
    SignalScript frown(double from, double to, float level) {
        return during(from, to, f -> {
            f.aus.put(ActionUnit.AU4, level);
            f.aus.put(ActionUnit.AU7, level);
        });
    }

    SignalScript lookAway(double from, double to) {
        return during(from, to, f -> {
            f.yaw = 50;
            f.gazeX = 55;
        });
    }

    SignalScript noFace(double from, double to) {
        return during(from, to, f -> f.face = false);
    }

    SignalScript eyesClosed(double from, double to) {
        return during(from, to, f -> f.aus.put(ActionUnit.AU45, 3.5f));
    }

    /**
     * A sneeze: eyes squeezed shut with lowered brows and tightened lids (0.5 s), the head jerking down 35 degrees
     * (0.3 s) and the face lost for two frames as it blurs.
     */
    SignalScript sneeze(double at) {
        during(at, at + 0.5, f -> {
            f.aus.put(ActionUnit.AU45, 4f);
            f.aus.put(ActionUnit.AU4, 3f);
            f.aus.put(ActionUnit.AU7, 3f);
        });
        during(at + 0.2, at + 0.5, f -> {
            f.pitch = 35;
            f.gazeY = 50;
        });
        return noFace(at + 0.3, at + 0.5);
    }

    /** No answers at all (without this and without {@link #answer}, a right answer every 12 s: a working student). */
    SignalScript silent() {
        silent = true;
        return this;
    }

    SignalScript answer(double t, boolean correct) {
        answers.add(new double[]{t, correct ? 1 : 0});
        return this;
    }

    /** The signals of the frame at {@code t}, with only the AUs in {@code exported}. */
    Signals signals(double t, java.util.Set<ActionUnit> exported) {
        Frame f = new Frame();
        f.aus.put(ActionUnit.AU4, 0.2f);
        f.aus.put(ActionUnit.AU7, 0.3f);
        f.aus.put(ActionUnit.AU23, 0.1f);
        f.aus.put(ActionUnit.AU24, 0.1f);
        f.aus.put(ActionUnit.AU45, t % 4 < 0.2 ? 3f : 0.2f);
        for (Episode e : episodes) e.apply(t, f);
        if (!f.face) return Signals.noFace(t);
        Map<ActionUnit, Float> aus = new LinkedHashMap<>();
        for (ActionUnit au : ActionUnit.CODED) if (exported.contains(au) && f.aus.containsKey(au)) aus.put(au, f.aus.get(au));
        return new Signals(t, true, 0.95f, f.yaw, f.pitch, 0, f.gazeX, f.gazeY, aus);
    }

    /** Behaviour at {@code t}: idle since the last answer (or 0), errors since the last right answer. */
    Behaviour behaviour(double t) {
        double lastInput = 0;
        int consecutive = 0, recent = 0;
        List<Boolean> results = new ArrayList<>();
        List<double[]> given = answers;
        if (given.isEmpty() && !silent) {
            given = new ArrayList<>();
            for (double a = 12; a < seconds; a += 12) given.add(new double[]{a, 1});
        }
        for (double[] a : given) {
            if (a[0] > t) break;
            lastInput = a[0];
            boolean ok = a[1] == 1;
            consecutive = ok ? 0 : consecutive + 1;
            results.add(ok);
        }
        for (int i = Math.max(0, results.size() - 5); i < results.size(); i++) if (!results.get(i)) recent++;
        return new Behaviour(t - lastInput, t - lastInput, consecutive, recent);
    }

    /** Every change the machine makes over the script. */
    List<StateChange> replay(StateMachine machine, StateRules rules) {
        List<StateChange> changes = new ArrayList<>();
        var exported = rules.ausInUse();
        for (int i = 0; i < seconds * FPS; i++) {
            double t = i / FPS;
            Optional<StateChange> c = machine.update(signals(t, exported), behaviour(t));
            c.ifPresent(changes::add);
        }
        return changes;
    }
}
