package org.facsflow.face.track;

import org.facsflow.face.OcclusionCheck;
import org.facsflow.face.TestAssets;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Tracking on real faces: ids stay put through a video, an occlusion, a second face, an exit and a return. */
class FaceTrackerTest {
    private static List<RgbImage> singleFace, wolfgang;

    @BeforeAll
    static void readVideos() throws MediaException {
        singleFace = frames(TestAssets.shared("media/single_face.mp4").toString(), 72);
        wolfgang = frames(TestAssets.shared("media/WolfgangLanger_Pexels.mp4").toString(), 120);
    }

    private static FaceTracker tracker() {
        return FaceTracker.create(TestAssets.analyzer(), TrackerSettings.DEFAULT);
    }

    @Test
    void oneFaceKeepsIdZeroThroughSingleFace() {
        FaceTracker tracker = tracker();
        for (RgbImage frame : singleFace) {
            List<TrackedFace> faces = tracker.track(frame);
            assertThat(faces).hasSize(1);
            assertThat(faces.get(0).faceId()).isZero();
            assertThat(faces.get(0).success()).isTrue();
        }
    }

    @Test
    void oneFaceKeepsItsIdThroughA200FrameWindowOfCap12() throws MediaException {
        FaceTracker tracker = tracker();
        int found = 0, frames = 0;
        Set<Integer> ids = new HashSet<>();
        try (VideoSource source = VideoSources.open(TestAssets.store().require("video-cap12-edit").toString())) {
            for (RgbImage frame; frames < 200 && (frame = source.next()) != null; frames++) {
                for (TrackedFace face : tracker.track(frame)) {
                    ids.add(face.faceId());
                    if (face.success()) found++;
                }
            }
        }
        assertThat(ids).containsExactly(0);
        assertThat(found).isGreaterThanOrEqualTo(196);
    }

    @Test
    void theWomanKeepsOneIdWhileHerHandCoversHerMouth() {
        FaceTracker tracker = tracker();
        Set<Integer> ids = new HashSet<>();
        int found = 0;
        for (RgbImage frame : wolfgang)
            for (TrackedFace face : tracker.track(frame)) {
                ids.add(face.faceId());
                if (face.success()) found++;
            }
        assertThat(ids).containsExactly(0);
        assertThat(found).isGreaterThan(wolfgang.size() * 9 / 10);
    }

    @Test
    void aFaceHiddenForTenFramesComesBackWithItsId() {
        FaceTracker tracker = tracker();
        List<Boolean> success = new ArrayList<>();
        for (int i = 0; i < singleFace.size(); i++) {
            RgbImage frame = i >= 30 && i < 40 ? black(singleFace.get(i)) : singleFace.get(i);
            List<TrackedFace> faces = tracker.track(frame);
            assertThat(faces).as("frame %d", i).hasSize(1);
            assertThat(faces.get(0).faceId()).as("frame %d", i).isZero();
            success.add(faces.get(0).success());
        }
        assertThat(success.subList(30, 40)).containsOnly(false);
        assertThat(success.subList(0, 30)).containsOnly(true);
        assertThat(success.subList(40, 72)).containsOnly(true);
    }

    @Test
    void twoFacesSideBySideKeepTwoIdsOnTheirOwnSides() {
        FaceTracker tracker = tracker();
        for (int i = 0; i < 72; i++) {
            List<TrackedFace> faces = tracker.track(sideBySide(singleFace.get(i), wolfgang.get(i)));
            assertThat(faces).as("frame %d", i).hasSize(2);
            assertThat(faces).allMatch(TrackedFace::success);
            TrackedFace man = faces.get(0), woman = faces.get(1);
            assertThat(man.faceId()).isZero();
            assertThat(woman.faceId()).isOne();
            assertThat(man.face().box().centerX()).isLessThan(singleFace.get(i).width());
            assertThat(woman.face().box().centerX()).isGreaterThan(singleFace.get(i).width());
        }
    }

    @Test
    void aFaceThatLeavesAndReturnsElsewhereIsRecognisedByItsShape() {
        FaceTracker tracker = tracker();
        double t = 0;
        for (int i = 0; i < 40; i++, t += 1 / 30.0) assertThat(ids(tracker.track(at(singleFace.get(i), t)))).containsExactly(0);
        // Three seconds without anyone: longer than a lost face is reported, so it is dropped and only remembered.
        RgbImage empty = black(singleFace.get(0));
        for (int i = 0; i < 90; i++, t += 1 / 30.0) tracker.track(at(empty, t));
        assertThat(tracker.track(at(empty, t))).isEmpty();
        // He comes back 200 px to the right: no continuity, only his shape says who he is, once it has been averaged
        // over his first frames back (which are not reported).
        List<Integer> ids = new ArrayList<>();
        for (int i = 40; i < 72; i++, t += 1 / 30.0) ids.addAll(ids(tracker.track(at(shift(singleFace.get(i), 200), t))));
        assertThat(ids).hasSize(32 - FaceLocator.PENDING_FRAMES).containsOnly(0);
    }

