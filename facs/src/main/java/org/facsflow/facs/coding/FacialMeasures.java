package org.facsflow.facs.coding;

import org.facsflow.face.FaceObservation;
import org.facsflow.face.HeadPose;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.pose.MeshLifter;
import org.facsflow.media.RgbImage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The measurement step of the coder (OpenFace's feature extraction): one face in one frame becomes a float[] of
 * named measures, each tied to a FACS appearance change (docs/au-measures.md lists which AU uses which).
 *
 * <p>Geometry is measured on the mesh in the head's own frame ({@link MeshLifter#toHeadFrame}): pose removed and
 * canonical size, so turning the head or moving away does not change a measure; units are canonical mm, y down, so
 * "height" measures are written so that they grow when the feature moves up. Measures that can differ between the
 * two sides come in pairs, subject's right then left ({@link #right(int)}, {@link #left(int)}); right is the subject's
 * own right (image left on a frontal face).
 *
 * <p>Appearance (wrinkles and furrows geometry cannot see) is the log of the mean absolute intensity difference
 * between neighbouring samples of a small grid laid on the face in head-frame mm and projected into the image, over
 * the patch's mean brightness (so a uniformly brighter or higher-contrast frame changes it little). 12 x 12 samples a
 * patch, straight from {@link RgbImage#rgb()}, bilinear.
 *
 * <p>Stateless apart from the lifter; {@link #measure} allocates only its output and a scratch mesh.
 */
public final class FacialMeasures {
    /** Measures with a right and a left value, as base names; their values sit at {@link #right}/{@link #left}. */
    public static final List<String> SIDED = List.of(
            "brow_inner_height", "brow_outer_height", "brow_inner_to_midline", "eye_aperture", "upper_lid_over_iris",
            "lower_lid_under_iris", "cheek_height", "ala_to_eye", "upper_lip_to_ala", "corner_width", "corner_height",
            "corner_below_lips", "corner_depth", "forehead_texture", "crows_feet_texture", "infraorbital_texture",
            "nasolabial_texture");
    /** Midline measures, one value each. */
    public static final List<String> MIDLINE = List.of(
            "brow_gap", "inner_lip_gap", "jaw_drop", "upper_lip_thickness", "lower_lip_thickness", "chin_to_lower_lip",
            "lip_protrusion", "upper_lip_to_nose", "glabella_texture", "nose_bridge_texture", "chin_texture");
    /** Every measure's name, in vector order: each sided one as name_R, name_L, then the midline ones. */
    public static final List<String> NAMES = names();
    public static final int COUNT = NAMES.size();

    // Mesh vertices, (subject's right, left) pairs.
    private static final int[] EYE_OUTER = {33, 263}, EYE_INNER = {133, 362};
    private static final int[][] UPPER_LID = {{160, 159, 158}, {387, 386, 385}}, LOWER_LID = {{144, 145, 153}, {373, 374, 380}};
    private static final int[] IRIS = {468, 473};
    private static final int[][] BROW_INNER = {{107, 55}, {336, 285}}, BROW_OUTER = {{70, 46}, {300, 276}};
    private static final int[] BROW_MID = {105, 334};
    private static final int[] CHEEK = {117, 346}, ALA = {64, 294}, NOSTRIL_BASE = {98, 327};
    private static final int[] UPPER_LIP_SIDE = {37, 267}, CORNER = {61, 291};
    private static final int[][] INNER_LIP_PAIRS = {{13, 14}, {82, 87}, {312, 317}};
    private static final int NOSE_TIP = 1, SUBNASALE = 2, BRIDGE = 168, NOSE_BRIDGE_LOW = 6, GLABELLA = 9;
    private static final int UPPER_LIP_TOP = 0, UPPER_LIP_INNER = 13, LOWER_LIP_INNER = 14, LOWER_LIP_BOTTOM = 17, CHIN = 152;

    private static final int GRID = 12;

    private final MeshLifter lifter;

    public FacialMeasures(MeshLifter lifter) {
        this.lifter = lifter;
    }

    /** The canonical face the measures are taken against. */
    public CanonicalFace canonicalFace() {
        return lifter.canonicalFace();
    }

    public static int right(int sided) {
        return 2 * sided;
    }

    public static int left(int sided) {
        return 2 * sided + 1;
    }

    public static int midline(int index) {
        return 2 * SIDED.size() + index;
    }

    /** Whether measure {@code i} is appearance: it depends on resolution and lighting, not only on the face. */
    public static boolean isTexture(int i) {
        return NAMES.get(i).contains("texture");
    }

    /** The vector index of a full measure name (e.g. "corner_height_R", "jaw_drop"). */
    public static int index(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no facial measure \"" + name + "\"");
        return i;
    }

    /** The measures of one face; {@code image} is the frame the face was found in. */
    public float[] measure(FaceObservation face, RgbImage image) {
        return measure(face, image, new float[face.mesh().length]);
    }

    /**
     * The same, leaving the mesh in the head's own frame (canonical mm, pose removed) in {@code h} (as long as the
     * mesh), for callers that read more of the face's shape.
     */
    public float[] measure(FaceObservation face, RgbImage image, float[] h) {
        CameraIntrinsics camera = CameraIntrinsics.openFaceDefault(image.width(), image.height());
        lifter.toHeadFrame(face.mesh(), face.pose(), camera, h);
        float[] m = new float[COUNT];
        float midX = (x(h, BRIDGE) + x(h, NOSE_TIP)) / 2;
        float lipMidY = (y(h, UPPER_LIP_INNER) + y(h, LOWER_LIP_INNER)) / 2;
        Projector projector = new Projector(face.pose(), camera);
        for (int s = 0; s < 2; s++) {
            float eyeLine = (y(h, EYE_OUTER[s]) + y(h, EYE_INNER[s])) / 2;
            float lateral = s == 0 ? -1 : 1;
            int k = 0;
            m[2 * k++ + s] = eyeLine - meanY(h, BROW_INNER[s]);
            m[2 * k++ + s] = eyeLine - meanY(h, BROW_OUTER[s]);
            m[2 * k++ + s] = Math.abs(x(h, BROW_INNER[s][0]) - midX);
            float aperture = 0;
            for (int i = 0; i < 3; i++) aperture += y(h, LOWER_LID[s][i]) - y(h, UPPER_LID[s][i]);
            m[2 * k++ + s] = aperture / 3;
            m[2 * k++ + s] = y(h, IRIS[s]) - y(h, UPPER_LID[s][1]);
            m[2 * k++ + s] = y(h, LOWER_LID[s][1]) - y(h, IRIS[s]);
            m[2 * k++ + s] = eyeLine - y(h, CHEEK[s]);
            m[2 * k++ + s] = y(h, ALA[s]) - y(h, EYE_INNER[s]);
            m[2 * k++ + s] = y(h, UPPER_LIP_SIDE[s]) - y(h, NOSTRIL_BASE[s]);
            m[2 * k++ + s] = Math.abs(x(h, CORNER[s]) - midX);
            m[2 * k++ + s] = y(h, NOSE_TIP) - y(h, CORNER[s]);
            m[2 * k++ + s] = y(h, CORNER[s]) - lipMidY;
            m[2 * k++ + s] = z(h, CORNER[s]) - z(h, NOSE_TIP);
            // Appearance patches: centre (head-frame mm), size (mm).
            m[2 * k++ + s] = texture(image, projector, x(h, BROW_MID[s]), y(h, BROW_MID[s]) - 13, z(h, BROW_MID[s]), 22, 12);
            m[2 * k++ + s] = texture(image, projector, x(h, EYE_OUTER[s]) + lateral * 9, y(h, EYE_OUTER[s]) + 2,
                    z(h, EYE_OUTER[s]), 9, 12);
            m[2 * k++ + s] = texture(image, projector, x(h, LOWER_LID[s][1]), y(h, LOWER_LID[s][1]) + 7,
                    z(h, LOWER_LID[s][1]), 16, 8);
            float nx = (x(h, ALA[s]) + x(h, CORNER[s])) / 2 + lateral * 5, ny = (y(h, ALA[s]) + y(h, CORNER[s])) / 2;
            m[2 * k++ + s] = texture(image, projector, nx, ny, (z(h, ALA[s]) + z(h, CORNER[s])) / 2, 9, 14);
        }
        int k = 0;
        m[midline(k++)] = x(h, BROW_INNER[1][0]) - x(h, BROW_INNER[0][0]);
        float gap = 0;
        for (int[] p : INNER_LIP_PAIRS) gap += y(h, p[1]) - y(h, p[0]);
        m[midline(k++)] = gap / INNER_LIP_PAIRS.length;
        m[midline(k++)] = y(h, CHIN) - y(h, SUBNASALE);
        m[midline(k++)] = y(h, UPPER_LIP_INNER) - y(h, UPPER_LIP_TOP);
        m[midline(k++)] = y(h, LOWER_LIP_BOTTOM) - y(h, LOWER_LIP_INNER);
        m[midline(k++)] = y(h, CHIN) - y(h, LOWER_LIP_BOTTOM);
        m[midline(k++)] = z(h, NOSE_TIP) - (z(h, UPPER_LIP_TOP) + z(h, LOWER_LIP_BOTTOM)) / 2;
        m[midline(k++)] = y(h, UPPER_LIP_TOP) - y(h, SUBNASALE);
        m[midline(k++)] = texture(image, projector, x(h, GLABELLA), y(h, GLABELLA), z(h, GLABELLA), 14, 12);
        m[midline(k++)] = texture(image, projector, x(h, NOSE_BRIDGE_LOW), y(h, NOSE_BRIDGE_LOW) + 3,
                z(h, NOSE_BRIDGE_LOW), 16, 10);
        float cy = (y(h, LOWER_LIP_BOTTOM) + y(h, CHIN)) / 2;
        m[midline(k++)] = texture(image, projector, x(h, CHIN), cy, (z(h, LOWER_LIP_BOTTOM) + z(h, CHIN)) / 2, 20, 10);
        return m;
    }

    /**
     * Wrinkle/furrow energy of a w x hgt mm patch centred on (cx, cy, cz) in the head frame, facing the camera axis
     * of the head: log(mean |I(p) - I(p + step)| over both grid directions / (mean I + 8)).
     */
    private static float texture(RgbImage image, Projector p, float cx, float cy, float cz, float w, float hgt) {
        float[] gray = new float[GRID * GRID];
        float[] uv = new float[2];
        double brightness = 0;
        for (int j = 0; j < GRID; j++)
            for (int i = 0; i < GRID; i++) {
                p.project(cx + w * ((i + 0.5f) / GRID - 0.5f), cy + hgt * ((j + 0.5f) / GRID - 0.5f), cz, uv);
                float v = sample(image, uv[0], uv[1]);
                gray[j * GRID + i] = v;
                brightness += v;
            }
        brightness /= gray.length;
        double diff = 0;
        int n = 0;
        for (int j = 0; j < GRID; j++)
            for (int i = 0; i < GRID; i++) {
                float v = gray[j * GRID + i];
                if (i + 1 < GRID) {
                    diff += Math.abs(gray[j * GRID + i + 1] - v);
                    n++;
                }
                if (j + 1 < GRID) {
                    diff += Math.abs(gray[(j + 1) * GRID + i] - v);
                    n++;
                }
            }
        return (float) Math.log((diff / n + 0.5) / (brightness + 8));
    }

    /** Bilinear luma (BT.601) at (u, v), clamped to the image. */
    private static float sample(RgbImage image, float u, float v) {
        int w = image.width(), hgt = image.height();
        u = Math.max(0, Math.min(w - 1.001f, u));
        v = Math.max(0, Math.min(hgt - 1.001f, v));
        int x0 = (int) u, y0 = (int) v;
        float fx = u - x0, fy = v - y0;
        byte[] rgb = image.rgb();
        float a = luma(rgb, (y0 * w + x0) * 3), b = luma(rgb, (y0 * w + x0 + 1) * 3);
        float c = luma(rgb, ((y0 + 1) * w + x0) * 3), d = luma(rgb, ((y0 + 1) * w + x0 + 1) * 3);
        return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }

    private static float luma(byte[] rgb, int i) {
        return 0.299f * (rgb[i] & 0xff) + 0.587f * (rgb[i + 1] & 0xff) + 0.114f * (rgb[i + 2] & 0xff);
    }

    /** Head frame (mm) to image pixels through the pose and camera: the inverse of the lifting. */
    private record Projector(HeadPose pose, CameraIntrinsics k) {
        void project(float x, float y, float z, float[] out) {
            float[] r = pose.rotation();
            double cx = r[0] * x + r[1] * y + r[2] * z + pose.tx();
            double cy = r[3] * x + r[4] * y + r[5] * z + pose.ty();
            double cz = r[6] * x + r[7] * y + r[8] * z + pose.tz();
            out[0] = (float) (k.fx() * cx / cz + k.cx());
            out[1] = (float) (k.fy() * cy / cz + k.cy());
        }
    }

    private static float meanY(float[] h, int[] vertices) {
        float sum = 0;
        for (int v : vertices) sum += y(h, v);
        return sum / vertices.length;
    }

    private static float x(float[] h, int v) {
        return h[3 * v];
    }

    private static float y(float[] h, int v) {
        return h[3 * v + 1];
    }

    private static float z(float[] h, int v) {
        return h[3 * v + 2];
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String s : SIDED) {
            names.add(s + "_R");
            names.add(s + "_L");
        }
        names.addAll(MIDLINE);
        return Collections.unmodifiableList(names);
    }
}
