package org.facsflow.media;

/**
 * Opens a video source by spec: {@link VideoSources#open} in production; callers that reopen sources (a lost camera)
 * or tests that inject failures take one of these instead.
 */
@FunctionalInterface
public interface VideoOpener {
    VideoSource open(String spec) throws MediaException;
}