    @Test
    void someoneElseAfterAnExitGetsANewId() {
        FaceTracker tracker = tracker();
        double t = 0;
        for (int i = 0; i < 40; i++, t += 1 / 30.0) tracker.track(at(singleFace.get(i), t));
        RgbImage empty = black(singleFace.get(0));
        for (int i = 0; i < 90; i++, t += 1 / 30.0) tracker.track(at(empty, t));
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++, t += 1 / 30.0) ids.addAll(ids(tracker.track(at(wolfgang.get(i), t))));
        assertThat(ids).hasSize(30 - FaceLocator.PENDING_FRAMES).containsOnly(1);
    }

    @Test
    void aFaceSeenInOneFrameOnlyIsReportedLostAfterwards() {
        FaceTracker tracker = tracker();
        RgbImage empty = black(singleFace.get(0));
        double t = 0;
        for (int i = 0; i < 5; i++, t += 1 / 30.0) assertThat(tracker.track(at(empty, t))).isEmpty();
        List<TrackedFace> seen = tracker.track(at(singleFace.get(10), t));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).success()).isTrue();
        for (int i = 0; i < 5; i++) {
            t += 1 / 30.0;
            List<TrackedFace> after = tracker.track(at(empty, t));
            assertThat(after).hasSize(1);
            assertThat(after.get(0).faceId()).isZero();
            assertThat(after.get(0).success()).isFalse();
        }
    }

    @Test
    void smoothingCalmsJitterWithoutLaggingBehind() {
        FaceTracker tracker = tracker();
        double rawJitter = 0, smoothJitter = 0, offset = 0;
        float[] raw1 = null, raw2 = null, smooth1 = null, smooth2 = null;
        int n = 0;
        for (RgbImage frame : singleFace) {
            TrackedFace face = tracker.track(frame).get(0);
            float[] raw = face.raw().landmarks68(), smooth = face.face().landmarks68();
            if (raw2 != null) {
                // Jitter: the second difference (acceleration) of each point, which a smooth motion keeps small.
                for (int j = 0; j < raw.length; j++) {
                    rawJitter += Math.abs(raw[j] - 2 * raw1[j] + raw2[j]);
                    smoothJitter += Math.abs(smooth[j] - 2 * smooth1[j] + smooth2[j]);
                    offset += Math.abs(smooth[j] - raw[j]);
                }
                n += raw.length;
            }
            raw2 = raw1;
            raw1 = raw;
            smooth2 = smooth1;
            smooth1 = smooth;
        }
        System.out.printf("single_face 68 points: jitter raw %.3f px, smoothed %.3f px; smoothed-raw %.3f px%n",
                rawJitter / n, smoothJitter / n, offset / n);
        assertThat(smoothJitter).isLessThan(rawJitter * 0.7);
        assertThat(offset / n).as("mean distance of smoothed from raw points, px").isLessThan(1.5);
    }

    @Test
    void theOcclusionCheckRunsTenTimesASecondAndItsResultIsCarriedForward() {
        FaceTracker tracker = tracker(), everyFrame = FaceTracker.create(TestAssets.analyzer(),
                TrackerSettings.DEFAULT.checkingEveryFrame());
        int checked = 0;
        OcclusionCheck last = null, lastEvery = null;
        for (RgbImage frame : singleFace) {
            TrackedFace face = tracker.track(frame).get(0);
            assertThat(face.raw().occlusion().checked()).as("raw values carry the last check").isTrue();
            assertThat(face.face().occlusion()).as("so do smoothed ones").isSameAs(face.raw().occlusion());
            if (face.raw().occlusion() != last) checked++;
            last = face.raw().occlusion();
            OcclusionCheck every = everyFrame.track(frame).get(0).raw().occlusion();
            assertThat(every).as("a new check every frame").isNotSameAs(lastEvery);
            lastEvery = every;
        }
        // 72 frames at 30 fps: checks at 0, 0.1, ..., 2.3 s.
        assertThat(checked).isEqualTo(24);
    }

    private static List<Integer> ids(List<TrackedFace> faces) {
        return faces.stream().filter(TrackedFace::success).map(TrackedFace::faceId).toList();
    }

    static List<RgbImage> frames(String video, int max) throws MediaException {
        List<RgbImage> frames = new ArrayList<>();
        try (VideoSource source = VideoSources.open(video)) {
            for (RgbImage frame; frames.size() < max && (frame = source.next()) != null; ) frames.add(frame);
        }
        return frames;
    }

    static RgbImage black(RgbImage frame) {
        return new RgbImage(frame.width(), frame.height(), new byte[frame.rgb().length], frame.timestampSeconds());
    }

    static RgbImage at(RgbImage frame, double seconds) {
        return new RgbImage(frame.width(), frame.height(), frame.rgb(), seconds);
    }

    /** The frame moved right by {@code dx} pixels, black where nothing moved in. */
    static RgbImage shift(RgbImage frame, int dx) {
        int w = frame.width(), h = frame.height();
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) System.arraycopy(frame.rgb(), y * w * 3, out, (y * w + dx) * 3, (w - dx) * 3);
        return new RgbImage(w, h, out, frame.timestampSeconds());
    }

    /** Two frames of the same height next to each other, with the left one's timestamp. */
    static RgbImage sideBySide(RgbImage left, RgbImage right) {
        int h = left.height(), wl = left.width(), wr = right.width();
        byte[] out = new byte[(wl + wr) * h * 3];
        for (int y = 0; y < h; y++) {
            System.arraycopy(left.rgb(), y * wl * 3, out, y * (wl + wr) * 3, wl * 3);
            System.arraycopy(right.rgb(), y * wr * 3, out, (y * (wl + wr) + wl) * 3, wr * 3);
        }
        return new RgbImage(wl + wr, h, out, left.timestampSeconds());
    }
}
