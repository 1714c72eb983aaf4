package org.facsflow.apps.output;

import org.facsflow.affect.AffectFrame;
import org.facsflow.affect.Agreement;
import org.facsflow.affect.Emotion;
import org.facsflow.affect.EmotionScores;
import org.facsflow.affect.classifier.ExpressionModel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The affect layer's column groups, after the AU columns: each expression model's probabilities, their fused and
 * smoothed probabilities, the EMFACS rule scores, valence, arousal and whether rules and classifiers agree. All
 * cells are numbers (OpenFaceCsv and pandas read them as such); an unmeasured value is an empty cell.
 *
 * <p>Per-row data: the {@link AffectFrame} of the row's face in that frame, which the caller looks up with the
 * function it passes (e.g. from the frames {@code AffectAnalyzer.analyze} returned for this image, keyed by face).
 * A row for which it returns null gets empty cells.
 */
public final class AffectColumns {
    /** Fused, smoothed probability of each classified label: emo_anger, ..., emo_neutral. */
    public static final String FUSED_PREFIX = "emo_";
    /** EMFACS rule score of each ruled emotion: rule_anger, ..., rule_surprise. */
    public static final String RULE_PREFIX = "rule_";
    public static final String VALENCE = "valence", AROUSAL = "arousal";
    /** 1 where rules and classifiers name the same emotion, 0 where not, empty without AU intensities. */
    public static final String AGREEMENT = "emo_rules_agree";

    private AffectColumns() {
    }

    /** The fused probability column of {@code e}, e.g. emo_happiness. */
    public static String fusedColumn(Emotion e) {
        return FUSED_PREFIX + e.label();
    }

    /** One model's probabilities of this frame: emo_fer_anger, ..., emo_faceapi_neutral. */
    public static ColumnGroup model(ExpressionModel model, Function<FaceRow, AffectFrame> affect) {
        List<String> names = Emotion.CLASSIFIED.stream().map(e -> FUSED_PREFIX + model.columnName() + "_" + e.label()).toList();
        return group(names, affect, (frame, out) -> scores(model == ExpressionModel.FER ? frame.classifiers().fer()
                : frame.classifiers().faceApi(), Emotion.CLASSIFIED, out));
    }

    /** The fused probabilities, smoothed over time per face. */
    public static ColumnGroup fused(Function<FaceRow, AffectFrame> affect) {
        return group(Emotion.CLASSIFIED.stream().map(AffectColumns::fusedColumn).toList(), affect,
                (frame, out) -> scores(frame.emotions(), Emotion.CLASSIFIED, out));
    }

    /** EMFACS rule scores, 0-1. */
    public static ColumnGroup rules(Function<FaceRow, AffectFrame> affect) {
        return group(Emotion.RULED.stream().map(e -> RULE_PREFIX + e.label()).toList(), affect,
                (frame, out) -> scores(frame.rules().scores(), Emotion.RULED, out));
    }

    /** Valence, arousal and the agreement flag. */
    public static ColumnGroup circumplex(Function<FaceRow, AffectFrame> affect) {
        return group(List.of(VALENCE, AROUSAL, AGREEMENT), affect, (frame, out) -> {
            out.number(frame.circumplex().valence(), 3);
            out.number(frame.circumplex().arousal(), 3);
            if (frame.agreement() == Agreement.UNKNOWN) out.text("");
            else out.integer(frame.agreement() == Agreement.AGREE ? 1 : 0);
        });
    }

    /** Every affect group, in the order above. */
    public static List<ColumnGroup> standard(Function<FaceRow, AffectFrame> affect) {
        List<ColumnGroup> groups = new ArrayList<>();
        for (ExpressionModel m : ExpressionModel.values()) groups.add(model(m, affect));
        groups.add(fused(affect));
        groups.add(rules(affect));
        groups.add(circumplex(affect));
        return groups;
    }

    private static void scores(EmotionScores s, List<Emotion> labels, CsvRow out) {
        for (Emotion e : labels) out.number(s.get(e), 3);
    }

    private static ColumnGroup group(List<String> names, Function<FaceRow, AffectFrame> affect,
                                     ColumnGroup.Fields<AffectFrame> fields) {
        return ColumnGroup.of(names, affect, fields);
    }
}
