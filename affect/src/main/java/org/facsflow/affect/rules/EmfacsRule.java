package org.facsflow.affect.rules;

import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.Emotion;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the EMFACS table: an AU combination that predicts an emotion, as a prototype or a major variant.
 *
 * <p>Its graded score is the geometric mean of the required actions' 0-5 values divided by 5, when every action
 * reaches its minimum, else 0. The geometric mean behaves as a soft AND: it equals the common intensity when all
 * actions are equally strong and is pulled down by the weakest one more than an arithmetic mean would be.
 *
 * @param combination the combination as written in the table, e.g. {@code 1+2+5B+26/27}
 */
public record EmfacsRule(Emotion emotion, Kind kind, String combination, List<AuTerm> terms) {
    public enum Kind { PROTOTYPE, VARIANT }

    /** Highest value on the FACS intensity scale, which maps scores to 0-1. */
    public static final float MAX_INTENSITY = 5f;

    public EmfacsRule {
        if (emotion == Emotion.NEUTRAL) throw new IllegalArgumentException("neutral has no EMFACS rule");
        terms = List.copyOf(terms);
    }

    /** Parses {@code combination}, terms joined by '+'. */
    public static EmfacsRule of(Emotion emotion, Kind kind, String combination) {
        List<AuTerm> terms = new ArrayList<>();
        for (String term : combination.split("\\+")) terms.add(AuTerm.parse(term));
        return new EmfacsRule(emotion, kind, combination.trim(), terms);
    }

    /** 0-1: see the class comment. 0 when a measured action falls short, NaN when an action is not measured. */
    public float score(AuIntensities aus) {
        double logSum = 0;
        boolean unmeasured = false;
        for (AuTerm term : terms) {
            float v = term.value(aus);
            if (Float.isNaN(v)) unmeasured = true;
            else if (v <= 0) return 0;
            else logSum += Math.log(Math.min(v, MAX_INTENSITY));
        }
        if (unmeasured) return Float.NaN;
        return (float) (Math.exp(logSum / terms.size()) / MAX_INTENSITY);
    }

    @Override
    public String toString() {
        return emotion.label() + " " + kind.name().toLowerCase() + " " + combination;
    }
}
