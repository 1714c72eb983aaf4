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
 *   <li>for every decoded frame, hand {@code sink} one {@link StudyFrame} per face found, or one
 *       {@link StudyFrame#noFace} when none was found (the study counts these as lost frames);</li>
 *   <li>frames in decode order; face ids stable across the video (the study analyses the face measured in the most
 *       frames as the participant and reports the others as extra faces);</li>
 *   <li><b>stop at the stimulus end</b>: decode no frame whose presentation time is later than
 *       {@link Recording#endSeconds()} (onset + the manifest's duration; infinite without one), and hand none over.
 *       Frames before the onset may be decoded (e.g. for a person's neutral baseline). The runner drops any later
 *       frame that reaches the sink, so none is ever stored, but only the extractor can avoid decoding it;</li>
 *   <li>report progress: call {@link Progress#decoded} after each decoded frame (or every few), and
 *       {@link Progress#length} once the recording's length is known. Both must stay cheap: the runner's
 *       implementation stores two numbers and reads the clock;</li>
 *   <li>throw an {@link IOException} whose message names the file and the problem when the video cannot be read;
 *       the study records the video as failed and goes on with the others. Frames already handed over are then
 *       discarded: a video's results are kept whole or not at all.</li>
 * </ul>
 */
public interface VideoExtractor extends AutoCloseable {

    /**
     * @param recording its {@code video}: a video file, or a folder of frames timed by its {@code frameRate}; its
     *                  {@link Recording#endSeconds()}: the last presentation time to decode
     * @param sink      takes the frames
     * @param progress  hears how far decoding has got
     */
    void extract(Recording recording, Consumer<StudyFrame> sink, Progress progress) throws IOException;

    /** A line saying what measured the frames (models, versions), kept with each video's results. */
    default String description() {
        return getClass().getName();
    }

    /** Whether the frames are made up (a simulation) rather than measured from faces; results then say so. */
    default boolean simulated() {
        return false;
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

    /** How far an extractor has got through one recording; called on the extractor's thread. */
    @FunctionalInterface
    interface Progress {
        /** Hears nothing. */
        Progress NONE = (frames, seconds) -> {
        };

        /**
         * @param frames  frames decoded so far in this recording (a frame counts once, however many faces it has)
         * @param seconds presentation time of the last decoded frame
         */
        void decoded(long frames, double seconds);

        /**
         * The recording's length in seconds, once known (e.g. from the container), so that a display can show a
         * share done; the runner takes the smaller of it and {@link Recording#endSeconds()}.
         */
        default void length(double seconds) {
        }
    }
}
