package org.facsflow.pipeline;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.BaselineMode;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;
import org.facsflow.models.SharedFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The library API as a third program uses it, with the real models on real faces: a photo from memory, a stream of
 * frames against a whole-video analysis, forgetting faces, one analysis at a time.
 */
class PipelineTest {
    private static Pipeline pipeline;

    @BeforeAll
    static void load() {
        pipeline = Pipeline.load(AssetStore.standard(), PipelineSettings.DEFAULT.withMeasuringThreads(1));
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @Test
    void aPhotoInMemoryGivesEveryFaceLeftToRightWithAusAndAffect() throws Exception {
        BufferedImage decoded = ImageIO.read(AssetStore.standard().require("group-photo-1").toFile());
        // As a program holding an ARGB image (a Swing frame, say) would hand it over.
        BufferedImage argb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.drawImage(decoded, 0, 0, null);
        g.dispose();
        RgbImage image = RgbImage.of(argb, 0);

        FrameResult result = pipeline.analyzeImage(image);

        assertThat(result.frame()).isEqualTo(1);
        assertThat(result.faces()).hasSize(3);
        float previousX = -1;
        for (FaceResult face : result.faces()) {
            assertThat(face.success()).isTrue();
            assertThat(face.face().box().x()).isGreaterThan(previousX);
            previousX = face.face().box().x();
            assertThat(face.aus().baseline()).isEqualTo(BaselineMode.STILL);
            assertThat(face.aus().intensity(ActionUnit.AU12)).isBetween(0f, 5f);
            assertThat(face.affect().circumplex().valence()).isBetween(-1f, 1f);
        }
        // And back: the same pixels.
        BufferedImage back = image.toBufferedImage();
        assertThat(back.getRGB(100, 200) & 0xffffff).isEqualTo(decoded.getRGB(100, 200) & 0xffffff);
    }

    @Test
    void aStreamFedFrameByFrameCodesTheSameAusAsTheVideoAnalysis() throws Exception {
        String video = SharedFolder.require("media/WolfgangLanger_Pexels.mp4").toString();
        List<float[]> analysed = new ArrayList<>();
        VideoSummary summary = pipeline.analyzeVideo(VideoInput.of(video).limitedTo(100, Double.POSITIVE_INFINITY),
                frame -> analysed.add(au12AndAu25(frame)), VideoProgress.NONE);
        assertThat(summary.frames()).isEqualTo(100);

        List<float[]> streamed = new ArrayList<>();
        try (StreamSession session = pipeline.openStream(); VideoSource source = VideoSources.open(video)) {
            for (int i = 0; i < 100; i++) {
                FrameResult frame = session.analyze(source.next());
                assertThat(frame.frame()).isEqualTo(i + 1);
                streamed.add(au12AndAu25(frame));
            }
        }
        assertThat(streamed).hasSize(100);
        for (int i = 0; i < 100; i++)
            assertThat(streamed.get(i)).as("frame %d", i + 1).containsExactly(analysed.get(i), org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(analysed.stream().mapToDouble(v -> v[0]).max().orElseThrow()).as("she smiles").isGreaterThan(1);
    }

    private static float[] au12AndAu25(FrameResult frame) {
        FaceResult face = frame.faces().get(0);
        return face.aus() == null ? new float[]{Float.NaN, Float.NaN}
                : new float[]{face.aus().intensity(ActionUnit.AU12), face.aus().intensity(ActionUnit.AU25)};
    }

    @Test
    void aStreamForgetsAFaceGoneLongerThanTheTrackersMemory() throws Exception {
        String video = SharedFolder.require("media/single_face.mp4").toString();
        try (StreamSession session = pipeline.openStream(); VideoSource source = VideoSources.open(video)) {
            RgbImage frame = null;
            for (int i = 0; i < 10; i++) frame = session.analyze(frame = source.next()).image();
            assertThat(session.facesRemembered()).isEqualTo(1);
            RgbImage empty = new RgbImage(frame.width(), frame.height(), new byte[frame.rgb().length], frame.timestampSeconds() + 1);
            session.analyze(empty);
            assertThat(session.facesRemembered()).as("gone for a second: kept").isEqualTo(1);
            double later = frame.timestampSeconds() + pipeline.settings().tracker().rememberSeconds() + 1;
            session.analyze(new RgbImage(frame.width(), frame.height(), new byte[frame.rgb().length], later));
            assertThat(session.facesRemembered()).as("gone longer than the tracker remembers").isZero();
        }
    }

    @Test
    void oneAnalysisAtATime() {
        try (StreamSession ignored = pipeline.openStream()) {
            assertThatThrownBy(() -> pipeline.analyzeImage(new RgbImage(8, 8, new byte[8 * 8 * 3])))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("stream session is open");
        }
    }
}
