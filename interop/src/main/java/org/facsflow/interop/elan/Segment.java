package org.facsflow.interop.elan;

/**
 * A stretch of time one face showed one label: an emotion ("happiness") or a valence class ("positive").
 *
 * @param mean the label's mean over the segment's own frames: the emotion's probability, or the valence
 */
public record Segment(int faceId, String label, double onset, double offset, double mean) {
}
