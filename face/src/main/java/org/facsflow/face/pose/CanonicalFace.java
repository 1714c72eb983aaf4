package org.facsflow.face.pose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.facsflow.face.landmarks.Ibug68MeshIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * MediaPipe's canonical face (the {@code canonical-face.json} that set-up extracts) in OpenFace's head frame: x to
 * the image's right when the face looks at the camera (the subject's left), y down, z away from the camera, in mm.
 * MediaPipe's frame has y up and z towards the viewer, so (x, y, z) cm becomes (10x, -10y, -10z) mm, a 180 degree
 * turn about x rather than a mirror.
 *
 * <p>The origin is moved to the centroid of the 68 iBUG vertices, because OpenFace's pose_T is the position of its
 * 68-point model's centre (checked on OpenFace's own landmarks in shared/reference: Tx and Ty then agree to about
 * 1 mm, 2 mm on the photo). The model is a fixed average face, so distances measured against it, and pose_Tz, assume a face of
 * canonical size.
 */
public final class CanonicalFace {
    public static final int VERTICES = 468;

    private final float[] vertices;
    private final int[] rigidIndices;

    private CanonicalFace(float[] vertices, int[] rigidIndices) {
        this.vertices = vertices;
        this.rigidIndices = rigidIndices;
    }

    /**
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException when it is not a canonical face
     */
    public static CanonicalFace load(Path json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the canonical face " + json, e);
        }
        JsonNode v = root.path("vertices"), w = root.path("procrustesWeights");
        if (!"cm".equals(root.path("units").asText()) || v.size() != VERTICES * 3 || w.size() != VERTICES)
            throw new IllegalArgumentException(
                    json + " is not a canonical face in cm with " + VERTICES + " vertices and weights");
        float[] mm = new float[VERTICES * 3];
        for (int i = 0; i < mm.length; i++) mm[i] = (i % 3 == 0 ? 10f : -10f) * v.get(i).floatValue();
        centreOnIbug68(mm);
        // The Procrustes basis is MediaPipe's choice of vertices that move with the skull, not with expressions.
        int[] rigid = new int[VERTICES];
        int n = 0;
        for (int i = 0; i < VERTICES; i++) if (w.get(i).floatValue() > 0) rigid[n++] = i;
        if (n < 6) throw new IllegalArgumentException(json + " has only " + n + " Procrustes landmarks");
        return new CanonicalFace(mm, Arrays.copyOf(rigid, n));
    }

    private static void centreOnIbug68(float[] mm) {
        for (int axis = 0; axis < 3; axis++) {
            double sum = 0;
            for (int j = 0; j < Ibug68MeshIndex.POINTS; j++) sum += mm[3 * Ibug68MeshIndex.meshIndex(j) + axis];
            float mean = (float) (sum / Ibug68MeshIndex.POINTS);
            for (int i = axis; i < mm.length; i += 3) mm[i] -= mean;
        }
    }

    /** 468 x 3 vertex coordinates, head frame, mm; shared, do not modify. */
    public float[] vertices() {
        return vertices;
    }

    /** The vertices of MediaPipe's Procrustes basis (33 on the released model), ascending; shared, do not modify. */
    public int[] rigidIndices() {
        return rigidIndices;
    }
}
