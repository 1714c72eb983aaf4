package org.facsflow.facs.coding;

import org.facsflow.face.track.TrackedFace;
import org.facsflow.face.track.TrackerSettings;
import org.facsflow.face.track.TrackingPipeline;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.validation.Agreement;
import org.facsflow.facs.validation.FrameKey;
import org.facsflow.facs.validation.OpenFaceCsv;
import org.facsflow.facs.validation.OpenFaceRow;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A development-set regression check: WolfgangLanger_Pexels (in the training data, so this is not the held-out
 * report) coded offline by the committed model through the real tracking pipeline, against OpenFace 2.0.6.
 */
class OfflineCodingTest {

    @Test
    void offlineCodingOfADevelopmentVideoFollowsOpenFace() throws Exception {
        Path video = AuCoderTest.shared("media/WolfgangLanger_Pexels.mp4");
        OpenFaceCsv reference = OpenFaceCsv.read(AuCoderTest.shared("reference/WolfgangLanger_Pexels.csv.gz"));
        AuCoder coder = AuCoder.standard(AssetStore.standard());
        VideoCoding coding = coder.video(BaselineMode.OFFLINE, 0, 0);
        try (TrackingPipeline pipeline = TrackingPipeline.create(AssetStore.standard(), TrackerSettings.DEFAULT, 1);
             VideoSource source = VideoSources.open(video.toString())) {
            pipeline.run(source, 0, Double.POSITIVE_INFINITY, frame -> {
                for (TrackedFace face : frame.faces()) {
                    if (face.face() != null) coding.found(frame.number(), frame.image().timestampSeconds(), face.face(), frame.image());
                    else coding.lost(face.faceId(), frame.number(), frame.image().timestampSeconds());
                }
            });
        }
        List<String> problems = new ArrayList<>();
        List<VideoCoding.Coded> coded = coding.finish(problems);
        assertTrue(problems.isEmpty(), problems.toString());
        double sum = 0;
        StringBuilder all = new StringBuilder();
        List<Integer> openFace = List.of(1, 2, 4, 5, 6, 7, 9, 10, 12, 14, 15, 17, 20, 23, 25, 26, 45);
        double[] r = new double[openFace.size()];
        for (int a = 0; a < r.length; a++) {
            ActionUnit au = ActionUnit.of(openFace.get(a));
            List<double[]> pairs = new ArrayList<>();
            for (VideoCoding.Coded c : coded) {
                if (c.faceId() != 0 || c.aus() == null || Float.isNaN(c.aus().intensity(au))) continue;
                OpenFaceRow row = reference.row(new FrameKey((int) c.frame(), 0)).orElse(null);
                if (row != null && row.success())
                    pairs.add(new double[]{c.aus().intensity(au), row.value(String.format(Locale.ROOT, "AU%02d_r", au.number()))});
            }
            r[a] = Agreement.pearson(pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray());
            sum += r[a];
            all.append(String.format(Locale.ROOT, " %s %.2f", au.code(), r[a]));
        }
        double mean = sum / r.length;
        assertTrue(mean >= MEAN_FLOOR, "mean r " + mean + ":" + all);
        assertTrue(r[openFace.indexOf(12)] >= AU12_FLOOR, "AU12:" + all);
        assertTrue(r[openFace.indexOf(25)] >= AU25_FLOOR, "AU25:" + all);
    }

    private static final double MEAN_FLOOR = 0.75, AU12_FLOOR = 0.85, AU25_FLOOR = 0.8;
}
