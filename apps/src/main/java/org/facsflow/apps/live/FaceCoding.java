package org.facsflow.apps.live;

import org.facsflow.face.track.TrackedFace;
import org.facsflow.face.track.TrackedFrame;
import org.facsflow.facs.coding.AuCoder;
import org.facsflow.facs.coding.AuFrame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Codes the AUs (and reads the affect) of every face found in a live frame, each face against its own running
 * baseline. A face's baseline is kept while its id may come back ({@code forgetAfterSeconds}, the tracker's memory for
 * faces that left): the same person re-identified keeps their neutral face. Processing thread only.
 */
final class FaceCoding implements NeutralSegments {
    private final AuCoder coder;
    private final AffectReader affect;
    private final double forgetAfterSeconds;
    private final Map<Integer, Double> lastSeen = new HashMap<>();

    FaceCoding(AuCoder coder, AffectReader affect, double forgetAfterSeconds) {
        this.coder = coder;
        this.affect = affect;
        this.forgetAfterSeconds = forgetAfterSeconds;
    }

    /** Every tracked face of the frame, found or lost, by id, with its coding where it was found. */
    List<LiveFrame.Face> code(TrackedFrame frame) {
        double time = frame.image().timestampSeconds();
        List<LiveFrame.Face> faces = new ArrayList<>(frame.faces().size());
        for (TrackedFace f : frame.faces()) {
            if (!f.success()) {
                faces.add(new LiveFrame.Face(f.faceId(), f.confidence(), null, null, null));
                continue;
            }
            lastSeen.put(f.faceId(), time);
            AuFrame aus = coder.code(f.face(), frame.image());
            faces.add(new LiveFrame.Face(f.faceId(), f.confidence(), f.face(), aus,
                    affect.read(frame.image(), f.face(), time, aus)));
        }
        lastSeen.entrySet().removeIf(e -> {
            if (time - e.getValue() <= forgetAfterSeconds) return false;
            coder.forget(e.getKey());
            affect.forget(e.getKey());
            return true;
        });
        return faces;
    }

    @Override
    public void beginNeutral(int faceId) {
        coder.beginNeutral(faceId);
    }

    @Override
    public int endNeutral(int faceId) {
        return coder.endNeutral(faceId);
    }
}
