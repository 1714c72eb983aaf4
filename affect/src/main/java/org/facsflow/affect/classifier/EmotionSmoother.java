package org.facsflow.affect.classifier;

import org.facsflow.affect.EmotionScores;

import java.util.HashMap;
import java.util.Map;

/**
 * Exponential moving average of each face's probabilities over time, weighted by the time between frames, so the
 * smoothing is the same at any frame rate: p = p_prev + a (p_new - p_prev), a = 1 - exp(-dt / tau).
 *
 * <p>A face seen for the first time, after a gap longer than {@link #RESET_GAP_S}, or with a timestamp not after its
 * previous one (a new still image, a rewound video) starts afresh from its new value.
 */
public final class EmotionSmoother {
    /**
     * Seconds. Facial expressions of emotion last about 0.5-4 s; 0.3 s removes frame-to-frame flicker of the
     * classifiers while following an expression's onset within a few frames. A heuristic, not fitted.
     */
    public static final double DEFAULT_TIME_CONSTANT_S = 0.3;
    /** A face unseen this long (seconds) is treated as a new appearance. */
    public static final double RESET_GAP_S = 2.0;

    private record State(double time, float[] values) {
    }

    private final double timeConstant;
    private final Map<Integer, State> faces = new HashMap<>();

    public EmotionSmoother(double timeConstantSeconds) {
        if (!(timeConstantSeconds >= 0)) throw new IllegalArgumentException("time constant " + timeConstantSeconds);
        this.timeConstant = timeConstantSeconds;
    }

    public EmotionSmoother() {
        this(DEFAULT_TIME_CONSTANT_S);
    }

    /** The smoothed probabilities of face {@code faceId} at {@code timeSeconds}, given this frame's. */
    public EmotionScores smooth(int faceId, double timeSeconds, EmotionScores current) {
        State previous = faces.get(faceId);
        float[] out = current.values().clone();
        if (previous != null) {
            double dt = timeSeconds - previous.time();
            if (dt > 0 && dt <= RESET_GAP_S && timeConstant > 0) {
                float a = (float) (1 - Math.exp(-dt / timeConstant));
                for (int i = 0; i < out.length; i++) out[i] = previous.values()[i] + a * (out[i] - previous.values()[i]);
            }
        }
        faces.put(faceId, new State(timeSeconds, out));
        return new EmotionScores(out.clone());
    }

    /** Forgets a face that has left, so its id can be reused. */
    public void forget(int faceId) {
        faces.remove(faceId);
    }

    public void forgetAll() {
        faces.clear();
    }
}
