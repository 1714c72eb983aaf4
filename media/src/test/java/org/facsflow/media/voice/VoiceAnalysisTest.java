package org.facsflow.media.voice;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.facsflow.media.MediaException;
import org.facsflow.models.SharedFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The voice read from a video's own audio track through FFmpeg: timing on the video's clock and pitch on a video
 * written here with a known AAC track, no track at all, and the real clips of shared/training with speech, silence and
 * music (tracks labelled by their spectrograms; see {@link SoundCheck}).
 */
class VoiceAnalysisTest {
    /** 0.5 s of silence, then a 180 Hz voice-like tone until 2 s, then silence until 3 s; 30 fps video. */
    @Test
    void aToneInAnMp4IsTimedOnTheVideosClock(@TempDir Path dir) throws Exception {
        float[] audio = new float[3 * TestSignals.RATE];
        TestSignals.harmonic(audio, 0.5, 1.5, t -> 180, 0.3);
        Path video = dir.resolve("tone.mp4");
        writeVideo(video, audio);
        VoiceTrack track = VoiceAnalysis.of(video, ProsodySettings.STANDARD).orElseThrow();
        int firstActive = -1, lastActive = -1;
        for (int i = 0; i < track.frames().size(); i++) {
            if (!track.active(i)) continue;
            if (firstActive < 0) firstActive = i;
            lastActive = i;
        }
        // A frame is active once most of its 25 ms window has sound: its centre lies within a window of the onset.
        assertThat(track.frames().time(firstActive)).isCloseTo(0.5, within(0.025));
        assertThat(track.frames().time(lastActive)).isCloseTo(2.0, within(0.025));
        for (int i = 0; i < track.frames().size(); i++) {
            double t = track.frames().time(i);
            if (t > 0.55 && t < 1.95) {
                assertThat(track.voiced(i)).as("voiced at %.2f s", t).isTrue();
                assertThat(track.frames().f0()[i]).as("F0 at %.2f s", t).isCloseTo(180f, within(1.8f));
            }
        }
    }

    @Test
    void aVideoWithoutAudioHasNoVoice(@TempDir Path dir) throws Exception {
        Path video = dir.resolve("mute.mp4");
        writeVideo(video, null);
        assertThat(VoiceAnalysis.of(video, ProsodySettings.STANDARD)).isEmpty();
    }

    @Test
    void aFileThatIsNoMediaIsNamed(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all");
        assertThatThrownBy(() -> VoiceAnalysis.of(text, ProsodySettings.STANDARD))
                .isInstanceOf(MediaException.class).hasMessageContaining("notes.mp4");
    }

    /**
     * Real recordings: speech where people talk (female p17a and p25, male p23 and p62: median F0 in each sex's usual
     * range, an articulation rate of speech), silence where the track is empty or hiss, music where a song plays.
     */
    @Test
    void realClipsSpeechSilenceAndMusic() throws Exception {
        assertSpeech("p17a", 165, 255);
        assertSpeech("p25", 165, 255);
        assertSpeech("p23", 85, 180);
        assertSpeech("p62", 85, 180);
        for (String silent : new String[] {"p01", "p03"}) assertThat(kind(training(silent))).as(silent).isEqualTo(SoundCheck.Kind.SILENT);
        assertThat(kind(SharedFolder.require("media/single_face.mp4"))).isEqualTo(SoundCheck.Kind.SILENT);
        for (String music : new String[] {"p02", "p09", "p15"}) assertThat(kind(training(music))).as(music).isEqualTo(SoundCheck.Kind.OTHER);
        // The cartoon's music and effects, in a .mov whose audio starts 2.4 s after its picture.
        VoiceTrack cartoon = VoiceAnalysis.of(SharedFolder.require("media/face_noface.mov"), ProsodySettings.STANDARD).orElseThrow();
        assertThat(cartoon.sound().kind()).isEqualTo(SoundCheck.Kind.OTHER);
        assertThat(cartoon.start()).isCloseTo(2.44, within(0.05));
    }

    private static void assertSpeech(String clip, double lowF0, double highF0) throws Exception {
        VoiceTrack track = VoiceAnalysis.of(training(clip), ProsodySettings.STANDARD).orElseThrow();
        System.out.println(clip + ": " + track.describe());
        assertThat(track.sound().kind()).as(clip).isEqualTo(SoundCheck.Kind.SPEECH);
        assertThat(track.medianF0()).as(clip).isBetween(lowF0, highF0);
        assertThat(track.activeShare()).as(clip).isBetween(0.4, 1.0);
        // Articulation rate: syllables per second of speaking, 3-6 in conversational speech.
        double speaking = track.activeShare() * (track.end() - track.start());
        assertThat(track.nucleusTimes().length / speaking).as(clip + " syllables per second").isBetween(2.0, 8.0);
    }

    private static SoundCheck.Kind kind(Path video) throws MediaException {
        return VoiceAnalysis.of(video, ProsodySettings.STANDARD).orElseThrow().sound().kind();
    }

    private static Path training(String clip) {
        return SharedFolder.require("training/clips/" + clip + ".mp4");
    }

    /** A 3 s, 64x48 grey video at 30 fps with {@code audio} (16 kHz mono) as AAC, or no audio track. */
    static void writeVideo(Path file, float[] audio) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 64, 48, audio == null ? 0 : 1)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(30);
            if (audio != null) {
                recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                recorder.setSampleRate(TestSignals.RATE);
                recorder.setAudioBitrate(128_000);
            }
            recorder.start();
            Frame image = new Frame(64, 48, Frame.DEPTH_UBYTE, 3);
            for (int i = 0; i < 90; i++) {
                recorder.setTimestamp(Math.round(i * 1e6 / 30));
                recorder.record(image);
            }
            if (audio != null) recorder.recordSamples(TestSignals.RATE, 1, FloatBuffer.wrap(audio));
        }
    }
}
