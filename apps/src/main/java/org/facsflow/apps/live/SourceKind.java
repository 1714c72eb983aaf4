package org.facsflow.apps.live;

/** How a live source behaves at its end and how its frames are paced, from its {@code VideoSources} spec. */
enum SourceKind {
    /** {@code camera:N}: paced by the camera; a camera that stops delivering is reopened. */
    CAMERA(false, true),
    /** {@code lavfi:GRAPH}: paced by the graph (its {@code realtime} filter); its end is the end. */
    GRAPH(false, false),
    /** A video file: decoded ahead and handed over at its own timestamps, as a camera would deliver it. */
    FILE(true, false);

    private final boolean paced, reconnects;

    SourceKind(boolean paced, boolean reconnects) {
        this.paced = paced;
        this.reconnects = reconnects;
    }

    static SourceKind of(String spec) {
        if (spec.startsWith("camera:")) return CAMERA;
        if (spec.startsWith("lavfi:")) return GRAPH;
        return FILE;
    }

    /** Whether we sleep to each frame's timestamp (a file decodes far faster than real time). */
    boolean paced() {
        return paced;
    }

    /** Whether a source that ends or fails part-way is opened again. */
    boolean reconnects() {
        return reconnects;
    }
}
