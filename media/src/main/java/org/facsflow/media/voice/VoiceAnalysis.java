package org.facsflow.media.voice;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.facsflow.media.FfmpegErrors;
import org.facsflow.media.InputFiles;
import org.facsflow.media.MediaException;

/**
 * A recording's voice from its own audio track: FFmpeg decodes the track (mixed to mono and resampled to
 * {@link ProsodySettings#sampleRate()} by JavaCV's resampler), without decoding a single video frame, and
 * {@link ProsodyAnalyzer} measures the samples as they come. Memory stays a few kilobytes a second of track. Times
 * are on the video's clock (the container's start subtracted, as the video frames'), so a track that starts after
 * the picture leaves the frames before it without voice.
 */
public final class VoiceAnalysis {
    static {
        // As VideoSources: FFmpeg's notes about ordinary files stay off stderr; errors are kept.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private VoiceAnalysis() {
    }

    /**
     * Whether the file's container lists an audio stream (its header only: nothing is decoded). False for a file FFmpeg
     * cannot open; {@link #of} then says why.
     */
    public static boolean hasAudio(Path file) {
        AVFormatContext container = new AVFormatContext(null);
        if (avformat.avformat_open_input(container, file.toString(), null, null) < 0) return false;
        try {
            for (int i = 0; i < container.nb_streams(); i++)
                if (container.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO) return true;
            return false;
        } finally {
            avformat.avformat_close_input(container);
        }
    }

    /**
     * The voice of {@code video}'s first audio stream, or empty when it has none.
     *
     * @throws MediaException the file cannot be opened or its audio is damaged
     */
    public static Optional<VoiceTrack> of(Path video, ProsodySettings settings) throws MediaException {
        InputFiles.requireNonEmptyFile(video);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
        grabber.setSampleRate(settings.sampleRate());
        grabber.setAudioChannels(1);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            release(grabber);
            throw new MediaException(video, "cannot read its audio (" + FfmpegErrors.describe(e) + ")", e);
        }
        try {
            if (!grabber.hasAudio()) return Optional.empty();
            long containerStart = grabber.getFormatContext().start_time();
            double start = containerStart == avutil.AV_NOPTS_VALUE ? 0 : containerStart / 1e6;
            ProsodyAnalyzer analyzer = null;
            float[] chunk = new float[0];
            Frame frame;
            while ((frame = grabSamples(grabber, video)) != null) {
                if (frame.samples == null) continue;
                FloatBuffer samples = (FloatBuffer) frame.samples[0];
                int n = samples.remaining();
                double time = frame.timestamp / 1e6 - start;
                if (analyzer == null) analyzer = new ProsodyAnalyzer(settings, time);
                // A jump forward in the track's timestamps is a gap: silence, so later frames keep their times.
                long expected = Math.round((time - analyzer.startSecondsOfNext()) * settings.sampleRate());
                if (expected > settings.hopSamples()) analyzer.acceptSilence(expected);
                if (chunk.length < n) chunk = new float[n];
                samples.get(samples.position(), chunk, 0, n);
                analyzer.accept(chunk, 0, n);
            }
            return Optional.of(VoiceTrack.of(analyzer == null
                    ? new ProsodyAnalyzer(settings, 0).finish() : analyzer.finish()));
        } finally {
            release(grabber);
        }
    }

    private static Frame grabSamples(FFmpegFrameGrabber grabber, Path video) throws MediaException {
        try {
            return grabber.grabSamples();
        } catch (FrameGrabber.Exception e) {
            throw new MediaException(video, "damaged audio data (" + FfmpegErrors.describe(e) + ")", e);
        }
    }

    private static void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception ignored) {
            // the analysis's own outcome is what is reported
        }
    }
}
