package org.facsflow.study;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a study manifest: a participant's recording while watching one condition's stimulus.
 *
 * @param id              a file-name-safe key, {@code participant_condition}, naming the video's results
 * @param participant     the participant's id as written in the manifest
 * @param condition       the condition (stimulus) name, e.g. AdA
 * @param video           the recording, absolute: a video file, or a folder of frames (an image sequence)
 * @param frameRate       frames per second of a folder of frames, which carry no clock, as the manifest gives it;
 *                        NaN where it gives none (a folder is then timed as {@code analyze} times image sequences)
 *                        and for a video file (its container times its frames)
 * @param onsetSeconds    when the stimulus starts in the recording; times are analysed from there
 * @param durationSeconds how long the stimulus lasts (frames after onset + duration are neither decoded nor stored),
 *                        NaN: to the end
 * @param covariates      the manifest's extra columns, as written (carried to the outputs, not used in the tests)
 */
public record Recording(String id, String participant, String condition, Path video, double frameRate,
                        double onsetSeconds, double durationSeconds, Map<String, String> covariates) {
    public Recording {
        covariates = Collections.unmodifiableMap(new LinkedHashMap<>(covariates));
    }

    /**
     * The last presentation time (seconds into the recording) that is analysed: onset + duration, or infinity when the
     * manifest gives no duration. Extractors decode nothing later and the study stores nothing later
     * ({@link VideoExtractor}).
     */
    public double endSeconds() {
        return Double.isNaN(durationSeconds) ? Double.POSITIVE_INFINITY : onsetSeconds + durationSeconds;
    }

    /** The key of a participant and condition, with characters outside {@code [A-Za-z0-9.-]} replaced by '-'. */
    public static String idOf(String participant, String condition) {
        return safe(participant) + "_" + safe(condition);
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9.-]", "-");
    }
}
