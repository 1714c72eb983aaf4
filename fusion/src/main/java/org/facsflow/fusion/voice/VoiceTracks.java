package org.facsflow.fusion.voice;

import org.facsflow.media.MediaException;
import org.facsflow.media.voice.ProsodySettings;
import org.facsflow.media.voice.VoiceAnalysis;
import org.facsflow.media.voice.VoiceTrack;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A video's voice analysed on a thread of its own while the face stages run on the video: the audio pass decodes no
 * picture and costs a few percent of the face stages' CPU, so it is done by the time the first rows are written.
 */
public final class VoiceTracks {
    private VoiceTracks() {
    }

    /** Starts analysing {@code video}'s audio track; the result is empty when it has none. */
    public static CompletableFuture<Optional<VoiceTrack>> start(Path video) {
        CompletableFuture<Optional<VoiceTrack>> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(VoiceAnalysis.of(video, ProsodySettings.STANDARD));
            } catch (MediaException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "voice");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** The problem that stopped an analysis, as its one-line message (a MediaException names the file). */
    public static String problem(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage();
    }
}
