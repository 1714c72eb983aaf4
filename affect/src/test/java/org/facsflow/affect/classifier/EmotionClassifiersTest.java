package org.facsflow.affect.classifier;

import org.facsflow.affect.AffectAnalyzer;
import org.facsflow.affect.AffectFrame;
import org.facsflow.affect.Agreement;
import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.Emotion;
import org.facsflow.affect.EmotionScores;
import org.facsflow.affect.TestFaces;
import org.facsflow.affect.circumplex.CircumplexModel;
import org.facsflow.affect.rules.EmfacsRules;
import org.facsflow.face.FaceObservation;
import org.facsflow.media.MediaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Both real expression models on real faces, through the affect analyzer. Which faces smile was judged by eye
 * (teeth showing or a broad smile) before running the models; faces whose expression is ambiguous are left out.
 */
class EmotionClassifiersTest {
    private static AffectAnalyzer analyzer() {
        // Shares the test JVM's classifiers; not closed here.
        return new AffectAnalyzer(TestFaces.classifiers(), EmfacsRules.standard(), new EmotionSmoother(),
                CircumplexModel.standard(), 0);
    }

    private static AffectFrame analyze(String asset, int faceId, AuIntensities aus) throws MediaException {
        FaceObservation face = TestFaces.faces(asset).get(faceId);
        return analyzer().analyze(TestFaces.image(asset), face, 0, aus);
    }

    @ParameterizedTest(name = "{0} face {1} smiles")
    @CsvSource({"still-franck-02159, 0", "group-photo-1, 2", "group-photo-3, 1", "group-photo-3, 2",
            "group-photo-4, 2", "group-photo-4, 3", "group-photo-6, 1", "group-photo-6, 3"})
    void smilingFacesScoreHappinessHighestAndPositiveValence(String asset, int faceId) throws MediaException {
        AffectFrame frame = analyze(asset, faceId, null);
        EmotionScores fused = frame.emotions();
        assertThat(fused.top(Emotion.CLASSIFIED)).as(describe(fused)).contains(Emotion.HAPPINESS);
        assertThat(frame.circumplex().valence()).isGreaterThan(0.3f);
        assertThat(frame.agreement()).as("no AUs, no rule verdict").isEqualTo(Agreement.UNKNOWN);
    }

    @ParameterizedTest(name = "{0} face {1} does not smile")
    @CsvSource({"still-franck-01829, 0", "group-photo-4, 1", "group-photo-6, 2"})
    void unsmilingFacesDoNotScoreHappinessHighest(String asset, int faceId) throws MediaException {
        EmotionScores fused = analyze(asset, faceId, null).emotions();
        assertThat(fused.top(Emotion.CLASSIFIED).orElseThrow()).as(describe(fused)).isNotEqualTo(Emotion.HAPPINESS);
    }

    @Test
    void eachModelAndTheFusionAreDistributionsWithoutContempt() throws MediaException {
        AffectFrame frame = analyze("still-franck-02159", 0, null);
        for (EmotionScores p : new EmotionScores[]{frame.classifiers().fer(), frame.classifiers().faceApi(),
                frame.classifiers().fused(), frame.emotions()}) {
            double sum = 0;
            for (float v : p.values()) sum += v;
            assertThat(sum).isCloseTo(1, within(1e-4));
            assertThat(p.get(Emotion.CONTEMPT)).isZero();
        }
        // Both models agree on this broad smile; the fusion is their 0.4/0.6 mix.
        assertThat(frame.classifiers().fer().top(Emotion.CLASSIFIED)).contains(Emotion.HAPPINESS);
        assertThat(frame.classifiers().faceApi().top(Emotion.CLASSIFIED)).contains(Emotion.HAPPINESS);
        float expected = 0.4f * frame.classifiers().fer().get(Emotion.HAPPINESS)
                + 0.6f * frame.classifiers().faceApi().get(Emotion.HAPPINESS);
        assertThat(frame.classifiers().fused().get(Emotion.HAPPINESS)).isCloseTo(expected, within(1e-4f));
    }

    @Test
    void agreementComparesTheRulesVerdictWithTheClassifiers() throws MediaException {
        AuIntensities happy = AuIntensities.of(Map.of(6, 3f, 12, 3.5f, 25, 2f));
        AuIntensities sad = AuIntensities.of(Map.of(1, 3f, 4, 3f, 15, 3f));
        assertThat(analyze("still-franck-02159", 0, happy).agreement()).isEqualTo(Agreement.AGREE);
        assertThat(analyze("still-franck-02159", 0, sad).agreement()).isEqualTo(Agreement.DISAGREE);
    }

