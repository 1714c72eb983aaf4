package org.facsflow.facs.validation;

import org.facsflow.face.landmarks.LandmarkError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which row of a prediction describes the face of a reference row. Tools number faces differently (OpenFace's
 * FaceLandmarkImg by detection order, facsflow left to right), so where both files carry the 68 landmarks a face is
 * the prediction's face in the same frame whose landmarks' centre lies nearest, within the reference face's
 * outer-eye-corner distance; otherwise the row with the same frame and face number. Where the files' landmarks are
 * in different pixels (one side made from a resized or cropped copy of the video: over the frames with one face on
 * each side, the two faces' sizes differ, or in most of them they lie further apart than that distance), a frame
 * with one face on each side pairs those two wherever they lie. A single image on both sides is one frame, whatever
 * each tool numbers it (FaceLandmarkImg writes no frame; facsflow writes 1).
 */
final class FacePairing {
    /**
     * Face-size ratios (outer-eye-corner distances, prediction over reference) beyond which two files' landmarks are
     * taken to be in different pixels: on the same video facsflow's faces measure 1.03-1.07 times OpenFace's (cap12,
     * WolfgangLanger, single_face); a copy of cap12 at 80% of its size measured 0.83.
     */
    static final double SAME_SIZE_LOW = 0.9, SAME_SIZE_HIGH = 1.15;

    /** A tracked prediction row with its landmarks' centre and outer-eye-corner distance. */
    private record Located(OpenFaceRow row, double x, double y, double interOcular) {
    }

    private final OpenFaceCsv prediction;
    private final boolean byLandmarks;
    /** The prediction's tracked rows with landmarks, by frame. */
    private final Map<Integer, List<Located>> byFrame = new HashMap<>();
    /** How many faces the reference tracked in each frame. */
    private final Map<Integer, Integer> referenceFaces = new HashMap<>();
    /** Whether the two files' landmarks are in different pixels (see the class comment). */
    private final boolean otherPixels;
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
                            .add(new Located(row, centre(points, 0), centre(points, 1), LandmarkError.interOcular(points)));
        for (OpenFaceRow row : reference.rows())
            if (row.success()) referenceFaces.merge(row.key().frame(), 1, Integer::sum);
        boolean singleImages = frames(reference) == 1 && frames(prediction) == 1;
        imageFrame = singleImages && !prediction.rows().isEmpty() ? prediction.rows().get(0).key().frame() : null;
        int apart = 0;
        List<Double> sizes = new ArrayList<>();
        if (byLandmarks)
            for (OpenFaceRow row : reference.rows()) {
                Located candidate = lone(row);
                if (candidate == null || !row.landmarks68(points)) continue;
                double interOcular = LandmarkError.interOcular(points);
                sizes.add(candidate.interOcular() / interOcular);
                if (Math.hypot(candidate.x() - centre(points, 0), candidate.y() - centre(points, 1)) >= interOcular) apart++;
            }
        Collections.sort(sizes);
        double size = sizes.isEmpty() ? 1 : sizes.get(sizes.size() / 2);
        otherPixels = 2 * apart > sizes.size() || size < SAME_SIZE_LOW || size > SAME_SIZE_HIGH;
    }

    /** The prediction's only tracked face in this reference row's frame if the reference has only this one there. */
    private Located lone(OpenFaceRow reference) {
        List<Located> candidates = byFrame.getOrDefault(frame(reference), List.of());
        return reference.success() && candidates.size() == 1
                && referenceFaces.getOrDefault(reference.key().frame(), 0) == 1 ? candidates.get(0) : null;
    }

    /** The prediction's tracked row for this reference row, or null. */
    OpenFaceRow match(OpenFaceRow reference) {
        int frame = frame(reference);
        if (!byLandmarks || !reference.landmarks68(points))
            return prediction.row(new FrameKey(frame, reference.key().face())).filter(OpenFaceRow::success).orElse(null);
        Located lone = otherPixels ? lone(reference) : null;
        if (lone != null) return lone.row();
        double x = centre(points, 0), y = centre(points, 1), reach = LandmarkError.interOcular(points);
        OpenFaceRow nearest = null;
        for (Located candidate : byFrame.getOrDefault(frame, List.of())) {
            double d = Math.hypot(candidate.x() - x, candidate.y() - y);
            if (d < reach) {
                reach = d;
                nearest = candidate.row();
            }
        }
        return nearest;
    }

    /** The prediction's frame number for a reference row (its own, or the prediction's image). */
    private int frame(OpenFaceRow reference) {
        return imageFrame != null ? imageFrame : reference.key().frame();
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
