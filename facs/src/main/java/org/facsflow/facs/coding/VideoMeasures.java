package org.facsflow.facs.coding;

import org.facsflow.face.FaceObservation;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Measures every frame of a followed video: decodes it again (cheap) and measures the tracked face in each frame. */
public final class VideoMeasures {
    private VideoMeasures() {
    }

    public static AuCoder.Series measure(Path video, ObservationTrack track, FacialMeasures measures) throws MediaException {
        List<FaceObservation> faces = track.frames();
        List<float[]> values = new ArrayList<>(faces.size());
        List<QualityGate.Verdict> verdicts = new ArrayList<>(faces.size());
        double[] timestamps = new double[faces.size()];
        try (VideoSource source = VideoSources.open(video.toString())) {
            int i = 0;
            for (RgbImage frame = source.next(); frame != null && i < faces.size(); frame = source.next(), i++) {
                timestamps[i] = frame.timestampSeconds();
                FaceObservation face = faces.get(i);
                values.add(face == null ? null : measures.measure(face, frame));
                verdicts.add(QualityGate.judge(face));
            }
            if (i != faces.size())
                throw new MediaException(video, "has " + i + " frames, but its cached track " + faces.size()
                        + ": delete the stale cache");
        }
        return new AuCoder.Series(values, verdicts, timestamps);
    }
}
