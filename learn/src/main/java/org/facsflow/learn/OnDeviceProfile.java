package org.facsflow.learn;

import org.facsflow.face.track.TrackerSettings;
import org.facsflow.pipeline.Baseline;
import org.facsflow.pipeline.PipelineSettings;

import java.util.Locale;

/**
 * How the pipeline runs for the learning app. {@link #LIGHT}, the default, keeps what the state machine reads (mesh,
 * irises, head pose, gaze, AUs) at full rate and cuts what it does not: one face followed (the student), so the
 * detector runs only when that face is lost; no measuring threads (frames come one at a time from the page); the
 * 68-point occlusion check, which guards the AUs against a hand over the face, every 0.3 s instead of 0.1 s; and the
 * two expression networks, whose emotions the state machine does not read, every 2 s instead of 0.1 s.
 * {@link #FULL} is the pipeline's default, as {@code facsflow analyze} runs it. {@code facsflow learn bench} measures
 * both on the same frames (README, "On-device profile").
 */
public enum OnDeviceProfile {
    LIGHT(new PipelineSettings(new TrackerSettings(Double.POSITIVE_INFINITY, 2.0, 60.0, 1, 0.3), 2.0, 0,
            Baseline.RUNNING, true, false)),
    FULL(PipelineSettings.DEFAULT);

    private final PipelineSettings settings;

    OnDeviceProfile(PipelineSettings settings) {
        this.settings = settings;
    }

    public PipelineSettings settings() {
        return settings;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
