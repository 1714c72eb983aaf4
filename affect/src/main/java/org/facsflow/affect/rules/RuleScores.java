package org.facsflow.affect.rules;

import org.facsflow.affect.Emotion;
import org.facsflow.affect.EmotionScores;

import java.util.Map;
import java.util.Optional;

/**
 * What the EMFACS table says about one face in one frame: a 0-1 score per emotion (that of its most specific rule
 * that fires, see {@link EmfacsRules#score}; 0 if none fires; NaN if none could be evaluated; neutral is always NaN)
 * and the rule that gave each positive score.
 */
public record RuleScores(EmotionScores scores, Map<Emotion, EmfacsRule> matched) {
    public RuleScores {
        matched = Map.copyOf(matched);
    }

    /** The emotion with the highest positive score; empty when no rule fires. */
    public Optional<Emotion> top() {
        return scores.top(Emotion.RULED);
    }

    /** Whether any rule could be evaluated (false without AU intensities). */
    public boolean measured() {
        return scores.measured();
    }
}
