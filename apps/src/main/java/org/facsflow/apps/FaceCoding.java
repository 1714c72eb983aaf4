package org.facsflow.apps;

import org.facsflow.affect.AffectAnalyzer;
import org.facsflow.affect.AffectFrame;
import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.Emotion;
import org.facsflow.apps.output.AffectColumns;
import org.facsflow.apps.output.AuColumns;
import org.facsflow.apps.output.ColumnGroup;
import org.facsflow.apps.output.FaceColumns;
import org.facsflow.apps.output.FaceRow;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.pose.MeshLifter;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuCoder;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.facs.coding.AuPredictor;
import org.facsflow.facs.coding.FacialMeasures;
import org.facsflow.media.RgbImage;
import org.facsflow.models.AssetStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stages above the face stage for the faces of one frame at a time: AU coding (facs) and affect (emotions,
 * EMFACS rules, valence/arousal). It keeps each measured face's results until the next frame, and its column groups
 * read them for the CSV rows. One per job (not thread-safe).
 */
final class FaceCoding implements AutoCloseable {
    private final FacialMeasures measures;
    private final AuPredictor predictor;
    private final AuCoder coder;
    private final AffectAnalyzer affect;
    private final Map<FaceObservation, AuFrame> aus = new IdentityHashMap<>();
    private final Map<FaceObservation, AffectFrame> affects = new IdentityHashMap<>();

    /** @param classifierIntervalSeconds how often the expression models run per face ({@link AffectAnalyzer}) */
    FaceCoding(AssetStore store, double classifierIntervalSeconds) {
        measures = new FacialMeasures(new MeshLifter(CanonicalFace.load(store.require("canonical-face"))));
        predictor = new AuPredictor(AuModel.standard());
        coder = new AuCoder(measures, predictor);
        affect = AffectAnalyzer.create(store, classifierIntervalSeconds);
    }

    FacialMeasures measures() {
        return measures;
    }

    AuPredictor predictor() {
        return predictor;
    }

    /** Forgets the previous frame's faces. */
    void nextFrame() {
        aus.clear();
        affects.clear();
    }

    /** A face of a still image: AUs against the population neutral face. */
    AuFrame codeStill(RgbImage image, FaceObservation face) {
        return code(image, 0, face, coder.codeStill(face, image));
    }

    /** A face of a video coded as it streams, against its running baseline. */
    AuFrame codeRunning(RgbImage image, double time, FaceObservation face) {
        return code(image, time, face, coder.code(face, image));
    }

    /** A face whose AUs were coded already (offline or neutral-segment baseline); null AUs: not measurable. */
    AuFrame code(RgbImage image, double time, FaceObservation face, AuFrame frame) {
        aus.put(face, frame);
        affects.put(face, affect.analyze(image, face, time,
                frame == null ? null : new AuIntensities(frame.intensity(), frame.left(), frame.right())));
        return frame;
    }

    AffectFrame affect(FaceObservation face) {
        return affects.get(face);
    }

    AuFrame aus(FaceObservation face) {
        return aus.get(face);
    }

    /**
     * One line for people: the strongest present AUs with their FACS letters (those fitted to reference data; the
     * hand-set experimental ones stay in the CSV only), the top emotion and valence.
     */
    String describe(int faceId, AuFrame aus, AffectFrame affect) {
        StringBuilder line = new StringBuilder("face " + faceId + ":");
        if (aus != null) {
            List<ActionUnit> present = ActionUnit.CODED.stream()
                    .filter(au -> aus.present(au) && "fitted".equals(predictor.model().entry(au).source()))
                    .sorted(Comparator.comparingDouble(au -> -aus.intensity(au))).limit(4).toList();
            line.append(present.isEmpty() ? " no AU present" : "");
            for (ActionUnit au : present)
                line.append(String.format(Locale.ROOT, " %s %.1f%s", au.code(), aus.intensity(au),
                        aus.letter(au).map(l -> " " + l.name()).orElse("")));
        }
        if (affect != null) {
            affect.emotions().top(Emotion.CLASSIFIED).ifPresent(e -> line.append(String.format(Locale.ROOT,
                    "; %s %.0f%%", e.label(), 100 * affect.emotions().get(e))));
            line.append(String.format(Locale.ROOT, ", valence %+.2f", affect.circumplex().valence()));
        }
        return line.toString();
    }

    /** A face has left for good: its running baseline and emotion smoothing start afresh if its id returns. */
    void forget(int faceId) {
        coder.forget(faceId);
        affect.forget(faceId);
    }

    /** The face stage's columns, then the AUs, then affect. */
    List<ColumnGroup> columns(boolean mesh) {
        List<ColumnGroup> groups = new ArrayList<>(FaceColumns.standard(mesh));
        groups.add(AuColumns.of(row -> row.face() == null ? null : aus.get(row.face())));
        groups.addAll(AffectColumns.standard(this::affectOf));
        return groups;
    }

    private AffectFrame affectOf(FaceRow row) {
        return row.face() == null ? null : affects.get(row.face());
    }

    @Override
    public void close() {
        affect.close();
    }
}
