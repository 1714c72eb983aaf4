package org.facsflow.study.simulate;

import org.facsflow.study.StudyFrame;
import org.facsflow.study.Recording;
import org.facsflow.study.VideoExtractor;
import org.facsflow.study.metrics.Signals;

import java.io.IOException;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Simulated AU coding of a {@link SyntheticRecording}: plausible AU time courses, not a model of any real face.
 * Per frame, every AU is the participant's resting level plus its events plus noise, clipped to FACS's 0-5 scale:
 * <ul>
 *   <li>smile events (raised-cosine bumps of 1-3 s): AU12, with AU6 in about 70% of them (Duchenne) and AU25;
 *       their number and amplitude grow with {@code smile} and the participant's expressiveness; one falls near
 *       {@code joke} when set;</li>
 *   <li>brow lowering (AU4) events scaled by {@code frown}; blinks (AU45) every 2-6 s;</li>
 *   <li>occasional events of the other AUs, the same in every condition;</li>
 *   <li>valence = tanh(0.6 (AU12 + 0.5 AU6 - 0.8 AU4 - 0.3)) plus noise;</li>
 *   <li>face loss: runs of about 10 frames reported as {@link StudyFrame#noFace}.</li>
 * </ul>
 * As the {@link VideoExtractor} contract asks, it makes no frame after the recording's stimulus end and reports
 * its progress per frame. The simulated time courses do not depend on that end.
 */
public final class SyntheticExtractor implements VideoExtractor {
    /** Its extraction settings, as a study stores them ({@link org.facsflow.study.StoredFrames#SETTINGS}). */
    public static final String SETTINGS = "simulation";

    private static final double NOISE = 0.12;

    @Override
    public void extract(Recording recording, Consumer<StudyFrame> sink, Progress progress) throws IOException {
        SyntheticRecording spec = SyntheticRecording.read(recording.video());
        SplittableRandom traits = new SplittableRandom(spec.participantSeed());
        SplittableRandom random = new SplittableRandom(spec.recordingSeed());
        double expressiveness = Math.exp(0.35 * gaussian(traits));
        double[] rest = new double[Signals.AU_COUNT];
        for (int i = 0; i < rest.length; i++) rest[i] = 0.3 * traits.nextDouble();

        int frames = (int) Math.round(spec.seconds() * spec.fps());
        double[][] au = new double[frames][Signals.AU_COUNT];
        double window = spec.seconds() - spec.onset();
        int smiles = poisson(random, 1.5 * spec.smile() * expressiveness);
        for (int e = 0; e <= smiles; e++) {
            boolean joke = e == 0;
            if (joke && spec.joke() < 0) continue;
            double at = spec.onset() + (joke ? spec.joke() + 0.7 * gaussian(random) : 1 + random.nextDouble() * (window - 2));
            double amplitude = spec.smile() * expressiveness * (1.5 + 1.5 * random.nextDouble());
            double length = 1 + 2 * random.nextDouble();
            addBump(au, Signals.AU12, at, length, amplitude, spec.fps());
            addBump(au, index(25), at, length, 0.5 * amplitude, spec.fps());
            if (random.nextDouble() < 0.7) addBump(au, Signals.AU6, at + 0.2, length, 0.7 * amplitude, spec.fps());
        }
        for (int e = poisson(random, 2 * spec.frown()); e > 0; e--)
            addBump(au, Signals.AU4, spec.onset() + random.nextDouble() * window, 1 + 2 * random.nextDouble(),
                    spec.frown() * expressiveness * (1 + 1.5 * random.nextDouble()), spec.fps());
        for (double t = 2 + 4 * random.nextDouble(); t < spec.seconds(); t += 2 + 4 * random.nextDouble())
            addBump(au, index(45), t, 0.2, 2 + random.nextDouble(), spec.fps());
        for (int i = 0; i < Signals.AU_COUNT; i++) {
            if (i == Signals.AU12 || i == Signals.AU6 || i == Signals.AU4) continue;
            for (int e = poisson(random, 0.3); e > 0; e--)
                addBump(au, i, random.nextDouble() * spec.seconds(), 0.5 + 1.5 * random.nextDouble(),
                        0.5 + 1.5 * random.nextDouble(), spec.fps());
        }

        progress.length(spec.seconds());
        int lostFor = 0;
        for (int f = 0; f < frames; f++) {
            double t = f / spec.fps();
            if (t > recording.endSeconds()) break;
            progress.decoded(f + 1, t);
            if (lostFor == 0 && random.nextDouble() < spec.faceLoss() / 10) lostFor = 5 + random.nextInt(11);
            if (lostFor > 0) {
                lostFor--;
                sink.accept(StudyFrame.noFace(f, t));
                continue;
            }
            float[] intensities = new float[Signals.AU_COUNT];
            for (int i = 0; i < intensities.length; i++)
                intensities[i] = (float) Math.max(0, Math.min(5, rest[i] + au[f][i] + NOISE * gaussian(random)));
            double valence = Math.tanh(0.6 * (intensities[Signals.AU12] + 0.5 * intensities[Signals.AU6]
                    - 0.8 * intensities[Signals.AU4] - 0.3)) + 0.05 * gaussian(random);
            sink.accept(StudyFrame.measured(0, f, t, intensities, Math.max(-1, Math.min(1, valence))));
        }
    }

    @Override
    public String description() {
        return "facsflow synthetic AU simulation (not a measurement)";
    }

    @Override
    public boolean simulated() {
        return true;
    }

    private static int index(int auNumber) {
        return Signals.index("AU" + auNumber);
    }

    /** Adds a raised-cosine bump centred at {@code at} seconds, {@code length} seconds wide. */
    private static void addBump(double[][] au, int signal, double at, double length, double amplitude, double fps) {
        int from = Math.max(0, (int) Math.ceil((at - length / 2) * fps));
        int to = Math.min(au.length - 1, (int) Math.floor((at + length / 2) * fps));
        for (int f = from; f <= to; f++) {
            double x = (f / fps - at) / (length / 2);
            au[f][signal] += amplitude * 0.5 * (1 + Math.cos(Math.PI * x));
        }
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean), p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
