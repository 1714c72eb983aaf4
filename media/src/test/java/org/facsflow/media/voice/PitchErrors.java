package org.facsflow.media.voice;

import java.util.Locale;

/**
 * The usual pitch-tracking errors against a reference, frame by frame: gross pitch error rate (GPE, the share of frames
 * voiced in both whose F0 is more than 20% off), fine error (the mean absolute deviation in cents of the other frames
 * voiced in both), and voicing decision error (VDE, the share of all counted frames whose voiced/unvoiced decision
 * differs from the reference).
 */
final class PitchErrors {
    private int counted, voicingWrong, bothVoiced, gross;
    private double cents;

    /** @param reference the true F0, NaN where the frame is unvoiced */
    void add(double reference, boolean voiced, double estimate) {
        counted++;
        boolean truth = !Double.isNaN(reference);
        if (truth != voiced) voicingWrong++;
        if (!truth || !voiced) return;
        bothVoiced++;
        double deviation = 1200 * Math.abs(Math.log(estimate / reference) / Math.log(2));
        if (Math.abs(estimate / reference - 1) > 0.2) gross++;
        else cents += deviation;
    }

    void addAll(PitchErrors other) {
        counted += other.counted;
        voicingWrong += other.voicingWrong;
        bothVoiced += other.bothVoiced;
        gross += other.gross;
        cents += other.cents;
    }

    double grossErrorRate() {
        return (double) gross / bothVoiced;
    }

    double meanAbsoluteCents() {
        return cents / (bothVoiced - gross);
    }

    double voicingDecisionError() {
        return (double) voicingWrong / counted;
    }

    int voicedFrames() {
        return bothVoiced;
    }

    String describe(boolean withVoicing) {
        return String.format(Locale.ROOT, "GPE %.2f%%, fine error %.1f cents (%d frames voiced in both)%s",
                100 * grossErrorRate(), meanAbsoluteCents(), bothVoiced,
                withVoicing ? String.format(Locale.ROOT, ", VDE %.2f%% of %d frames", 100 * voicingDecisionError(), counted) : "");
    }
}
