package org.facsflow.face.detect;

import org.facsflow.face.FaceBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe's weighted non-maximum suppression: candidates overlapping the best one are averaged with it, weighted
 * by score, instead of being dropped. Neighbouring anchors then steady the box rather than make it jump.
 */
final class WeightedNms {
    private WeightedNms() {
    }

    static List<FaceDetection> apply(List<FaceDetection> candidates, float iouThreshold) {
        List<FaceDetection> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(FaceDetection::score).reversed());
        List<FaceDetection> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            FaceDetection best = remaining.get(0);
            List<FaceDetection> cluster = new ArrayList<>();
            for (FaceDetection d : remaining) if (d == best || best.box().iou(d.box()) > iouThreshold) cluster.add(d);
            remaining.removeAll(cluster);
            kept.add(average(best, cluster));
        }
        return kept;
    }

    private static FaceDetection average(FaceDetection best, List<FaceDetection> cluster) {
        float total = 0, x = 0, y = 0, w = 0, h = 0;
        float[] keypoints = new float[best.keypoints().length];
        for (FaceDetection d : cluster) {
            float s = d.score();
            total += s;
            x += s * d.box().x();
            y += s * d.box().y();
            w += s * d.box().width();
            h += s * d.box().height();
            for (int k = 0; k < keypoints.length; k++) keypoints[k] += s * d.keypoints()[k];
        }
        for (int k = 0; k < keypoints.length; k++) keypoints[k] /= total;
        return new FaceDetection(best.score(), new FaceBox(x / total, y / total, w / total, h / total), keypoints);
    }
}
