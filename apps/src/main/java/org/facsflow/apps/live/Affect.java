package org.facsflow.apps.live;

/**
 * The affect layer's reading of one face, as the window shows it: the top emotion with its probability, valence and
 * arousal (-1..1). NaN or a null emotion: not measured (shown as "—").
 */
public record Affect(String emotion, float probability, float valence, float arousal) {
}
