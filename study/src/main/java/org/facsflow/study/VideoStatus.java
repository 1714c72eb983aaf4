package org.facsflow.study;

/**
 * What a run did with one recording.
 *
 * @param recording the manifest row
 * @param state     done (extracted now), skipped (complete results from an earlier run) or failed
 * @param frames    frame rows stored for the video (0 when failed)
 * @param seconds   extraction time (0 when skipped)
 * @param reason    why it failed, why it was extracted again (its stored frames damaged, the video or the
 *                  manifest's timing changed) or what was dropped; empty otherwise
 */
public record VideoStatus(Recording recording, State state, long frames, double seconds, String reason) {
    public enum State { DONE, SKIPPED, FAILED }

    /** Whether the video's results are in the study (done or skipped). */
    public boolean complete() {
        return state != State.FAILED;
    }
}
