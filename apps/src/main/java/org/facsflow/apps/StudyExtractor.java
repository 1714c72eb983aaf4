package org.facsflow.apps;

import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.circumplex.CircumplexModel;
import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.pose.MeshLifter;
import org.facsflow.face.track.TrackedFace;
import org.facsflow.face.track.TrackerSettings;
import org.facsflow.face.track.TrackingPipeline;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.facs.coding.AuPredictor;
import org.facsflow.facs.coding.BaselineMode;
import org.facsflow.facs.coding.FacialMeasures;
import org.facsflow.facs.coding.VideoCoding;
import org.facsflow.media.MediaException;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;
import org.facsflow.study.AuFrame;
import org.facsflow.study.Recording;
import org.facsflow.study.VideoExtractor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The real pipeline behind {@code facsflow study run}: track every face through a recording, code its AUs offline
 * against the person's own baseline (the whole recording), and hand the study one frame per face per video frame,
 * with valence from the AUs (Russell's circumplex, {@link CircumplexModel#fromAus}). One per worker thread.
 */
final class StudyExtractor implements VideoExtractor {
    private final TrackingPipeline pipeline;
    private final FacialMeasures measures;
    private final AuPredictor predictor;

    StudyExtractor(AssetStore store) {
        pipeline = TrackingPipeline.create(store, TrackerSettings.DEFAULT, 0);
        measures = new FacialMeasures(new MeshLifter(CanonicalFace.load(store.require("canonical-face"))));
        predictor = new AuPredictor(AuModel.standard());
    }

    @Override
    public void extract(Recording recording, Consumer<AuFrame> sink, Progress progress) throws IOException {
        VideoCoding coding = new VideoCoding(measures, predictor, BaselineMode.OFFLINE, 0, 0);
        List<AuFrame> noFace = new ArrayList<>();
        Path video = recording.video();
        String spec = Files.isDirectory(video) ? VideoSources.sequenceSpec(video) : video.toString();
        double frameRate = Double.isNaN(recording.frameRate()) ? VideoSources.SEQUENCE_FRAME_RATE : recording.frameRate();
        try (VideoSource source = VideoSources.open(spec, frameRate)) {
            pipeline.run(source, 0, Double.POSITIVE_INFINITY, frame -> {
                long index = frame.number() - 1;
                double t = frame.image().timestampSeconds();
                boolean any = false;
                for (TrackedFace f : frame.faces()) {
                    if (f.success()) {
                        coding.found(index, t, f.face(), frame.image());
                        any = true;
                    } else {
                        coding.lost(f.faceId(), index, t);
                    }
                }
                if (!any) noFace.add(AuFrame.noFace(index, t));
            });
        } catch (MediaException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        List<AuFrame> frames = new ArrayList<>(noFace);
        for (VideoCoding.Coded c : coding.finish(problems)) {
            if (c.aus() == null) continue; // a lost or unmeasurable face: the frame's no-face record or another face stands
            float[] intensities = c.aus().intensity();
            double valence = CircumplexModel.fromAus(new AuIntensities(intensities, c.aus().left(), c.aus().right())).valence();
            frames.add(new AuFrame(c.faceId(), c.frame(), c.timestamp(), intensities, true, valence));
        }
        frames.sort(Comparator.comparingLong(AuFrame::frame).thenComparingInt(AuFrame::faceId));
        frames.forEach(sink);
    }

    @Override
    public String description() {
        return "facsflow face tracking + AU coding (offline per-person baseline), valence from AUs";
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
