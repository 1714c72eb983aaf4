package org.facsflow.facs.coding;

/** How a person's neutral face was estimated; written with every coded frame ({@code au_baseline}). */
public enum BaselineMode {
    /**
     * Causal: running median of every earlier frame of the face and running cut-off percentiles of its predictions
     * (live use; the face is coded as {@link #STILL} until {@link AuCoder#MIN_RUNNING_FRAMES} frames are in, then
     * shares each frame with the still models while the running median is young).
     */
    RUNNING("running"),
    /**
     * The median and cut-off percentiles over the whole video, from a first pass; the video is then coded again with
     * them (OpenFace-like).
     */
    OFFLINE("offline"),
    /** The median over a time range the user marked as neutral ({@code --neutral 0:00-0:03}). */
    SEGMENT("segment"),
    /**
     * No baseline of the person: the model's population neutral face, geometry only (still images, and a live face's
     * first frames). Less reliable: face shape differs between people, and that difference is read as expression.
     */
    STILL("still");

    private final String label;

    BaselineMode(String label) {
        this.label = label;
    }

    /** The value written in the {@code au_baseline} column. */
    public String label() {
        return label;
    }
}
