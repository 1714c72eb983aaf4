package org.facsflow.study;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Turns one recording into AU frames: the face and AU pipeline as a study sees it. {@link StudyRunner} asks its
 * {@link Factory} for one extractor per worker thread and uses it for one video at a time, so an implementation
 * need not be thread-safe.
 *
 * <p>Contract of {@link #extract}:
 * <ul>
 *   <li>for every decoded frame, hand {@code sink} one {@link AuFrame} per face found, or one
 *       {@link AuFrame#noFace} when none was found (the study counts these as lost frames);</li>
 *   <li>frames in decode order; face ids stable across the video (the study analyses the face measured in the most
 *       frames as the participant and reports the others as extra faces);</li>
 *   <li>throw an {@link IOException} whose message names the file and the problem when the video cannot be read;
 *       the study records the video as failed and goes on with the others. Frames already handed over are then
 *       discarded: a video's results are kept whole or not at all.</li>
 * </ul>
 */
public interface VideoExtractor extends AutoCloseable {

    /** @param recording its {@code video}: a video file, or a folder of frames timed by its {@code frameRate} */
    void extract(Recording recording, Consumer<AuFrame> sink) throws IOException;

    /** A line saying what measured the frames (models, versions), kept with each video's results. */
    default String description() {
        return getClass().getName();
    }

    /** Releases models and native memory; the default holds none. */
    @Override
    default void close() {
    }

    /** Makes the extractor of one worker thread. */
    @FunctionalInterface
    interface Factory {
        VideoExtractor create() throws IOException;
    }
}
