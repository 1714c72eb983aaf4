package org.facsflow.interop;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;

/**
 * One labelled stretch of time: an AU episode, a smile, an emotion or a valence segment, from a coder or a tool.
 *
 * @param tier      where it came from (ELAN tier id, BORIS behaviour, facsflow's "face 0 AU12")
 * @param face      the face or subject it belongs to (0 where the file names none)
 * @param au        the AU it codes; null for a label that is not an AU (smile, emotion, valence, a BORIS behaviour)
 * @param value     the label as written (intensity letter, "Duchenne", "happiness", ...)
 * @param onset     seconds from the start of the media
 * @param offset    seconds; equal to onset for a point event
 * @param intensity the FACS letter where one was coded; null where none
 */
public record LabelEvent(String tier, int face, ActionUnit au, String value, double onset, double offset,
                         IntensityScale intensity) {
    public LabelEvent {
        if (!(offset >= onset)) throw new IllegalArgumentException(tier + ": offset " + offset + " before onset " + onset);
    }

    public double duration() {
        return offset - onset;
    }

    /** Whether the event covers time {@code t}: onset &lt;= t &lt; offset. */
    public boolean covers(double t) {
        return t >= onset && t < offset;
    }
}
