package org.facsflow.study.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of one simulated recording, stored in a small text file ({@code .synthetic}) that a manifest lists
 * in place of a video. Not a video: {@link SyntheticExtractor} turns it into AU frames.
 *
 * @param participantSeed seeds the participant's traits (expressiveness, resting AU levels), shared across conditions
 * @param recordingSeed   seeds this recording's events and noise
 * @param fps             frames per second
 * @param seconds         recording length
 * @param onset           stimulus onset in the recording, seconds
 * @param smile           smile strength: scales the amplitude and number of smile events (AU12, AU6, AU25)
 * @param joke            seconds after onset of the stimulus moment most viewers smile at; negative: none
 * @param frown           brow-lowering (AU4) strength
 * @param faceLoss        share of frames in which the face is lost, in runs of about 10 frames
 */
public record SyntheticRecording(long participantSeed, long recordingSeed, double fps, double seconds, double onset,
                                 double smile, double joke, double frown, double faceLoss) {

    public void write(Path file) throws IOException {
        String text = String.format(Locale.ROOT, """
                # facsflow synthetic recording: parameters of a simulated face for 'facsflow study', not a video
                participant_seed=%d
                recording_seed=%d
                fps=%s
                seconds=%s
                onset=%s
                smile=%s
                joke=%s
                frown=%s
                face_loss=%s
                """, participantSeed, recordingSeed, fps, seconds, onset, smile, joke, frown, faceLoss);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public static SyntheticRecording read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            int eq = t.indexOf('=');
            if (eq < 0) throw new IOException(file + ": not a synthetic recording (line '" + t + "' is not key=value)");
            values.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
        }
        try {
            return new SyntheticRecording(Long.parseLong(get(values, "participant_seed", file)),
                    Long.parseLong(get(values, "recording_seed", file)), number(values, "fps", file),
                    number(values, "seconds", file), number(values, "onset", file), number(values, "smile", file),
                    number(values, "joke", file), number(values, "frown", file), number(values, "face_loss", file));
        } catch (NumberFormatException e) {
            throw new IOException(file + ": not a synthetic recording (" + e.getMessage() + ")");
        }
    }

    private static double number(Map<String, String> values, String key, Path file) throws IOException {
        return Double.parseDouble(get(values, key, file));
    }

    private static String get(Map<String, String> values, String key, Path file) throws IOException {
        String v = values.get(key);
        if (v == null) throw new IOException(file + ": not a synthetic recording (no " + key + ")");
        return v;
    }
}
