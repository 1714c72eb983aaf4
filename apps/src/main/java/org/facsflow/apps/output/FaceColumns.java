package org.facsflow.apps.output;

import org.facsflow.face.FaceObservation;
import org.facsflow.face.Gaze;
import org.facsflow.face.HeadPose;

import java.util.ArrayList;
import java.util.List;

/**
 * The face stage's column groups. Names and order follow OpenFace 2's FeatureExtraction CSV where a column exists
 * there, so its readers work unchanged; our own columns (face box, mesh) come after them.
 */
public final class FaceColumns {
    private FaceColumns() {
    }

    /** frame, face_id, timestamp, confidence, success (1 measured, 0 not found): written for every row. */
    public static final ColumnGroup FRAME = new ColumnGroup() {
        private final List<String> names = List.of("frame", "face_id", "timestamp", "confidence", "success");

        @Override
        public List<String> names() {
            return names;
        }

        @Override
        public void append(FaceRow row, CsvRow out) {
            out.integer(row.frame());
            out.integer(row.faceId());
            out.number(row.timestamp(), 3);
            out.number(row.confidence(), 2);
            out.integer(row.success() ? 1 : 0);
        }
    };

    public static final ColumnGroup GAZE = group(List.of("gaze_0_x", "gaze_0_y", "gaze_0_z", "gaze_1_x", "gaze_1_y",
            "gaze_1_z", "gaze_angle_x", "gaze_angle_y"), (face, out) -> {
        Gaze g = face.gaze();
        for (float v : g.direction0()) out.number(v, 6);
        for (float v : g.direction1()) out.number(v, 6);
        out.number(g.angleX(), 3);
        out.number(g.angleY(), 3);
    });

    public static final ColumnGroup POSE = group(List.of("pose_Tx", "pose_Ty", "pose_Tz", "pose_Rx", "pose_Ry", "pose_Rz"),
            (face, out) -> {
                HeadPose p = face.pose();
                out.number(p.tx(), 1);
                out.number(p.ty(), 1);
                out.number(p.tz(), 1);
                out.number(p.rx(), 3);
                out.number(p.ry(), 3);
                out.number(p.rz(), 3);
            });

    /** x_0..x_67 then y_0..y_67, pixels. */
    public static final ColumnGroup LANDMARKS_2D = group(axes(List.of("x", "y"), FaceObservation.LANDMARKS_68),
            (face, out) -> planar(face.landmarks68(), 2, out, 1));

    /** X_0..X_67, Y_0..Y_67, Z_0..Z_67, millimetres in camera coordinates. */
    public static final ColumnGroup LANDMARKS_3D = group(axes(List.of("X", "Y", "Z"), FaceObservation.LANDMARKS_68),
            (face, out) -> planar(face.landmarks68World(), 3, out, 1));

    /** Ours: the face box from the mesh extent, pixels. */
    public static final ColumnGroup FACE_BOX = group(List.of("face_x", "face_y", "face_width", "face_height"),
            (face, out) -> {
                out.number(face.box().x(), 1);
                out.number(face.box().y(), 1);
                out.number(face.box().width(), 1);
                out.number(face.box().height(), 1);
            });

    /** Ours, written only on request (a mesh is identifying): mesh_x_0..mesh_x_477, then y, then z. */
    public static final ColumnGroup MESH = group(axes(List.of("mesh_x", "mesh_y", "mesh_z"), FaceObservation.MESH_POINTS),
            (face, out) -> planar(face.mesh(), 3, out, 2));

    /** The default face-stage columns, plus the mesh when asked. */
    public static List<ColumnGroup> standard(boolean mesh) {
        List<ColumnGroup> groups = new ArrayList<>(List.of(FRAME, GAZE, POSE, LANDMARKS_2D, LANDMARKS_3D, FACE_BOX));
        if (mesh) groups.add(MESH);
        return groups;
    }

    /** Interleaved (x0, y0, ...) values written axis by axis (all x, then all y), as OpenFace lays them out. */
    private static void planar(float[] interleaved, int dims, CsvRow out, int decimals) {
        for (int d = 0; d < dims; d++)
            for (int i = d; i < interleaved.length; i += dims) out.number(interleaved[i], decimals);
    }

    private static List<String> axes(List<String> prefixes, int count) {
        List<String> names = new ArrayList<>();
        for (String p : prefixes) for (int i = 0; i < count; i++) names.add(p + "_" + i);
        return names;
    }

    /** A group of the face's measurements: empty fields in a row without them (success = 0), like NaN. */
    private static ColumnGroup group(List<String> names, ColumnGroup.Fields<FaceObservation> fields) {
        return ColumnGroup.of(names, FaceRow::face, fields);
    }
}
