package org.facsflow.affect.classifier;

import org.facsflow.face.FaceObservation;
import org.facsflow.face.image.Roi;
import org.facsflow.face.mesh.FaceMesh;
import org.facsflow.face.mesh.FaceMeshEstimator;

import java.util.Arrays;

/** The aligned face crop other models read, from a {@link FaceObservation}'s mesh. */
final class FaceCrop {
    private FaceCrop() {
    }

    /**
     * The square around the 468-point mesh in its own frame (eyes level), times {@code scale}: the face stage's
     * {@link FaceMeshEstimator#extent} on the observation's mesh without its 10 iris points.
     */
    static Roi of(FaceObservation face, float scale) {
        // extent reads only the points; the region the mesh came from is not part of an observation.
        FaceMesh mesh = new FaceMesh(Arrays.copyOf(face.mesh(), FaceMesh.POINTS * 3), face.confidence(), null);
        return FaceMeshEstimator.extent(mesh, scale);
    }
}
