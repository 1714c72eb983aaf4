package org.facsflow.facs.validation;

import org.facsflow.face.landmarks.LandmarkError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which row of a prediction describes the face of a reference row. Tools number faces differently (OpenFace's
 * FaceLandmarkImg by detection order, facsflow left to right), so where both files carry the 68 landmarks a face is
 * the prediction's face in the same frame whose landmarks' centre lies nearest, within the reference face's
 * outer-eye-corner distance; otherwise the row with the same frame and face number. A frame where each side tracked
 * one face pairs those two wherever they lie: one side may come from a resized or cropped copy of the video, whose
 * landmarks are in other pixels. A single image on both sides is one frame, whatever each tool numbers it
 * (FaceLandmarkImg writes no frame; facsflow writes 1).
 */
final class FacePairing {
    /** A tracked prediction row with its landmarks' centre. */
    private record Located(OpenFaceRow row, double x, double y) {
    }

    private final OpenFaceCsv prediction;
    private final boolean byLandmarks;
    /** The prediction's tracked rows with landmarks, by frame. */
    private final Map<Integer, List<Located>> byFrame = new HashMap<>();
    /** How many faces the reference tracked in each frame. */
    private final Map<Integer, Integer> referenceFaces = new HashMap<>();
    /** The prediction's frame that stands for the reference's only frame (both single images), else null. */
    private final Integer imageFrame;
    private final float[] points = new float[2 * LandmarkError.ALL.length];

    FacePairing(OpenFaceCsv reference, OpenFaceCsv prediction) {
        this.prediction = prediction;
        byLandmarks = reference.hasLandmarks() && prediction.hasLandmarks();
        if (byLandmarks)
            for (OpenFaceRow row : prediction.rows())
                if (row.success() && row.landmarks68(points))
                    byFrame.computeIfAbsent(row.key().frame(), f -> new ArrayList<>())
                            .add(new Located(row, centre(points, 0), centre(points, 1)));
        for (OpenFaceRow row : reference.rows())
            if (row.success()) referenceFaces.merge(row.key().frame(), 1, Integer::sum);
        boolean singleImages = frames(reference) == 1 && frames(prediction) == 1;
        imageFrame = singleImages && !prediction.rows().isEmpty() ? prediction.rows().get(0).key().frame() : null;
    }

    /** The prediction's tracked row for this reference row, or null. */
    OpenFaceRow match(OpenFaceRow reference) {
        int frame = imageFrame != null ? imageFrame : reference.key().frame();
        if (!byLandmarks || !reference.landmarks68(points))
            return prediction.row(new FrameKey(frame, reference.key().face())).filter(OpenFaceRow::success).orElse(null);
        List<Located> candidates = byFrame.getOrDefault(frame, List.of());
        if (candidates.size() == 1 && referenceFaces.getOrDefault(reference.key().frame(), 0) == 1)
            return candidates.get(0).row();
        double x = centre(points, 0), y = centre(points, 1), reach = LandmarkError.interOcular(points);
        OpenFaceRow nearest = null;
        for (Located candidate : candidates) {
            double d = Math.hypot(candidate.x() - x, candidate.y() - y);
            if (d < reach) {
                reach = d;
                nearest = candidate.row();
            }
        }
        return nearest;
    }

    private static double centre(float[] points, int axis) {
        double sum = 0;
        for (int j = axis; j < points.length; j += 2) sum += points[j];
        return sum / (points.length / 2.0);
    }

    private static long frames(OpenFaceCsv csv) {
        return csv.rows().stream().mapToInt(r -> r.key().frame()).distinct().count();
    }
}
