package org.facsflow.apps.live;

import org.facsflow.apps.output.OverlayRenderer;

/** What the window draws; each key toggles one. The face box and id are always drawn. */
record ViewOptions(boolean mesh, boolean pose, boolean gaze, boolean bars) {
    /** 68 points (not the mesh), pose axes, gaze rays and the AU bars. */
    static final ViewOptions DEFAULT = new ViewOptions(false, true, true, true);

    ViewOptions toggleMesh() {
        return new ViewOptions(!mesh, pose, gaze, bars);
    }

    ViewOptions togglePose() {
        return new ViewOptions(mesh, !pose, gaze, bars);
    }

    ViewOptions toggleGaze() {
        return new ViewOptions(mesh, pose, !gaze, bars);
    }

    ViewOptions toggleBars() {
        return new ViewOptions(mesh, pose, gaze, !bars);
    }

    OverlayRenderer overlay() {
        return new OverlayRenderer(mesh, pose, gaze);
    }

    /** E.g. "68 points, pose, gaze, bars". */
    String describe() {
        return (mesh ? "mesh" : "68 points") + (pose ? ", pose" : "") + (gaze ? ", gaze" : "") + (bars ? ", bars" : "");
    }
}
