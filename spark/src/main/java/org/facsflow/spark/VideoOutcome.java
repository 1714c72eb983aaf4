package org.facsflow.spark;

import org.facsflow.study.VideoStatus;

import java.io.Serializable;

/**
 * What the job did with one video: a row of the status table.
 *
 * @param attempts tries this run made (0 when skipped); a failed video was tried as often as Spark allows a task
 * @param frames   result rows stored (0 when failed)
 * @param seconds  time its last try took (0 when skipped)
 * @param reason   why it failed (the last try's error), why it was extracted again, or what was dropped; empty otherwise
 */
record VideoOutcome(String id, VideoStatus.State state, int attempts, long frames, double seconds, String reason)
        implements Serializable {
}
