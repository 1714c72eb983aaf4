package org.facsflow.facs.coding;

import org.facsflow.face.FaceBox;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.HeadPose;
import org.facsflow.face.OcclusionCheck;
import org.facsflow.face.landmarks.Ibug68MeshIndex;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
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
import java.util.List;

/**
 * The followed face of every frame of a video (null where none), the expensive part of calibration, cached on disk
 * so that measures can be recomputed without running the face models again. The cache holds what the coder needs
 * (confidence, box, mesh, occlusion check, pose), not gaze. It is a mesh, i.e. identifying: it is written only where
 * the user points the cache.
 */
public final class ObservationTrack {
    private static final int MAGIC = 0x46414354, VERSION = 2;

    private final List<FaceObservation> frames;

    public ObservationTrack(List<FaceObservation> frames) {
        this.frames = Collections.unmodifiableList(new ArrayList<>(frames));
    }

    /** Frame i (0-based decode order; OpenFace's frame number is i + 1); null where no face was followed. */
    public List<FaceObservation> frames() {
        return frames;
    }

    /** Follows the face through every frame of {@code video}. */
    public static ObservationTrack follow(Path video, FaceFollower follower) throws MediaException {
        List<FaceObservation> faces = new ArrayList<>();
        try (VideoSource source = VideoSources.open(video.toString())) {
            for (RgbImage frame = source.next(); frame != null; frame = source.next()) faces.add(follower.next(frame));
        }
        return new ObservationTrack(faces);
    }

    /** The cached track in {@code file} if present and readable, else follows the video and writes the cache. */
    public static ObservationTrack cached(Path video, Path file, FaceFollower follower) throws MediaException, IOException {
        if (Files.isRegularFile(file)) {
            try {
                return read(file);
            } catch (IOException stale) {
                // An unreadable or old-format cache is recomputed rather than trusted.
            }
        }
        ObservationTrack track = follow(video, follower);
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
