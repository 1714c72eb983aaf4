package org.facsflow.affect.events;

import org.facsflow.affect.episodes.Episode;
import org.facsflow.facs.ActionUnit;

/** One episode of one AU of one face: onset, apex, offset, duration and peak intensity in {@link #episode()}. */
public record AuEvent(int faceId, ActionUnit au, Episode episode) {
}
