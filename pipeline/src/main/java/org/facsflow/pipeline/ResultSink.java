package org.facsflow.pipeline;

/** Receives each analysed frame, in order, on the thread that started the analysis. */
@FunctionalInterface
public interface ResultSink<E extends Exception> {
    /** Before the first frame of a video (of its final pass): what the source is. */
    default void begin(SourceInfo source) throws E {
    }

    void accept(FrameResult frame) throws E;
}
