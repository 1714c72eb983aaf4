package org.facsflow.pipeline;

import org.facsflow.affect.AffectTimeline;
import org.facsflow.face.StageTimes;

import java.util.List;

/**
 * What a whole video gave, beyond its frames.
 *
 * @param frames         frames analysed (of the final pass)
 * @param framesWithFace frames in which at least one face was found
 * @param faceIds        distinct face ids
 * @param seconds        wall time, first pass included
 * @param times          CPU time per stage, all threads together (so it can exceed the wall time)
 * @param affect         smiles, AU events and their co-occurrence, each face's path in the valence-arousal plane
 * @param problems       faces that could not be coded (no measurable frame for an offline or segment baseline)
 */
public record VideoSummary(long frames, long framesWithFace, int faceIds, double seconds, StageTimes times,
                           AffectTimeline.Summary affect, List<String> problems) {
}
