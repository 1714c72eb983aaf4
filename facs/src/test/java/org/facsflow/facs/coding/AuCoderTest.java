package org.facsflow.facs.coding;

import org.facsflow.models.SharedFolder;

import org.facsflow.face.FaceAnalyzer;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.HeadPose;
import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.pose.MeshLifter;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.validation.OpenFaceCsv;
import org.facsflow.facs.validation.OpenFaceRow;
import org.facsflow.media.RgbImage;
import org.facsflow.media.StillImages;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The coder on real faces through the real face models and the committed model. */
class AuCoderTest {
    private static FaceAnalyzer analyzer;
    private static FacialMeasures measures;
    private static AuPredictor predictor;

    @BeforeAll
    static void load() {
        AssetStore store = AssetStore.standard();
        analyzer = FaceAnalyzer.create(store);
        measures = new FacialMeasures(new MeshLifter(CanonicalFace.load(store.require("canonical-face"))));
        predictor = new AuPredictor(AuModel.standard());
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    private static RgbImage still(String asset) throws Exception {
        return StillImages.read(AssetStore.standard().require(asset));
    }

    private static FaceObservation largest(RgbImage image) {
        List<FaceObservation> faces = analyzer.analyzeStill(image);
        assertFalse(faces.isEmpty(), "no face found");
        return faces.stream().max(Comparator.comparingDouble(f -> f.box().area())).orElseThrow();
    }

    /** Codes {@code face} against the measures of a neutral face of the same person (explicit neutral). */
    private static AuFrame code(RgbImage image, float[] neutral) {
        FaceObservation f = largest(image);
        return predictor.predict(measures.measure(f, image), neutral, predictor.neutralOffsets(), QualityGate.judge(f), BaselineMode.SEGMENT);
    }

    private static float[] neutral(RgbImage image) {
        return measures.measure(largest(image), image);
    }

    @Test
    void smileRaisesAu12AndAu6AboveTheSameMansNeutralFace() throws Exception {
        RgbImage neutralImage = still("still-franck-01829"), smile = still("still-franck-02159");
        float[] neutral = neutral(neutralImage);
        AuFrame atRest = code(neutralImage, neutral), smiling = code(smile, neutral);
        assertTrue(smiling.intensity(ActionUnit.AU12) > atRest.intensity(ActionUnit.AU12) + 0.5,
                "AU12 smile " + smiling.intensity(ActionUnit.AU12) + " vs neutral " + atRest.intensity(ActionUnit.AU12));
        assertTrue(smiling.intensity(ActionUnit.AU6) > atRest.intensity(ActionUnit.AU6) + 0.2,
                "AU6 smile " + smiling.intensity(ActionUnit.AU6) + " vs neutral " + atRest.intensity(ActionUnit.AU6));
        assertTrue(smiling.present(ActionUnit.AU12));
        assertTrue(smiling.letter(ActionUnit.AU12).isPresent());
    }

    @Test
    void stillsWithoutABaselineCodeTheSmileAboveTheNeutralPhotoAndTheNeutralPhotoLow() throws Exception {
        AuCoder coder = new AuCoder(measures, predictor);
        RgbImage neutralImage = still("still-franck-01829"), smileImage = still("still-franck-02159");
        AuFrame neutral = coder.codeStill(largest(neutralImage), neutralImage);
        AuFrame smile = coder.codeStill(largest(smileImage), smileImage);
        assertEquals(BaselineMode.STILL, smile.baseline());
        assertTrue(neutral.intensity(ActionUnit.AU12) < 1, "neutral photo AU12 " + neutral.intensity(ActionUnit.AU12));
        assertTrue(smile.intensity(ActionUnit.AU12) > neutral.intensity(ActionUnit.AU12) + 0.5,
                "AU12 smile " + smile.intensity(ActionUnit.AU12) + " vs neutral " + neutral.intensity(ActionUnit.AU12));
        assertTrue(smile.intensity(ActionUnit.AU6) > neutral.intensity(ActionUnit.AU6),
                "AU6 smile " + smile.intensity(ActionUnit.AU6) + " vs neutral " + neutral.intensity(ActionUnit.AU6));
    }

    @Test
    void aLiveFaceIsCodedAsAStillUntilItsRunningBaselineHasEnoughFrames() throws Exception {
        AuCoder coder = new AuCoder(measures, predictor);
        RgbImage image = still("still-franck-01829");
        FaceObservation face = largest(image);
        assertEquals(BaselineMode.STILL, coder.code(face, image).baseline());
        AuFrame last = null;
        for (int i = 1; i < AuCoder.MIN_RUNNING_FRAMES; i++) last = coder.code(face, image);
        assertEquals(BaselineMode.RUNNING, last.baseline());
        // The same face every frame is the person's relaxed end: every fitted AU scores 0.
        for (int au : Calibration.CANDIDATES.keySet()) assertEquals(0, last.intensity(ActionUnit.of(au)), 0.05, "AU" + au);
    }

    @Test
    void aLiveNeutralSegmentBecomesTheFacesBaseline() throws Exception {
        AuCoder coder = new AuCoder(measures, predictor);
        RgbImage neutralImage = still("still-franck-01829"), smileImage = still("still-franck-02159");
        FaceObservation neutral = largest(neutralImage), smile = largest(smileImage);
        assertEquals(0, coder.endNeutral(neutral.faceId()), "no segment begun");
        coder.beginNeutral(neutral.faceId());
        for (int i = 0; i < 5; i++) coder.code(neutral, neutralImage);
        assertEquals(5, coder.endNeutral(neutral.faceId()));
        AuFrame atRest = coder.code(neutral, neutralImage), smiling = coder.code(smile, smileImage);
        assertEquals(BaselineMode.SEGMENT, smiling.baseline());
        assertEquals(0, atRest.intensity(ActionUnit.AU12), 0.05, "the neutral face against itself");
        assertTrue(smiling.intensity(ActionUnit.AU12) > 0.5, "AU12 smile " + smiling.intensity(ActionUnit.AU12));
        coder.forget(neutral.faceId());
        assertEquals(BaselineMode.STILL, coder.code(neutral, neutralImage).baseline());
    }

    @Test
    void openMouthFrameCodesAu25AndAu26AboveAClosedOne() throws Exception {
        Path video = shared("media/WolfgangLanger_Pexels.mp4");
        OpenFaceCsv ref = OpenFaceCsv.read(shared("reference/WolfgangLanger_Pexels.csv.gz"));
        OpenFaceRow open = ref.rows().stream().filter(OpenFaceRow::success)
                .max(Comparator.comparingDouble(r -> r.value("AU26_r"))).orElseThrow();
        OpenFaceRow closed = ref.rows().stream().filter(OpenFaceRow::success)
                .filter(r -> r.value("AU25_c") == 0 && r.value("AU26_c") == 0)
                .min(Comparator.comparingDouble(r -> r.value("AU25_r") + r.value("AU26_r"))).orElseThrow();
        assertTrue(open.value("AU26_r") > 2, "reference AU26 peak " + open.value("AU26_r"));
        RgbImage openImage = frame(video, open.key().frame()), closedImage = frame(video, closed.key().frame());
        float[] neutral = neutral(closedImage);
        AuFrame o = code(openImage, neutral), c = code(closedImage, neutral);
        assertTrue(o.intensity(ActionUnit.AU25) > c.intensity(ActionUnit.AU25) + 1, "AU25 " + o.intensity(ActionUnit.AU25));
        assertTrue(o.intensity(ActionUnit.AU26) > c.intensity(ActionUnit.AU26) + 0.5, "AU26 " + o.intensity(ActionUnit.AU26));
        assertTrue(o.present(ActionUnit.AU25));
    }

    @Test
    void rotatingAndShrinkingTheImageChangesTheAusLittle() throws Exception {
        RgbImage neutralImage = still("still-franck-01829"), smile = still("still-franck-02159");
        float[] neutral = neutral(neutralImage);
        AuFrame original = code(smile, neutral);
        AuFrame turned = code(transform(smile, Math.toRadians(15), 0.7, false), neutral);
        for (ActionUnit au : ActionUnit.CODED)
            assertEquals(original.intensity(au), turned.intensity(au), 0.75, au.code() + " after rotation and scaling");
    }

    @Test
    void mirroringTheImageSwapsLeftAndRight() throws Exception {
        RgbImage neutralImage = still("still-franck-01829"), smile = still("still-franck-02159");
        AuFrame original = code(smile, neutral(neutralImage));
        RgbImage flippedNeutral = transform(neutralImage, 0, 1, true);
        AuFrame flipped = code(transform(smile, 0, 1, true), neutral(flippedNeutral));
        int checked = 0;
        for (ActionUnit au : ActionUnit.CODED) {
            if (!au.unilateral()) continue;
            assertEquals(original.left(au), flipped.right(au), 0.5, au.code() + " left -> right");
            assertEquals(original.right(au), flipped.left(au), 0.5, au.code() + " right -> left");
            checked++;
        }
        assertTrue(checked >= 10);
    }

    @Test
    void aStronglyTurnedHeadIsUnmeasurableAndAHalfTurnedOneLosesItsFarSide() throws Exception {
        RgbImage image = still("still-franck-02159");
        FaceObservation face = largest(image);
        float[] m = measures.measure(face, image);
        AuFrame profile = predictor.predict(m, m, predictor.neutralOffsets(), QualityGate.judge(yawed(face, 50)), BaselineMode.SEGMENT);
        for (float v : profile.intensity()) assertTrue(Float.isNaN(v));
        // Positive yaw turns the subject's right side away (head x axis gets z < 0 on the left side, nearer).
        QualityGate.Verdict half = QualityGate.judge(yawed(face, 25));
        assertTrue(half.face() && half.left() && !half.right(), half.toString());
        AuFrame halfFrame = predictor.predict(m, m, predictor.neutralOffsets(), half, BaselineMode.SEGMENT);
        assertTrue(Float.isNaN(halfFrame.right(ActionUnit.AU12)));
        assertFalse(Float.isNaN(halfFrame.left(ActionUnit.AU12)));
        assertFalse(Float.isNaN(halfFrame.intensity(ActionUnit.AU12)));
        assertTrue(QualityGate.judge(new FaceObservation(0, 0.2f, face.box(), face.mesh(), face.landmarks68(),
                face.landmarks68World(), face.pose(), face.gaze(), face.occlusion())) == QualityGate.Verdict.NONE);
    }

    @Test
    void calibrationIsReproducible() throws Exception {
        Path video = shared("media/single_face.mp4");
        OpenFaceCsv ref = OpenFaceCsv.read(shared("reference/single_face.csv.gz"));
        AuModel[] fits = new AuModel[2];
        for (int i = 0; i < 2; i++) {
            ObservationTrack track;
            try (FaceFollower follower = new FaceFollower(AssetStore.standard())) {
                track = ObservationTrack.follow(video, follower);
            }
            Path cache = Files.createTempFile("track", ".bin");
            track.write(cache);
            ObservationTrack reread = ObservationTrack.read(cache);
            Files.delete(cache);
            Calibration.Video v = new Calibration.Video("single_face", "p", VideoMeasures.measure(video, reread, measures), ref);
            fits[i] = Calibration.fit(List.of(v), AuModel.standard(), Map.of());
        }
        for (int i = 0; i < fits[0].aus().size(); i++) {
            AuModel.Entry a = fits[0].aus().get(i), b = fits[1].aus().get(i);
            assertArrayEquals(a.weights(), b.weights(), "AU" + a.au());
            assertEquals(a.intercept(), b.intercept());
            assertEquals(a.threshold(), b.threshold());
        }
        assertTrue(Arrays.stream(fits[0].entry(ActionUnit.AU12).weights()).anyMatch(w -> w != 0));
    }

    @Test
    void committedModelCoversEveryCodedAuAndIsFittedWhereOpenFaceHasIntensities() {
        AuModel model = AuModel.standard();
        for (ActionUnit au : ActionUnit.CODED) assertNotNull(model.entry(au));
        for (int au : Calibration.CANDIDATES.keySet())
            assertEquals("fitted", model.entry(ActionUnit.of(au)).source(), "AU" + au);
        assertTrue(model.note().containsKey("inputs"), "the model says how it was made");
        for (int au : Calibration.CANDIDATES.keySet())
            assertEquals(Calibration.CUTOFF, model.entry(ActionUnit.of(au)).cutoff(), "AU" + au);
        assertTrue(model.neutral().containsKey("corner_height_R") && !model.neutral().containsKey("chin_texture"));
    }

    @Test
    void runningBaselineIsTheMedian() {
        NeutralBaseline b = new NeutralBaseline(BaselineMode.RUNNING);
        for (float v : new float[]{1, 9, 2, 8, 3}) {
            float[] m = new float[FacialMeasures.COUNT];
            Arrays.fill(m, v);
            b.add(m);
        }
        assertEquals(3, b.median()[0], 0.1);
        assertEquals(5, b.frames());
        RunningPercentiles p = new RunningPercentiles(new float[]{10});
        for (int v = 1; v <= 100; v++) p.add(new float[]{v / 10f});
        assertEquals(1.0, p.percentile(0, 0.1), 0.06);
        assertEquals(9.0, p.percentile(0, 0.9), 0.06);
    }

    // --- helpers

    private static FaceObservation yawed(FaceObservation f, double degrees) {
        double a = Math.toRadians(degrees), c = Math.cos(a), s = Math.sin(a);
        float[] r = {(float) c, 0, (float) s, 0, 1, 0, (float) -s, 0, (float) c};
        HeadPose p = f.pose();
        return new FaceObservation(f.faceId(), f.confidence(), f.box(), f.mesh(), f.landmarks68(), f.landmarks68World(),
                new HeadPose(p.tx(), p.ty(), p.tz(), 0, (float) a, 0, r), f.gaze(), f.occlusion());
    }

    /** Rotates by {@code angle} about the centre and scales by {@code scale} (or flips horizontally), with Java2D. */
    static RgbImage transform(RgbImage in, double angle, double scale, boolean mirror) {
        int w = in.width(), h = in.height();
        BufferedImage src = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        byte[] rgb = in.rgb();
        for (int i = 0; i < w * h; i++)
            src.setRGB(i % w, i / w, (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | (rgb[3 * i + 2] & 0xff));
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = new AffineTransform();
        t.translate(w / 2.0, h / 2.0);
        t.rotate(angle);
        t.scale(mirror ? -scale : scale, scale);
        t.translate(-w / 2.0, -h / 2.0);
        g.drawImage(src, t, null);
        g.dispose();
        byte[] out = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            int p = dst.getRGB(i % w, i / w);
            out[3 * i] = (byte) (p >> 16);
            out[3 * i + 1] = (byte) (p >> 8);
            out[3 * i + 2] = (byte) p;
        }
        return new RgbImage(w, h, out);
    }

    private static RgbImage frame(Path video, int oneBased) throws Exception {
        try (VideoSource source = VideoSources.open(video.toString())) {
            RgbImage f = null;
            for (int i = 0; i < oneBased; i++) f = source.next();
            return f;
        }
    }

    private static Path shared(String relative) {
        return SharedFolder.require(relative);
    }
}
