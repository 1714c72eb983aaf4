package org.facsflow.fusion.voice;

import org.facsflow.media.MediaException;
import org.facsflow.media.VideoSources;
import org.facsflow.media.voice.VoiceAnalysis;
import org.facsflow.media.voice.VoiceTrack;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.ResultSink;
import org.facsflow.pipeline.VideoInput;
import org.facsflow.pipeline.VideoProgress;
import org.facsflow.pipeline.VideoSummary;
import org.facsflow.pipeline.table.ResultSchema;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The voice step of analysing one video, for an application: whether the input gets voice columns (a file whose
 * container lists an audio stream, unless voice is switched off), the audio pass started on its own thread
 * ({@link VoiceTracks}), and the {@link SpeakerAttribution} between the pipeline and the rows' sink. A damaged audio
 * track does not fail the video: its voice columns stay empty and {@link #outcome()} says why.
 */
public final class VoiceStep {
    private final CompletableFuture<Optional<VoiceTrack>> track;
    private String problem;

    private VoiceStep(CompletableFuture<Optional<VoiceTrack>> track) {
        this.track = track;
    }

    /** @param wanted false when the user switched voice off */
    public static VoiceStep forInput(String spec, boolean wanted) {
        if (!wanted || VideoSources.isSourceSpec(spec)) return new VoiceStep(null);
        Path file;
        try {
            file = Path.of(spec);
        } catch (InvalidPathException e) {
            return new VoiceStep(null); // the video's own reader reports the name
        }
        return new VoiceStep(VoiceAnalysis.hasAudio(file) ? VoiceTracks.start(file) : null);
    }

    /** Whether the input's rows get the voice columns. */
    public boolean active() {
        return track != null;
    }

    /** {@code base} with the voice columns when {@link #active()}. */
    public ResultSchema schema(ResultSchema base) {
        return active() ? base.withVoice() : base;
    }

    /** The sink that attributes the voice before {@code rows}; call its {@code finish()} after the video. */
    public <E extends Exception> SpeakerAttribution<E> attach(ResultSink<E> rows) {
        return new SpeakerAttribution<>(this::voice, rows);
    }

    /**
     * Analyses {@code input} with this step between the pipeline and {@code rows}, which get every frame with its
     * voice attributed, the last ones included.
     */
    public <E extends Exception> VideoSummary analyze(Pipeline pipeline, VideoInput input, ResultSink<E> rows,
                                                      VideoProgress progress) throws E, MediaException {
        SpeakerAttribution<E> voiced = attach(rows);
        VideoSummary summary = pipeline.analyzeVideo(input, voiced, progress);
        voiced.finish();
        return summary;
    }

    /** The analysed voice, waiting for it; null when there is none or it failed. */
    private VoiceTrack voice() {
        if (track == null) return null;
        try {
            return track.join().orElse(null);
        } catch (CompletionException e) {
            problem = VoiceTracks.problem(e);
            return null;
        }
    }

    /** What the audio track gave, for the run's messages; null when voice was not analysed. */
    public String outcome() {
        if (track == null) return null;
        VoiceTrack voice = voice();
        if (problem != null) return "voice columns left empty: " + problem;
        return voice == null ? "no audio track" : "voice: " + voice.describe();
    }
}
