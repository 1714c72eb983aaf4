package org.facsflow.affect.rules;

import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.Emotion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The built-in EMFACS table on hand-made AU vectors. */
class EmfacsRulesTest {
    private final EmfacsRules rules = EmfacsRules.standard();

    @Test
    void theTableCoversEveryEmotionButNeutral() {
        assertThat(rules.rules().stream().map(EmfacsRule::emotion).distinct())
                .containsExactlyInAnyOrderElementsOf(Emotion.RULED);
    }

    @Test
    void happinessPrototypeScoresTheGeometricMeanOverFive() {
        RuleScores s = rules.score(AuIntensities.of(Map.of(6, 2f, 12, 4.5f)));
        assertThat(s.top()).contains(Emotion.HAPPINESS);
        // 6+12 is the fullest combination that fits: sqrt(2 * 4.5) / 5 = 0.6 (12C alone would give 0.9).
        assertThat(s.scores().get(Emotion.HAPPINESS)).isCloseTo(0.6f, within(1e-5f));
        assertThat(s.matched().get(Emotion.HAPPINESS).combination()).isEqualTo("6+12");
        assertThat(s.matched().get(Emotion.HAPPINESS).kind()).isEqualTo(EmfacsRule.Kind.PROTOTYPE);
        for (Emotion other : Emotion.RULED)
            if (other != Emotion.HAPPINESS && other != Emotion.CONTEMPT)
                assertThat(s.scores().get(other)).as(other.label()).isZero();
        assertThat(s.scores().get(Emotion.CONTEMPT)).as("one-sided rules without sides").isNaN();
        // Without AU6 the variant 12C (AU12 at C or more) still says happiness.
        RuleScores variant = rules.score(AuIntensities.of(Map.of(12, 3f)));
        assertThat(variant.scores().get(Emotion.HAPPINESS)).isCloseTo(0.6f, within(1e-5f));
        assertThat(variant.matched().get(Emotion.HAPPINESS).kind()).isEqualTo(EmfacsRule.Kind.VARIANT);
        assertThat(rules.score(AuIntensities.of(Map.of(12, 2f))).scores().get(Emotion.HAPPINESS)).isZero();
    }

    @Test
    void scoresAreGradedByIntensity() {
        float weak = rules.score(AuIntensities.of(Map.of(1, 1.2f, 4, 1.2f, 15, 1.2f))).scores().get(Emotion.SADNESS);
        float strong = rules.score(AuIntensities.of(Map.of(1, 4f, 4, 4f, 15, 4f))).scores().get(Emotion.SADNESS);
        assertThat(weak).isPositive().isLessThan(strong);
        // Below presence (A = 1.0) an action does not count: no rule fires.
        assertThat(rules.score(AuIntensities.of(Map.of(1, 0.9f, 4, 3f, 15, 3f))).scores().get(Emotion.SADNESS)).isZero();
    }

    @Test
    void surprisePrototypeAndAlternatives() {
        RuleScores s = rules.score(AuIntensities.of(Map.of(1, 3f, 2, 3f, 5, 2f, 27, 3f)));
        assertThat(s.top()).contains(Emotion.SURPRISE);
        assertThat(s.matched().get(Emotion.SURPRISE).combination()).isEqualTo("1+2+5B+26/27");
    }

    @Test
    void unilateralSmileWithDimplerIsContempt() {
        AuIntensities rightOnly = AuIntensities.of(Map.of(12, 1.2f, 14, 1.2f),
                Map.of(12, 0.1f, 14, 0.2f), Map.of(12, 2.4f, 14, 2.2f));
        RuleScores s = rules.score(rightOnly);
        assertThat(s.top()).contains(Emotion.CONTEMPT);
        assertThat(s.matched().get(Emotion.CONTEMPT).combination()).isEqualTo("R12A+R14A");
        // The mirror image is the left-sided rule, same score.
        RuleScores mirrored = rules.score(rightOnly.mirrored());
        assertThat(mirrored.matched().get(Emotion.CONTEMPT).combination()).isEqualTo("L12A+L14A");
        assertThat(mirrored.scores().get(Emotion.CONTEMPT)).isEqualTo(s.scores().get(Emotion.CONTEMPT));
    }

    @Test
    void bilateralSmileWithDimplerIsNotContempt() {
        AuIntensities both = AuIntensities.of(Map.of(12, 2.5f, 14, 2f),
                Map.of(12, 2.4f, 14, 2.0f), Map.of(12, 2.6f, 14, 2.1f));
        RuleScores s = rules.score(both);
        assertThat(s.scores().get(Emotion.CONTEMPT)).isZero();
        assertThat(s.top()).contains(Emotion.HAPPINESS);
    }

    @Test
    void withoutSidesContemptIsUnmeasuredNotZero() {
        RuleScores s = rules.score(AuIntensities.of(Map.of(12, 2f, 14, 2f)));
        assertThat(s.scores().get(Emotion.CONTEMPT)).isNaN();
        assertThat(s.scores().get(Emotion.HAPPINESS)).isZero();
        float[] none = new float[25];
        Arrays.fill(none, Float.NaN);
        assertThat(rules.score(new AuIntensities(none)).measured()).isFalse();
    }

    @Test
    void aUserTableReplacesTheBuiltInOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("my-rules.csv");
        Files.writeString(file, "emotion,kind,combination\n# only one rule\nhappiness,prototype,12B\n");
        EmfacsRules mine = EmfacsRules.load(file);
        assertThat(mine.rules()).hasSize(1);
        assertThat(mine.score(AuIntensities.of(Map.of(12, 1.4f))).scores().get(Emotion.HAPPINESS)).isZero();
        assertThat(mine.score(AuIntensities.of(Map.of(12, 1.6f))).scores().get(Emotion.HAPPINESS)).isPositive();
        assertThat(mine.score(AuIntensities.of(Map.of(12, 1.6f))).scores().get(Emotion.SADNESS)).isNaN();
    }

    @Test
    void aBadTableNamesItsFileAndLine() {
        assertThatThrownBy(() -> EmfacsRules.parse("t.csv", new StringReader("emotion,kind,combination\njoy,prototype,6+12\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("t.csv, line 2").hasMessageContaining("joy");
        assertThatThrownBy(() -> EmfacsRules.parse("t.csv", new StringReader("anger,prototype,4+X\n")))
                .hasMessageContaining("line 1").hasMessageContaining("\"X\"");
        assertThatThrownBy(() -> EmfacsRules.parse("t.csv", new StringReader("anger,prototype,R25\n")))
                .hasMessageContaining("not scored per side");
        assertThatThrownBy(() -> EmfacsRules.load(Path.of("/nonexistent/rules.csv")))
                .hasMessageContaining("/nonexistent/rules.csv: no such file");
    }
}
