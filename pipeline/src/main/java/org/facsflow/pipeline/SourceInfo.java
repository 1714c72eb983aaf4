package org.facsflow.pipeline;

/**
 * A video source as its container states it.
 *
 * @param frameRate          average frames per second, 0 when unknown (frame times come from each frame)
 * @param frameCountEstimate frames in the file, -1 for a live source
 */
public record SourceInfo(String spec, int width, int height, double frameRate, long frameCountEstimate) {
    public boolean live() {
        return frameCountEstimate < 0;
    }
}
