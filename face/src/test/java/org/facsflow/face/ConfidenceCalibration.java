package org.facsflow.face;

import org.facsflow.face.detect.FaceDetection;
import org.facsflow.face.image.Roi;
import org.facsflow.face.landmarks.Ibug68MeshIndex;
import org.facsflow.face.mesh.FaceMesh;
import org.facsflow.face.mesh.FaceMeshEstimator;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Fits {@link FaceConfidence}'s coefficients and reports how well they hold on unseen people. Not part of the suite
 * (its name does not end in Test); run it with
 * {@code mvn -B -pl face -am test -Dtest=ConfidenceCalibration -Dsurefire.failIfNoSpecifiedTests=false} (about 5
 * minutes on 2 cores). Every 30th frame of each training clip, as it is and made worse (moved 0.3, 0.6 or 0.9 face
 * widths sideways so the face leaves the picture, box-blurred by 1/32, 1/16 or 3/32 of a face width, the lower 25,
 * 50 or 75% of the face covered with skin colour, or all black), is read as the tracker reads it: from the region of
 * the unchanged frame's mesh, moved with the face. A landmark set is right when its mean distance from OpenFace's 68
 * points is at most {@link FaceConfidence#GOOD_NME} of OpenFace's outer-eye-corner distance. The model is fitted on
 * the people in the corpus's even places and evaluated on the others.
 */
class ConfidenceCalibration {
    private static final String[] KINDS = {"as it is", "moved out", "blurred", "covered", "black"};

    /** One read: the model's inputs, whether its landmarks were right, how it was made, whose face. */
    private record Sample(double[] features, boolean good, String kind, boolean fitting) {
    }

    @Test
    void fitAndReport() throws Exception {
        FaceAnalyzer analyzer = TestAssets.analyzer();
        Path training = TestAssets.shared("training");
        List<String[]> corpus = new ArrayList<>();
        for (String line : Files.readAllLines(training.resolve("corpus.csv")).subList(1, 86)) corpus.add(line.split(","));
        List<String> people = corpus.stream().map(c -> c[1]).distinct().toList();
        List<Sample> samples = new ArrayList<>();
        for (String[] clip : corpus) {
            boolean fitting = people.indexOf(clip[1]) % 2 == 0;
            List<float[]> reference = reference(training.resolve("openface/" + clip[0] + ".csv.gz"));
            try (VideoSource source = VideoSources.open(training.resolve("clips/" + clip[0] + ".mp4").toString())) {
                FaceMesh previous = null;
                int n = 0;
                for (RgbImage frame; (frame = source.next()) != null; n++) {
                    FaceMesh followed = previous == null ? detect(analyzer, frame) : analyzer.mesh(frame, FaceMeshEstimator.roiFrom(previous));
                    previous = followed != null && followed.faceScore() >= FaceAnalyzer.MIN_FACE_SCORE ? followed : null;
                    if (n % 30 != 0 || n >= reference.size() || reference.get(n) == null || previous == null) continue;
                    addSamples(analyzer, frame, previous, reference.get(n), fitting, samples);
                }
            }
        }
        report(samples);
    }

    private static FaceMesh detect(FaceAnalyzer analyzer, RgbImage frame) {
        List<FaceDetection> found = analyzer.detect(frame);
        return found.isEmpty() ? null : analyzer.meshFrom(frame, found.get(0));
    }

    private static void addSamples(FaceAnalyzer analyzer, RgbImage frame, FaceMesh mesh, float[] reference,
                                   boolean fitting, List<Sample> samples) {
        float width = boxWidth(mesh);
        float eyeCorners = (float) Math.hypot(reference[36] - reference[45], reference[68 + 36] - reference[68 + 45]);
        Roi region = FaceMeshEstimator.roiFrom(mesh);
        for (String kind : KINDS) {
            float[] amounts = kind.equals("as it is") || kind.equals("black") ? new float[] {0} : new float[] {0.25f, 0.5f, 0.75f};
            for (float amount : amounts) {
                float dx = kind.equals("moved out") ? Math.round(amount * 1.2f * width) : 0;
                RgbImage image = switch (kind) {
                    case "moved out" -> FaceConfidenceTest.shift(frame, (int) dx);
                    case "blurred" -> FaceConfidenceTest.blur(frame, Math.max(1, Math.round(amount * width / 8)));
                    case "covered" -> cover(frame, mesh, amount);
                    case "black" -> new RgbImage(frame.width(), frame.height(), new byte[frame.rgb().length]);
                    default -> frame;
                };
                // The tracker reads from the last frame's region, which trails a moving face.
                Roi roi = new Roi(region.centerX() + dx * 0.7f, region.centerY(), region.size(), region.angle());
                FaceMesh read = analyzer.mesh(image, roi);
                FaceObservation face = analyzer.observe(image, read, 0, CameraIntrinsics.openFaceDefault(image.width(),
                        image.height()), true);
                if (face == null) continue;
                float[] points = Ibug68MeshIndex.image68(read.points());
                double error = 0;
                for (int j = 0; j < 68; j++)
                    error += Math.hypot(points[2 * j] - (reference[j] + dx), points[2 * j + 1] - reference[68 + j]) / 68;
                double[] features = FaceConfidence.features(read.faceScore(), face.mesh(), image.width(), image.height(),
                        face.occlusion());
                samples.add(new Sample(features, error / eyeCorners <= FaceConfidence.GOOD_NME, kind, fitting));
            }
        }
    }

    private static void report(List<Sample> samples) {
        List<Sample> fit = samples.stream().filter(Sample::fitting).toList(), test = samples.stream().filter(s -> !s.fitting()).toList();
        double[] checked = fitLogistic(fit, 3), unchecked = fitLogistic(fit, 2);
        System.out.printf(Locale.ROOT, "%d reads fitted, %d held out%nwith a check: %s%nwithout:      %s%n", fit.size(), test.size(),
                java.util.Arrays.toString(round(checked)), java.util.Arrays.toString(round(unchecked)));
        for (double[] w : List.of(checked, unchecked)) {
            int k = w.length - 1;
            double[] p = test.stream().mapToDouble(s -> predict(w, s.features(), k)).toArray();
            System.out.printf(Locale.ROOT, "held out, %s: AUC %.3f, Brier %.3f%n", k == 3 ? "with a check" : "without a check",
                    auc(p, test), brier(p, test));
            for (String kind : KINDS) {
                double sum = 0, good = 0, n = 0;
                for (int i = 0; i < p.length; i++) if (test.get(i).kind().equals(kind)) {
                    sum += p[i];
                    good += test.get(i).good() ? 1 : 0;
                    n++;
                }
                System.out.printf(Locale.ROOT, "  %-10s %5.0f reads: mean confidence %.2f, right %.2f%n", kind, n, sum / n, good / n);
            }
            for (double lo = 0; lo < 1; lo += 0.2) {
                double n = 0, good = 0;
                for (int i = 0; i < p.length; i++) if (p[i] >= lo && p[i] < lo + 0.2) {
                    n++;
                    good += test.get(i).good() ? 1 : 0;
                }
                System.out.printf(Locale.ROOT, "  confidence %.1f-%.1f: %5.0f reads, right %.2f%n", lo, lo + 0.2, n, good / n);
            }
        }
    }

    private static double predict(double[] w, double[] x, int k) {
        double z = w[0];
        for (int i = 0; i < k; i++) z += w[i + 1] * x[i];
        return 1 / (1 + Math.exp(-z));
    }

    /** Logistic regression on the first k features by Newton's method (a few dozen iterations converge). */
    private static double[] fitLogistic(List<Sample> samples, int k) {
        double[] w = new double[k + 1];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[][] h = new double[k + 1][k + 2];
            for (Sample s : samples) {
                double[] a = new double[k + 1];
                a[0] = 1;
                System.arraycopy(s.features(), 0, a, 1, k);
                double p = predict(w, s.features(), k), weight = p * (1 - p) + 1e-9;
                for (int i = 0; i <= k; i++) {
                    for (int j = 0; j <= k; j++) h[i][j] += weight * a[i] * a[j];
                    h[i][k + 1] += ((s.good() ? 1 : 0) - p) * a[i];
                }
            }
            double[] step = solve(h);
            for (int i = 0; i <= k; i++) w[i] += step[i];
        }
        return w;
    }

    /** Gaussian elimination with partial pivoting on an augmented matrix [A | b]. */
    private static double[] solve(double[][] m) {
        int n = m.length;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int j = c; j <= n; j++) m[r][j] -= f * m[c][j];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][n];
            for (int j = r + 1; j < n; j++) sum -= m[r][j] * x[j];
            x[r] = sum / m[r][r];
        }
        return x;
    }

    private static double auc(double[] p, List<Sample> samples) {
        double pairs = 0, wins = 0;
        for (int i = 0; i < p.length; i++) {
            if (!samples.get(i).good()) continue;
            for (int j = 0; j < p.length; j++) {
                if (samples.get(j).good()) continue;
                pairs++;
                wins += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }

    private static double brier(double[] p, List<Sample> samples) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) sum += Math.pow(p[i] - (samples.get(i).good() ? 1 : 0), 2);
        return sum / p.length;
    }

    private static double[] round(double[] w) {
        return java.util.Arrays.stream(w).map(v -> Math.round(v * 1000) / 1000.0).toArray();
    }

    static float boxWidth(FaceMesh m) {
        return FaceAnalyzer.box(m.points()).width();
    }

    static List<float[]> reference(Path csv) throws Exception {
        List<float[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(csv)), StandardCharsets.UTF_8))) {
            String[] header = in.readLine().split(",");
            int x0 = List.of(header).indexOf("x_0"), y0 = List.of(header).indexOf("y_0"), success = List.of(header).indexOf("success");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] c = line.split(",");
                if (!c[success].trim().equals("1")) { rows.add(null); continue; }
                float[] r = new float[136];
                for (int j = 0; j < 68; j++) { r[j] = Float.parseFloat(c[x0 + j]); r[68 + j] = Float.parseFloat(c[y0 + j]); }
                rows.add(r);
            }
        }
        return rows;
    }

    /** The lower {@code amount} of the mesh's box covered with skin colour. */
    static RgbImage cover(RgbImage frame, FaceMesh mesh, float amount) {
        FaceBox b = FaceAnalyzer.box(mesh.points());
        return FaceConfidenceTest.cover(frame, Math.round(b.x()), Math.round(b.y() + b.height() * (1 - amount)),
                Math.round(b.x() + b.width()), Math.round(b.y() + b.height()));
    }
}
