package org.facsflow.study.metrics;

import org.facsflow.facs.ActionUnit;

/**
 * One per-recording number: a statistic of a signal, e.g. (AU12, mean).
 *
 * @param signal    an AU ("AU12"), a measure of {@link Signals#MEASURES} ("valence", "voice_f0"), or the pair
 *                  {@link #POSITIVE_PAIR}
 * @param statistic one of the constants below
 */
public record MetricKey(String signal, String statistic) {
    /** Mean over the window's measured frames. */
    public static final String MEAN = "mean";
    /** Largest single-frame value in the window. */
    public static final String PEAK = "peak";
    /** Seconds from stimulus onset to the first frame at the peak. */
    public static final String TIME_TO_PEAK = "time_to_peak";
    /** Share of measured frames in which the AU is present (intensity at least the presence threshold). */
    public static final String PRESENCE = "presence";
    /** Seconds with AU6 and AU12 both present: the Duchenne-smile signature of positive valence. */
    public static final String POSITIVE_SECONDS = "positive_seconds";
    /** Number of stretches with AU12 present for at least the minimum smile length. */
    public static final String SMILE_EPISODES = "smile_episodes";
    /** Mean over the frames in which the participant speaks (see {@link StudyMetrics#SPEAKING}). */
    public static final String WHILE_SPEAKING = "mean_speaking";
    public static final String POSITIVE_PAIR = "AU6+AU12";

    public static MetricKey of(int signal, String statistic) {
        return new MetricKey(Signals.name(signal), statistic);
    }

    /** "AU12 Lip Corner Puller, mean": the signal's FACS name beside its code, for tables and charts. */
    public String label() {
        if (signal.equals(POSITIVE_PAIR)) return POSITIVE_PAIR + " positive expression, seconds";
        int s = Signals.index(signal);
        String what = s < 0 ? signal : Signals.title(s);
        return what + ", " + (statistic.equals(WHILE_SPEAKING) ? "mean while speaking" : statistic.replace('_', ' '));
    }

    /** Words for a summary, e.g. "mean intensity of AU12 (Lip Corner Puller, smiling)". */
    public String describe() {
        return switch (statistic) {
            case POSITIVE_SECONDS -> "time showing positive expression (AU6 and AU12 together)";
            case SMILE_EPISODES -> "number of smile episodes (AU12)";
            case MEAN -> "mean " + what();
            case PEAK -> "peak " + what();
            case TIME_TO_PEAK -> "time to peak " + what();
            case PRESENCE -> "share of time with " + signal + " present";
            case WHILE_SPEAKING -> "mean " + what() + " while speaking";
            default -> label();
        };
    }

    /**
     * What people showed, for a verdict a non-specialist reads: "smiling (AU12 Lip Corner Puller)", "frowning
     * (AU4 Brow Lowerer)", else the AU's FACS name ("AU9 Nose Wrinkler"); the summary metrics by what they count.
     */
    public String response() {
        if (signal.equals(POSITIVE_PAIR)) return "positive expression (AU6 and AU12 together)";
        int s = Signals.index(signal);
        if (s == Signals.VALENCE) return "positive valence (how positive rather than negative faces looked)";
        if (s == Signals.AROUSAL) return "arousal (how excited rather than calm faces looked)";
        if (s == Signals.VOICE_ACTIVE) return "speaking (share of the time)";
        if (Signals.voice(s)) return what() + " while speaking";
        if (statistic.equals(SMILE_EPISODES)) return "separate smiles (AU12 episodes)";
        String gloss = s == Signals.AU12 ? "smiling" : s == Signals.AU6 ? "cheek raising" : s == Signals.AU4 ? "frowning" : null;
        String title = s < 0 ? signal : Signals.title(s);
        return gloss == null ? title : gloss + " (" + title + ")";
    }

    /**
     * The unit a difference of this metric is counted in, after the number: " points on the 0-5 intensity scale",
     * " s", " smiles", " on the -1 to 1 scale".
     */
    public String unit() {
        return switch (statistic) {
            case POSITIVE_SECONDS, TIME_TO_PEAK -> " s";
            case SMILE_EPISODES -> " smiles";
            case PRESENCE -> " of the time";
            default -> {
                int s = Signals.index(signal);
                yield s >= Signals.AU_COUNT ? Signals.measure(s).unit() : " points on the 0-5 intensity scale";
            }
        };
    }

    private String what() {
        int s = Signals.index(signal);
        if (s < 0) return signal;
        if (s >= Signals.AU_COUNT) return Signals.measure(s).what();
        return "intensity of " + signal + " (" + ActionUnit.CODED.get(s).name() + (s == Signals.AU12 ? ", smiling" : "") + ")";
    }
}
