package org.facsflow.learn.server;

import org.facsflow.learn.signals.SignalExtractor;
import org.facsflow.learn.signals.Signals;
import org.facsflow.media.RgbImage;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.StreamSession;

/**
 * The pipeline's stream API frame by frame: a fresh {@link StreamSession} per student (running baselines start
 * again), each result reduced to {@link Signals} at once. The {@code FrameResult}, which holds the image, goes out of
 * reach when {@link #analyse} returns.
 */
public final class PipelineAnalyser implements Analyser {
    private final Pipeline pipeline;
    private final SignalExtractor extractor;
    private StreamSession stream;

    public PipelineAnalyser(Pipeline pipeline, SignalExtractor extractor) {
        this.pipeline = pipeline;
        this.extractor = extractor;
    }

    @Override
    public synchronized void begin() {
        end();
        stream = pipeline.openStream();
    }

    @Override
    public synchronized Signals analyse(RgbImage frame, double t) {
        if (stream == null) throw new IllegalStateException("no student session is open");
        return extractor.extract(stream.analyze(frame), t);
    }

    @Override
    public synchronized void end() {
        if (stream != null) stream.close();
        stream = null;
    }
}
