package org.facsflow.fusion.voice;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.facsflow.media.voice.ProsodySettings;
import org.facsflow.media.voice.VoiceAnalysis;
import org.facsflow.models.AssetStore;
import org.facsflow.models.SharedFolder;
import org.facsflow.pipeline.FaceResult;
import org.facsflow.pipeline.FrameResult;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.PipelineSettings;
import org.facsflow.pipeline.VideoInput;
import org.facsflow.pipeline.VideoProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose voice it is, on real faces: two talking people of shared/training side by side (p18 left, p17a right, 8 s
 * each, both mouths moving all the time) with only p17a's sound. The voice must go to the right-hand face, the one
 * whose lips move with it, in most frames, and to the other in few.
 */
class SpeakerAttributionTest {
    private static final int SIDE = 256;

    @Test
    void theVoiceGoesToTheFaceWhoseMouthMovesWithIt(@TempDir Path dir) throws Exception {
        Path left = SharedFolder.require("training/clips/p18.mp4"), right = SharedFolder.require("training/clips/p17a.mp4");
        Path video = dir.resolve("two.mp4");
        compose(left, right, video);
        Map<Integer, double[]> boxX = new HashMap<>();
        Map<Integer, Integer> voiced = new HashMap<>();
        List<FrameResult> frames = new ArrayList<>();
        try (Pipeline pipeline = Pipeline.load(AssetStore.standard(), PipelineSettings.DEFAULT.withMeasuringThreads(1))) {
            SpeakerAttribution<RuntimeException> attribution = new SpeakerAttribution<>(() -> voice(video), frames::add);
            pipeline.analyzeVideo(VideoInput.of(video.toString()), attribution, VideoProgress.NONE);
            attribution.finish();
        }
        for (FrameResult frame : frames)
            for (FaceResult face : frame.faces()) {
                if (face.success()) boxX.computeIfAbsent(face.faceId(), id -> new double[2])[0] += face.face().box().x();
                if (face.success()) boxX.get(face.faceId())[1]++;
                if (face.voice() != null) voiced.merge(face.faceId(), 1, Integer::sum);
            }
        int speaker = boxX.entrySet().stream().filter(e -> e.getValue()[0] / e.getValue()[1] > SIDE).findFirst().orElseThrow().getKey();
        int toSpeaker = voiced.getOrDefault(speaker, 0), all = voiced.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("voice attributed in %d of %d frames, %d of them to the speaking face%n", all, frames.size(), toSpeaker);
        assertThat(frames).hasSize(200);
        assertThat(all).isGreaterThan(frames.size() / 2);
        assertThat((double) toSpeaker / all).isGreaterThan(0.8);
        assertThat(frames.get(100).faces().stream().filter(f -> f.voice() != null).findFirst().orElseThrow().voice().mouthCorrelation())
                .isBetween(0.2, 1.0);
    }

    private static org.facsflow.media.voice.VoiceTrack voice(Path video) {
        try {
            return VoiceAnalysis.of(video, ProsodySettings.STANDARD).orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Both clips scaled to SIDE x SIDE, side by side, with the right clip's sound (16 kHz mono AAC). */
    private static void compose(Path leftClip, Path rightClip, Path out) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber left = grabber(leftClip); FFmpegFrameGrabber right = grabber(rightClip);
             FFmpegFrameGrabber sound = new FFmpegFrameGrabber(rightClip.toFile());
             FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), 2 * SIDE, SIDE, 1)) {
            sound.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            sound.setSampleRate(16_000);
            sound.setAudioChannels(1);
            sound.start();
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setVideoBitrate(4_000_000);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(left.getFrameRate());
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(16_000);
            recorder.start();
            Frame both = new Frame(2 * SIDE, SIDE, Frame.DEPTH_UBYTE, 3);
            ByteBuffer pixels = (ByteBuffer) both.image[0];
            for (int i = 0; ; i++) {
                Frame a = left.grabImage();
                if (a == null) break;
                copy(a, pixels, 0, both.imageStride);
                Frame b = right.grabImage();
                if (b == null) break;
                copy(b, pixels, SIDE, both.imageStride);
                recorder.setTimestamp(Math.round(i * 1e6 / left.getFrameRate()));
                recorder.record(both);
            }
            Frame samples;
            while ((samples = sound.grabSamples()) != null)
                if (samples.samples != null) recorder.recordSamples(16_000, 1, (FloatBuffer) samples.samples[0]);
        }
    }

    private static FFmpegFrameGrabber grabber(Path clip) throws Exception {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toFile());
        g.setImageWidth(SIDE);
        g.setImageHeight(SIDE);
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        g.start();
        return g;
    }

    private static void copy(Frame from, ByteBuffer to, int x0, int toStride) {
        ByteBuffer src = (ByteBuffer) from.image[0];
        for (int y = 0; y < SIDE; y++)
            for (int x = 0; x < SIDE * 3; x++) to.put(y * toStride + x0 * 3 + x, src.get(y * from.imageStride + x));
    }
}
