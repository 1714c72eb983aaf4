package org.facsflow.learn.signals;

import org.facsflow.face.FaceObservation;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.pipeline.FaceResult;
import org.facsflow.pipeline.FrameResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a frame's {@link Signals} from the pipeline's result: the student's face (the largest found, should a second
 * person lean in), its head pose and gaze in degrees, and the intensities of the exported AUs only. Nothing else of
 * the result (the image, the mesh, landmarks, other AUs, emotions) goes further.
 */
public final class SignalExtractor {
    private final List<ActionUnit> exported;

    /** @param exported the AUs the state rules in use read */
    public SignalExtractor(Set<ActionUnit> exported) {
        this.exported = exported.stream().sorted((a, b) -> Integer.compare(a.number(), b.number())).toList();
    }

    public Signals extract(FrameResult frame, double t) {
        FaceResult student = null;
        for (FaceResult f : frame.found())
            if (student == null || area(f.face()) > area(student.face())) student = f;
        if (student == null) return Signals.noFace(t);
        FaceObservation face = student.face();
        Map<ActionUnit, Float> aus = new LinkedHashMap<>();
        AuFrame coded = student.aus();
        for (ActionUnit au : exported) aus.put(au, coded == null ? Float.NaN : coded.intensity(au));
        float gazeX = Float.NaN, gazeY = Float.NaN;
        if (face.gaze() != null) {
            gazeX = degrees(face.gaze().angleX());
            gazeY = degrees(face.gaze().angleY());
        }
        return new Signals(t, true, student.confidence(), degrees(face.pose().ry()), degrees(face.pose().rx()),
                degrees(face.pose().rz()), gazeX, gazeY, aus);
    }

    private static float area(FaceObservation o) {
        return o.box().width() * o.box().height();
    }

    private static float degrees(float radians) {
        return (float) Math.toDegrees(radians);
    }
}
