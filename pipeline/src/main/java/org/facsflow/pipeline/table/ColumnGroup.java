package org.facsflow.pipeline.table;

/** The blocks of related columns, in table order; the README's column table follows them. */
public enum ColumnGroup {
    FRAME("which frame and face, and whether the face was found"),
    GAZE("gaze direction per eye and averaged"),
    POSE("head position and rotation"),
    LANDMARKS_2D("68 iBUG landmarks in the image"),
    LANDMARKS_3D("68 iBUG landmarks in camera coordinates"),
    FACE_BOX("face box from the mesh extent"),
    MESH("the 478-point mesh (identifying: only on request)"),
    AU_INTENSITY("AU intensity, 0-5"),
    AU_PRESENCE("AU present (1) or not (0)"),
    AU_SIDES("one-sided AU intensity, subject's own left and right"),
    AU_LETTERS("FACS intensity letter and the neutral face AUs were coded against"),
    EMOTION_MODELS("each expression model's probabilities"),
    EMOTIONS("the models' fused probabilities, smoothed over time"),
    EMFACS_RULES("EMFACS rule scores"),
    CIRCUMPLEX("valence, arousal and whether rules and models agree"),
    VOICE("the recording's voice during the frame, on the row of the face that is speaking");

    private final String description;

    ColumnGroup(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
