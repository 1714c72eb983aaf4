package org.facsflow.media.voice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pitch tracker on synthetic speech whose F0 is known: espeak-ng (Debian package {@code espeak-ng}) speaking with
 * its pitch range set to 0 (the embedded command {@code \x01 0R}), so every voiced sound is at the voice's base pitch.
 * espeak-ng computes that pitch as (SetPitch2 in its wavegen.c, voice pitch from LoadVoice in voices.c, both in
 * Q12 fixed point): base = (pitch1 - 9) << 12 scaled by round(128 * 2^((p - 50) / 50)) / 128 for the {@code -p}
 * value p, plus 18 times the voice's range (pitch2 - pitch1) * 108 to compensate the narrowed range. For the default
 * English voice (pitch 80 118) at p = 25, 50, 75, 99 that is 68.5, 89.0, 118.4, 157.8 Hz; for the female variant
 * {@code en+f3} (pitch 140 240) 140.6, 178.5, 232.7, 305.4 Hz. The speech goes through the real decoding path
 * (espeak-ng's 22.05 kHz WAV, read and resampled by FFmpeg). Only frames the tracker calls voiced are scored (the
 * voicing of synthetic speech has no reference); espeak-ng's own flutter moves its F0 by a fraction of a percent.
 * {@code mvn -B -pl media -am test -Dtest=EspeakPitchTest -Dsurefire.failIfNoSpecifiedTests=false} prints the errors.
 */
class EspeakPitchTest {
    private static final String TEXT = "The quick brown fox jumps over the lazy dog. A real voice rises and falls as it "
            + "speaks, and this one does not.";

    @Test
    void monotoneSpeechAtSetPitches(@TempDir Path dir) throws Exception {
        PitchErrors all = new PitchErrors();
        Path text = dir.resolve("monotone.txt");
        Files.writeString(text, "\u00010R" + TEXT, StandardCharsets.UTF_8);
        for (String voice : new String[] {"en", "en+f3"}) {
            int pitch1 = voice.equals("en") ? 80 : 140, pitch2 = voice.equals("en") ? 118 : 240;
            for (int p : new int[] {25, 50, 75, 99}) {
                Path wav = dir.resolve(voice + "-" + p + ".wav");
                espeak(wav, "-v", voice, "-p", Integer.toString(p), "-f", text.toString());
                double expected = espeakF0(pitch1, pitch2, p);
                VoiceTrack track = VoiceAnalysis.of(wav, ProsodySettings.STANDARD).orElseThrow();
                PitchErrors e = new PitchErrors();
                for (int i = 0; i < track.frames().size(); i++)
                    if (track.voiced(i)) e.add(expected, true, track.frames().f0()[i]);
                System.out.printf("espeak-ng %s -p %d (F0 %.1f Hz): %s, median %.1f Hz%n", voice, p, expected,
                        e.describe(false), track.medianF0());
                assertThat(e.voicedFrames()).as(voice + " p" + p).isGreaterThan(100);
                assertThat(track.sound().kind()).as(voice + " p" + p).isEqualTo(SoundCheck.Kind.SPEECH);
                all.addAll(e);
            }
        }
        System.out.println("espeak-ng monotone speech, all: " + all.describe(false));
        assertThat(all.grossErrorRate()).isLessThan(0.02);
        assertThat(all.meanAbsoluteCents()).isLessThan(25);
    }

    /** espeak-ng's base pitch in Hz with the range at 0 (see the class comment). */
    static double espeakF0(int pitch1, int pitch2, int p) {
        long base = (long) (pitch1 - 9) << 12, range = (pitch2 - pitch1) * 108L;
        long factor = Math.round(128 * Math.pow(2, (p - 50) / 50.0));
        return (base * factor / 128 + 18 * range) / 4096.0;
    }

    static void espeak(Path wav, String... options) throws IOException, InterruptedException {
        String[] command = new String[options.length + 3];
        command[0] = "espeak-ng";
        command[1] = "-w";
        command[2] = wav.toString();
        System.arraycopy(options, 0, command, 3, options.length);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("espeak-ng is not installed: the pitch tests need it "
                    + "(Debian: apt-get install espeak-ng; ./facsflow test installs it)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0)
            throw new IllegalStateException("espeak-ng failed: " + output);
    }
}
