package org.facsflow.facs.calibration;

import org.facsflow.face.FaceBox;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.HeadPose;
import org.facsflow.face.OcclusionCheck;
import org.facsflow.face.landmarks.Ibug68MeshIndex;
import org.facsflow.face.track.TrackedFace;
import org.facsflow.face.track.TrackingPipeline;
import org.facsflow.facs.validation.FrameKey;
import org.facsflow.facs.validation.OpenFaceCsv;
import org.facsflow.facs.validation.OpenFaceRow;
import org.facsflow.media.MediaException;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The followed face of every frame of a video (null where none), the expensive part of calibration, cached on disk
 * so that measures can be recomputed without running the face models again. The cache holds what the coder needs
 * (confidence, box, mesh, occlusion check, pose), not gaze. It is a mesh, i.e. identifying: it is written only where
 * the user points the cache.
 */
public final class ObservationTrack {
    private static final int MAGIC = 0x46414354;
    /** The cache format; also in the features cache's name, so that features of an older track are not reused. */
    static final int VERSION = 4;

    private final List<FaceObservation> frames;

    public ObservationTrack(List<FaceObservation> frames) {
        this.frames = Collections.unmodifiableList(new ArrayList<>(frames));
    }

    /** Frame i (0-based decode order; OpenFace's frame number is i + 1); null where no face was followed. */
    public List<FaceObservation> frames() {
        return frames;
    }

    /**
     * Follows the face through every frame of {@code video} with the real face stage ({@link TrackingPipeline}, the
     * smoothed observations {@code analyze} codes). Where the reference has a face, the tracked face nearest to its
     * 68 points is taken (so the frames pair with the right person's reference values), else the face followed in
     * the frame before, else the largest.
     *
     * @param maxFrames the first frames only; 0: all
     */
    public static ObservationTrack follow(Path video, TrackingPipeline pipeline, OpenFaceCsv reference, int maxFrames)
            throws MediaException {
        List<FaceObservation> faces = new ArrayList<>();
        int[] previousId = {-1};
        try (VideoSource source = VideoSources.open(video.toString())) {
            pipeline.run(source, maxFrames, Double.POSITIVE_INFINITY, frame -> {
                FaceObservation chosen = choose(frame.faces(), reference.row(new FrameKey((int) frame.number(), 0))
                        .filter(OpenFaceRow::success).orElse(null), previousId[0]);
                previousId[0] = chosen == null ? -1 : chosen.faceId();
                faces.add(chosen);
            });
        }
        return new ObservationTrack(faces);
    }

    private static FaceObservation choose(List<TrackedFace> tracked, OpenFaceRow reference, int previousId) {
        List<FaceObservation> found = tracked.stream().map(TrackedFace::face).filter(f -> f != null).toList();
        if (reference != null) {
            double rx = 0, ry = 0;
            for (int j = 0; j < Ibug68MeshIndex.POINTS; j++) {
                rx += reference.value("x_" + j) / Ibug68MeshIndex.POINTS;
                ry += reference.value("y_" + j) / Ibug68MeshIndex.POINTS;
            }
            double cx = rx, cy = ry;
            // Nearest by the 68 points' centre; not OpenFace's face at all when farther than half a face away.
            return found.stream().filter(f -> Math.hypot(centre(f, 0) - cx, centre(f, 1) - cy) < f.box().width() / 2)
                    .min(Comparator.comparingDouble(f -> Math.hypot(centre(f, 0) - cx, centre(f, 1) - cy))).orElse(null);
        }
        return found.stream().filter(f -> f.faceId() == previousId).findFirst()
                .orElseGet(() -> found.stream().max(Comparator.comparingDouble(f -> f.box().area())).orElse(null));
    }

    private static double centre(FaceObservation f, int axis) {
        double sum = 0;
        for (int j = 0; j < Ibug68MeshIndex.POINTS; j++) sum += f.landmarks68()[2 * j + axis];
        return sum / Ibug68MeshIndex.POINTS;
    }

    /** The cached track in {@code file} if present and readable, else follows the video and writes the cache. */
    public static ObservationTrack cached(Path video, Path file, TrackingPipeline pipeline, OpenFaceCsv reference,
                                         int maxFrames) throws MediaException, IOException {
        if (Files.isRegularFile(file)) {
            try {
                return read(file);
            } catch (IOException stale) {
                // An unreadable or old-format cache is recomputed rather than trusted.
            }
        }
        ObservationTrack track = follow(video, pipeline, reference, maxFrames);
        track.write(file);
        return track;
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(frames.size());
            for (FaceObservation f : frames) {
                out.writeBoolean(f != null);
                if (f == null) continue;
                out.writeFloat(f.confidence());
                FaceBox b = f.box();
                for (float v : new float[]{b.x(), b.y(), b.width(), b.height()}) out.writeFloat(v);
                floats(out, f.mesh());
                out.writeFloat(f.occlusion().eyes());
                out.writeFloat(f.occlusion().mouth());
                HeadPose p = f.pose();
                for (float v : new float[]{p.tx(), p.ty(), p.tz(), p.rx(), p.ry(), p.rz()}) out.writeFloat(v);
                floats(out, p.rotation());
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static ObservationTrack read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) throw new IOException(file + ": not a track cache of this version");
            int n = in.readInt();
            List<FaceObservation> faces = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (!in.readBoolean()) {
                    faces.add(null);
                    continue;
                }
                float confidence = in.readFloat();
                FaceBox box = new FaceBox(in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat());
                float[] mesh = floats(in);
                OcclusionCheck occlusion = new OcclusionCheck(in.readFloat(), in.readFloat());
                float tx = in.readFloat(), ty = in.readFloat(), tz = in.readFloat();
                float rx = in.readFloat(), ry = in.readFloat(), rz = in.readFloat();
                HeadPose pose = new HeadPose(tx, ty, tz, rx, ry, rz, floats(in));
                faces.add(new FaceObservation(0, confidence, box, mesh, Ibug68MeshIndex.image68(mesh), null, pose, null,
                        occlusion));
            }
            return new ObservationTrack(faces);
        }
    }

    private static void floats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float x : v) out.writeFloat(x);
    }

    private static float[] floats(DataInputStream in) throws IOException {
        float[] v = new float[in.readInt()];
        for (int i = 0; i < v.length; i++) v[i] = in.readFloat();
        return v;
    }
}
