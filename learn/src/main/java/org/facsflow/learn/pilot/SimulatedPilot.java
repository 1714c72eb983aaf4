package org.facsflow.learn.pilot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.facsflow.facs.ActionUnit;
import org.facsflow.learn.adapt.Adaptation;
import org.facsflow.learn.adapt.Intervention;
import org.facsflow.learn.session.LearningSession;
import org.facsflow.learn.session.SessionLog;
import org.facsflow.learn.session.SessionRecords;
import org.facsflow.learn.signals.Signals;
import org.facsflow.learn.state.StateRules;
import org.facsflow.learn.task.Exercise;
import org.facsflow.learn.task.ExerciseBank;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A simulated pilot: synthetic students go through the whole study (registration with the counterbalanced
 * assignment, pre-test, practice in their condition, post-test, questionnaire), their made-up signals and answers
 * driving the real {@link LearningSession} (state machine, interventions) and landing in the pilot's database like a
 * real participant's, marked simulated. It shows the analysis end to end; its numbers come from this model, not from
 * anyone:
 * <ul>
 *   <li>a student has a skill (normal, mean 0, SD 1), an expressiveness (0.5-1.5), an interest (normal) and may tire
 *       (a third do, after 60% of the practice: eyes closed 1.5 s in every 5 s);</li>
 *   <li>an item of level L is answered right with probability logistic(1.4 skill - 1.2 (L - 3)), plus 1.2 on the
 *       logit after a hint for that item, minus 0.5 while tired; solving takes 4 s times 1.3^(L - 1), log-normally
 *       spread; after a wrong answer the student thinks again for 5-14 s, frowning (AU4 with AU7, at twice their
 *       expressiveness) for 4-9 s with probability 0.7, and lowers the brows after two wrong answers in a row;</li>
 *   <li>skill grows by 0.05 with each right answer to an item within one logit of it, 0.02 otherwise;</li>
 *   <li>uninterested students sometimes sit idle for 35-60 s, glancing away, until encouraged; anyone may leave for
 *       15-40 s (1.5 in 1000 steps);</li>
 *   <li>the questionnaire follows the student's true (simulated) time bored, confused and frustrated, interest and
 *       success, with noise; the pre- and post-test follow skill.</li>
 * </ul>
 * The model builds in benefits of the adaptations (a hint raises the chance of a right answer, encouragement ends
 * idling, a break ends tiredness); whether they show in a pilot of this size depends on the noise. The simulation is
 * no evidence that adaptation helps anyone.
 */
public final class SimulatedPilot {
    static final double STEP = 0.5;

    private SimulatedPilot() {
    }

    /**
     * @param students        how many (completed) participants to add
     * @param practiceSeconds practice length per student
     */
    public record Settings(int students, double practiceSeconds, long seed) {
        public Settings {
            if (students < 1 || !(practiceSeconds > 0)) throw new IllegalArgumentException("need students and practice time");
        }
    }

    /** Adds {@code settings.students()} simulated participants to the store. */
    public static void run(PilotStore store, StateRules rules, Settings settings) throws IOException {
        for (int i = 0; i < settings.students(); i++) {
            PilotStore.Participant p = store.register("simulated-" + (i + 1), true);
            new Student(new SplittableRandom(settings.seed() * 1_000_003L + i), rules, p, store.log(p.id()))
                    .run(settings.practiceSeconds());
            store.completed(p.id());
        }
    }

    private static final class Student {
        private final SplittableRandom r;
        private final StateRules rules;
        private final PilotStore.Participant p;
        private final SessionLog log;
        private final double expressiveness, interest;
        private final boolean tires;
        private double skill;
        private double t, workLeft, frownUntil, browUntil, awayUntil, idleUntil, tiredFrom = Double.POSITIVE_INFINITY;
        private double confusedSeconds, frustratedSeconds, boredSeconds, practiced;
        private int consecutiveWrong, right, attempts, seen;
        private String hinted = "";

        Student(SplittableRandom r, StateRules rules, PilotStore.Participant p, SessionLog log) {
            this.r = r;
            this.rules = rules;
            this.p = p;
            this.log = log;
            this.skill = gaussian();
            this.expressiveness = 0.5 + r.nextDouble();
            this.interest = gaussian();
            this.tires = r.nextDouble() < 1 / 3.0;
        }

        void run(double practiceSeconds) throws IOException {
            ObjectNode start = SessionRecords.of("session", 0);
            start.put("session", "simulated").put("mode", "pilot").put("condition", p.assignment().condition().label())
                    .put("participant", p.id()).put("profile", "simulated").put("rules", rules.source())
                    .put("started", "simulated");
            var aus = start.putArray("aus");
            rules.ausInUse().forEach(au -> aus.add(au.code()));
            log.write(start);
            test("pre", p.assignment().preForm());
            practise(practiceSeconds);
            test("post", p.assignment().postForm());
            questionnaire();
            log.write(SessionRecords.of("end", t).put("reason", "completed"));
        }

        private void test(String phase, String form) throws IOException {
            for (Exercise e : SkillTest.form(form)) {
                double seconds = solvingSeconds(e.level());
                t += seconds;
                boolean ok = r.nextDouble() < logistic(1.4 * skill - 1.2 * (e.level() - 3));
                log.write(SessionRecords.test(t, phase, e, String.valueOf(ok ? e.answer() : e.answer() + 1), seconds));
            }
        }

