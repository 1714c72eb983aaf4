package org.facsflow.face;

import org.facsflow.face.image.Roi;
import org.facsflow.face.mesh.FaceMesh;
import org.facsflow.face.mesh.FaceMeshEstimator;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.face.track.FaceTracker;
import org.facsflow.face.track.TrackedFace;
import org.facsflow.face.track.TrackerSettings;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code confidence} means something: high where the landmarks are right, lower where a face slides out of the
 * picture, is blurred or is mostly covered. On the real face of single_face.
 */
class FaceConfidenceTest {
    /** Box blur radius, px: a tenth of this man's face width, so that the lips and eyes are smudges. */
    private static final int BLUR = 15;
    private static List<RgbImage> frames;

    @BeforeAll
    static void read() throws MediaException {
        frames = new ArrayList<>();
        try (VideoSource video = VideoSources.open(TestAssets.shared("media/single_face.mp4").toString())) {
            for (RgbImage frame; (frame = video.next()) != null; ) frames.add(frame);
        }
    }

    /** The confidence of the one face in each frame as the tracker reports it; NaN where it found none. */
    private static float[] track(List<RgbImage> video) {
        FaceTracker tracker = FaceTracker.create(TestAssets.analyzer(), TrackerSettings.DEFAULT);
        float[] confidence = new float[video.size()];
        for (int i = 0; i < confidence.length; i++) {
            List<TrackedFace> faces = tracker.track(video.get(i));
            confidence[i] = faces.isEmpty() || !faces.get(0).success() ? Float.NaN : faces.get(0).confidence();
        }
        return confidence;
    }

    @Test
    void aFaceThatSlidesOutOfThePictureLosesConfidence() {
        // From frame 36 the picture moves right by 12 px a frame; this man's face (x 217-368 px) has its centre past
        // the right edge (640 px) from frame 66 on.
        List<RgbImage> sliding = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) sliding.add(shift(frames.get(i), Math.max(0, i - 36) * 12));
        float[] confidence = track(sliding);
        System.out.println("sliding out, frames 36-71: " + Arrays.toString(Arrays.copyOfRange(confidence, 36, 72)));
        float[] inside = Arrays.copyOfRange(confidence, 0, 50), halfOut = Arrays.copyOfRange(confidence, 67, 72);
        assertThat(inside).doesNotContain(Float.NaN);
        assertThat(min(inside)).isGreaterThan(0.8f);
        assertThat(max(halfOut)).as("confidence where found").isLessThan(0.5f);
    }

    @Test
    void aHeavilyBlurredOrMostlyCoveredFaceLosesConfidence() {
        // Each frame read as the tracker reads it, from the clear frame's region, and measured with the occlusion check.
        FaceAnalyzer analyzer = TestAssets.analyzer();
        CameraIntrinsics camera = CameraIntrinsics.openFaceDefault(frames.get(0).width(), frames.get(0).height());
        FaceMesh clear = analyzer.meshFrom(frames.get(0), analyzer.detect(frames.get(0)).get(0));
        float[] asItIs = new float[frames.size() / 4], blurred = asItIs.clone(), covered = asItIs.clone();
        for (int i = 0; i < asItIs.length; i++) {
            RgbImage frame = frames.get(4 * i);
            clear = analyzer.mesh(frame, FaceMeshEstimator.roiFrom(clear));
            Roi region = FaceMeshEstimator.roiFrom(clear);
            asItIs[i] = confidence(analyzer, frame, region, camera);
            blurred[i] = confidence(analyzer, blur(frame, BLUR), region, camera);
            covered[i] = confidence(analyzer, coverLowerFace(frame), region, camera);
        }
        System.out.printf("as it is %s%nblurred %s%ncovered %s%n", Arrays.toString(asItIs), Arrays.toString(blurred),
                Arrays.toString(covered));
        // Landmarks of a smudged or covered face are more often wrong than right: at least 0.2 below every clear read.
        assertThat(min(asItIs)).isGreaterThan(0.8f);
        assertThat(median(blurred)).isLessThan(min(asItIs) - 0.2f);
        assertThat(median(covered)).isLessThan(min(asItIs) - 0.2f);
    }

    private static float confidence(FaceAnalyzer analyzer, RgbImage image, Roi region, CameraIntrinsics camera) {
        FaceObservation face = analyzer.observe(image, analyzer.mesh(image, region), 0, camera, true);
        return face == null ? 0 : face.confidence();
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) min = Math.min(min, v);
        return min;
    }

    /** The largest value that is not NaN; 0 when there is none. */
    private static float max(float[] values) {
        float max = 0;
        for (float v : values) if (!Float.isNaN(v)) max = Math.max(max, v);
        return max;
    }

    private static float median(float[] values) {
        float[] sorted = values.clone();
        for (int i = 0; i < sorted.length; i++) if (Float.isNaN(sorted[i])) sorted[i] = 0; // not found: no confidence
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static RgbImage shift(RgbImage frame, int dx) {
        int w = frame.width(), h = frame.height();
        byte[] out = new byte[w * h * 3];
        if (dx < w)
            for (int y = 0; y < h; y++) System.arraycopy(frame.rgb(), y * w * 3, out, (y * w + dx) * 3, (w - dx) * 3);
        return new RgbImage(w, h, out, frame.timestampSeconds());
    }

    /** A box blur of the given radius, horizontal then vertical. */
    static RgbImage blur(RgbImage frame, int r) {
        int w = frame.width(), h = frame.height();
        byte[] across = blurLines(frame.rgb(), r, w, h, 3, 3 * w), out = blurLines(across, r, h, w, 3 * w, 3);
        return new RgbImage(w, h, out, frame.timestampSeconds());
    }

    /** Averages each of {@code lines} lines of {@code length} pixels over +-r pixels along it (steps in bytes). */
    private static byte[] blurLines(byte[] in, int r, int length, int lines, int along, int across) {
        byte[] out = new byte[in.length];
        for (int line = 0; line < lines; line++)
            for (int i = 0; i < length; i++)
                for (int c = 0; c < 3; c++) {
                    int sum = 0, n = 0;
                    for (int k = Math.max(0, i - r); k <= Math.min(length - 1, i + r); k++, n++)
                        sum += in[line * across + k * along + c] & 0xff;
                    out[line * across + i * along + c] = (byte) (sum / n);
                }
        return out;
    }

    /** Skin colour over this man's face from just below the eyes down. */
    static RgbImage coverLowerFace(RgbImage frame) {
        return cover(frame, 200, 160, 440, frame.height());
    }

    /** Skin colour over the box [x0, x1) x [y0, y1), clipped to the picture. */
    static RgbImage cover(RgbImage frame, int x0, int y0, int x1, int y1) {
        int w = frame.width();
        byte[] out = frame.rgb().clone();
        for (int y = Math.max(0, y0); y < Math.min(frame.height(), y1); y++)
            for (int x = Math.max(0, x0); x < Math.min(w, x1); x++) {
                int p = (y * w + x) * 3;
                out[p] = (byte) 200;
                out[p + 1] = (byte) 160;
                out[p + 2] = (byte) 140;
            }
        return new RgbImage(w, frame.height(), out, frame.timestampSeconds());
    }
}
