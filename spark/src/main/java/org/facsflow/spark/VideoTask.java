package org.facsflow.spark;

import org.facsflow.study.Recording;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One manifest row as a Spark task carries it: a {@link Recording} whose video is a URI on any Hadoop file system.
 *
 * @param video the video's URI (a file, or a folder of frames)
 * @param size  its size in bytes on the driver's look, to hand out the longest videos first
 */
record VideoTask(String id, String participant, String condition, String video, double frameRate, double onsetSeconds,
                 double durationSeconds, Map<String, String> covariates, long size) implements Serializable {
    VideoTask {
        covariates = new LinkedHashMap<>(covariates);
    }

    static VideoTask of(Recording r, String videoUri, long size) {
        return new VideoTask(r.id(), r.participant(), r.condition(), videoUri, r.frameRate(), r.onsetSeconds(),
                r.durationSeconds(), r.covariates(), size);
    }

    /** The recording, its video read from {@code localVideo} (the video itself, or a local copy of it). */
    Recording recording(Path localVideo) {
        return new Recording(id, participant, condition, localVideo, frameRate, onsetSeconds, durationSeconds, covariates);
    }

    /** The recording with the video's path on its file system (for names in tables and reports). */
    Recording recording() {
        return recording(Path.of(new org.apache.hadoop.fs.Path(video).toUri().getPath()));
    }
}