        private void practise(double seconds) {
            boolean adaptive = p.assignment().condition() == PilotCondition.ADAPTIVE;
            LearningSession s = new LearningSession(rules, new ExerciseBank(1), adaptive, log, record -> { }, t);
            double start = t, end = t + seconds;
            if (tires) tiredFrom = start + 0.6 * seconds;
            String item = s.item().id();
            workLeft = solvingSeconds(s.item().level());
            while (t < end) {
                for (List<Adaptation> all = s.adaptations(); seen < all.size(); seen++) react(s, all.get(seen));
                if (!s.item().id().equals(item)) { // a step down, or the next item
                    item = s.item().id();
                    workLeft = solvingSeconds(s.item().level());
                }
                s.onSignals(frame());
                step(s);
                t += STEP;
                practiced += STEP;
            }
        }

        private void react(LearningSession s, Adaptation a) {
            if (!a.shown()) return;
            if (a.kind() == Intervention.HINT) hinted = s.item().id();
            if (a.kind() == Intervention.ENCOURAGE) idleUntil = t;
            if (a.kind() == Intervention.BREAK) {
                s.pause(t);
                t += 60;
                s.resume(t);
                tiredFrom = t + 200;
            }
        }

        private void step(LearningSession s) {
            if (r.nextDouble() < 0.0015) awayUntil = t + 15 + 25 * r.nextDouble();
            if (t < awayUntil) return;
            if (t < idleUntil) {
                boredSeconds += STEP;
                return;
            }
            if (consecutiveWrong >= 2) frustratedSeconds += STEP;
            if (t < frownUntil) confusedSeconds += STEP;
            workLeft -= STEP;
            if (workLeft < 1.5) s.onActivity(t);
            if (workLeft > 0) return;
            Exercise e = s.item();
            double logit = 1.4 * skill - 1.2 * (e.level() - 3) + (hinted.equals(e.id()) ? 1.2 : 0) - (t > tiredFrom ? 0.5 : 0);
            boolean ok = r.nextDouble() < logistic(logit);
            attempts++;
            s.onAnswer(String.valueOf(ok ? e.answer() : e.answer() + 1 + r.nextInt(5)), t);
            if (ok) {
                right++;
                consecutiveWrong = 0;
                skill += Math.abs(1.4 * skill - 1.2 * (e.level() - 3)) < 1 ? 0.05 : 0.02;
                workLeft = solvingSeconds(s.item().level());
                if (interest < 0 && r.nextDouble() < 0.15 * -interest) idleUntil = t + 35 + 25 * r.nextDouble();
            } else {
                consecutiveWrong++;
                workLeft = 5 + 9 * r.nextDouble();
                if (r.nextDouble() < 0.7) frownUntil = t + 4 + 5 * r.nextDouble();
                if (consecutiveWrong >= 2 && r.nextDouble() < 0.6) browUntil = t + 6;
            }
        }

        /** This step's made-up signals. */
        private Signals frame() {
            if (t < awayUntil) return Signals.noFace(t);
            boolean glancing = t < idleUntil && r.nextDouble() < 0.4;
            float yaw = (float) (glancing ? 50 : 5 * gaussian()), gazeX = (float) (glancing ? 55 : 5 * gaussian());
            float au4 = (float) Math.abs(0.2 + 0.15 * gaussian()), au7 = (float) Math.abs(0.3 + 0.2 * gaussian());
            if (t < frownUntil) {
                au4 = (float) (2 * expressiveness + 0.3 * gaussian());
                au7 = (float) (2 * expressiveness + 0.3 * gaussian());
            } else if (t < browUntil) au4 = (float) (2 * expressiveness + 0.3 * gaussian());
            float au45 = r.nextDouble() < 0.08 ? 3 : 0.2f;
            if (t > tiredFrom && (t - tiredFrom) % 5 < 1.5) au45 = 3.5f;
            Map<ActionUnit, Float> aus = new LinkedHashMap<>();
            for (ActionUnit au : rules.ausInUse())
                aus.put(au, au.equals(ActionUnit.AU4) ? au4 : au.equals(ActionUnit.AU7) ? au7
                        : au.equals(ActionUnit.AU45) ? au45 : (float) Math.abs(0.1 * gaussian()));
            return new Signals(t, true, 0.95f, yaw, (float) (3 * gaussian()), 0, gazeX, (float) (10 + 5 * gaussian()), aus);
        }

        private void questionnaire() throws IOException {
            double bored = boredSeconds / practiced, troubled = (confusedSeconds + frustratedSeconds) / practiced;
            double success = attempts == 0 ? 0.5 : right / (double) attempts;
            Map<EngagementScale.Subscale, Double> latent = Map.of(
                    EngagementScale.Subscale.FOCUSED_ATTENTION, 3.2 + 0.5 * interest - 3 * bored + 0.4 * gaussian(),
                    EngagementScale.Subscale.PERCEIVED_USABILITY, 4.0 - 4 * troubled + 0.4 * gaussian(),
                    EngagementScale.Subscale.AESTHETIC_APPEAL, 3.5 + 0.5 * gaussian(),
                    EngagementScale.Subscale.REWARD, 3.0 + 0.4 * interest + 2 * (success - 0.5) + 0.4 * gaussian());
            t += 30;
            for (EngagementScale.Item i : EngagementScale.ITEMS) {
                int agree = (int) Math.max(1, Math.min(5, Math.round(latent.get(i.subscale()) + 0.5 * gaussian())));
                log.write(SessionRecords.ues(t, i.id(), i.reversed() ? 6 - agree : agree));
            }
        }

        private double solvingSeconds(int level) {
            return 4 * Math.pow(1.3, level - 1) * Math.exp(0.3 * gaussian());
        }

        private double gaussian() {
            double u = r.nextDouble(), v = r.nextDouble();
            return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
        }

        private static double logistic(double x) {
            return 1 / (1 + Math.exp(-x));
        }
    }
}