    @Test
    void theModelsTakeTurnsTenTimesASecondPerFaceAndFramesBetweenReuseTheirOutput() throws MediaException {
        AffectAnalyzer sampled = new AffectAnalyzer(TestFaces.classifiers(), EmfacsRules.standard(), new EmotionSmoother(),
                CircumplexModel.standard(), AffectAnalyzer.CLASSIFIER_INTERVAL_S);
        String smiling = "still-franck-02159", unsmiling = "still-franck-01829";
        ClassifierOutput first = classify(sampled, smiling, 0);
        assertThat(first.fer().top(Emotion.CLASSIFIED)).contains(Emotion.HAPPINESS);
        assertThat(first.faceApi().top(Emotion.CLASSIFIED)).contains(Emotion.HAPPINESS);
        // One frame of 30 fps later the face (id 0) has changed, but the last output stands.
        assertThat(classify(sampled, unsmiling, 1 / 30.0)).isSameAs(first);
        // 0.1 s after the first sample FER sees the new face; face-api's output is the one from before.
        ClassifierOutput second = classify(sampled, unsmiling, 0.1);
        assertThat(second.fer().top(Emotion.CLASSIFIED).orElseThrow()).isNotEqualTo(Emotion.HAPPINESS);
        assertThat(second.faceApi()).isSameAs(first.faceApi());
        // 0.1 s later it is face-api's turn, and the fusion has left happiness.
        ClassifierOutput third = classify(sampled, unsmiling, 0.2);
        assertThat(third.fer()).isSameAs(second.fer());
        assertThat(third.faceApi().top(Emotion.CLASSIFIED).orElseThrow()).isNotEqualTo(Emotion.HAPPINESS);
        assertThat(third.fused().top(Emotion.CLASSIFIED).orElseThrow()).isNotEqualTo(Emotion.HAPPINESS);
        // A timestamp not after the last sample is a new still image: both models run again.
        ClassifierOutput still = classify(sampled, smiling, 0.2);
        assertThat(still.fer().top(Emotion.CLASSIFIED)).contains(Emotion.HAPPINESS);
        assertThat(still.faceApi().top(Emotion.CLASSIFIED)).contains(Emotion.HAPPINESS);
        // After a gap of more than two intervals (a face found again) both run too.
        ClassifierOutput afterGap = classify(sampled, unsmiling, 0.5);
        assertThat(afterGap.fer().top(Emotion.CLASSIFIED).orElseThrow()).isNotEqualTo(Emotion.HAPPINESS);
        assertThat(afterGap.faceApi().top(Emotion.CLASSIFIED).orElseThrow()).isNotEqualTo(Emotion.HAPPINESS);
    }

    private static ClassifierOutput classify(AffectAnalyzer analyzer, String asset, double timestamp) throws MediaException {
        return analyzer.analyze(TestFaces.image(asset), TestFaces.faces(asset).get(0), timestamp, null).classifiers();
    }

    @Test
    void smoothingFollowsTimeNotFrames() {
        float[] happy = new float[Emotion.values().length], sad = new float[Emotion.values().length];
        happy[Emotion.HAPPINESS.ordinal()] = 1;
        sad[Emotion.SADNESS.ordinal()] = 1;
        EmotionSmoother smoother = new EmotionSmoother(0.3);
        smoother.smooth(0, 0.0, new EmotionScores(happy));
        // One time constant later the average has moved 1 - 1/e of the way.
        EmotionScores after = smoother.smooth(0, 0.3, new EmotionScores(sad));
        assertThat(after.get(Emotion.SADNESS)).isCloseTo((float) (1 - Math.exp(-1)), within(1e-5f));
        // Two half steps reach the same point as one whole step.
        EmotionSmoother halves = new EmotionSmoother(0.3);
        halves.smooth(0, 0.0, new EmotionScores(happy));
        halves.smooth(0, 0.15, new EmotionScores(sad));
        assertThat(halves.smooth(0, 0.3, new EmotionScores(sad)).get(Emotion.SADNESS))
                .isCloseTo(after.get(Emotion.SADNESS), within(1e-5f));
        // A timestamp that does not advance (a new still image) starts afresh; other faces are independent.
        assertThat(smoother.smooth(0, 0.3, new EmotionScores(happy)).get(Emotion.HAPPINESS)).isEqualTo(1f);
        assertThat(smoother.smooth(1, 0.3, new EmotionScores(sad)).get(Emotion.SADNESS)).isEqualTo(1f);
    }

    private static String describe(EmotionScores p) {
        return Arrays.toString(p.values()) + " over " + Arrays.toString(Emotion.values());
    }
}
