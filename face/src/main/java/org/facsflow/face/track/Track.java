package org.facsflow.face.track;

import org.facsflow.face.FaceAnalyzer;
import org.facsflow.face.FaceBox;
import org.facsflow.face.mesh.FaceMesh;

/** One face followed over time by {@link FaceLocator}: where it was last seen and what its shape is. */
final class Track {
    /** Negative while pending. */
    int id;
    /** A newcomer whose id waits until its shape has been averaged over a few frames. */
    boolean pending;
    int pendingFrames;
    /** The last mesh that held a face: its region is where the face is read next. */
    FaceMesh mesh;
    FaceBox box;
    double lastSeen;
    /** Found in the current frame. */
    boolean followed;
    /** Found in the current frame but not in the previous one: smoothing starts afresh. */
    boolean fresh;
    float confidence;
    long framesFollowed;
    /** When this face's eyes and mouth were last checked for a cover. */
    double lastOcclusionCheck = Double.NEGATIVE_INFINITY;
    final float[] shape;
    int shapeSamples;
    final float[] appearance = new float[ColourSignature.SIZE];
    int appearanceSamples;

    Track(int id, boolean pending, int shapeSize) {
        this.id = id;
        this.pending = pending;
        this.shape = new float[shapeSize];
    }

    private FaceMesh previousMesh;
    private double previousSeen;

    void found(FaceMesh mesh, double time) {
        previousMesh = this.mesh;
        previousSeen = lastSeen;
        fresh = !followed;
        followed = true;
        this.mesh = mesh;
        this.box = FaceAnalyzer.box(mesh.points());
        this.confidence = mesh.faceScore();
        lastSeen = time;
        framesFollowed++;
    }

    /** This frame's mesh turned out to be another face's: lost, to be looked for where it was before. */
    void foundWrongFace() {
        if (previousMesh != null) {
            mesh = previousMesh;
            box = FaceAnalyzer.box(mesh.points());
            lastSeen = previousSeen;
        }
        lost(confidence);
    }

    void lost(float confidence) {
        followed = false;
        fresh = false;
        this.confidence = confidence;
    }
}
