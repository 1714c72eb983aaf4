package org.facsflow.facs.calibration;

import org.facsflow.face.FaceObservation;
import org.facsflow.face.track.TrackingPipeline;
import org.facsflow.facs.coding.FaceFeatures;
import org.facsflow.facs.coding.QualityGate;
import org.facsflow.facs.validation.OpenFaceCsv;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One video with its frame-level reference, tracked and measured for calibration: per frame the followed face
 * ({@link ObservationTrack}), its {@link FaceFeatures} vector (null where no face was followed) and its
 * {@link QualityGate} verdict. Both expensive steps are cached under the cache folder, keyed by the video's SHA-256
 * (and both formats' versions for the vectors), so a second run only reads files. The cache holds meshes and
 * appearance of real people: identifying, written only where the user points it.
 *
 * @param name   the clip's name (reports)
 * @param person who is in it: cross-validation holds a person's clips out together
 */
public record TrainingClip(String name, String person, String sha256, List<FaceObservation> faces, float[][] features,
                           double[] timestamps, OpenFaceCsv reference) {
    private static final int MAGIC = 0x46464541;

    /**
     * A video to calibrate on, with its reference (OpenFace layout) and who is in it.
     *
     * @param maxFrames only its first frames (quick trials and tests); 0: all
     */
    public record Source(String name, String person, Path video, Path reference, int maxFrames) {
        public Source(String name, String person, Path video, Path reference) {
            this(name, person, video, reference, 0);
        }
    }

    /** The verdict of frame i (NONE where no face). */
    public QualityGate.Verdict verdict(int i) {
        return QualityGate.judge(faces.get(i));
    }

    /** Whether frame i has a face the quality gate lets be measured (and so a features vector). */
    public boolean measurable(int i) {
        return features[i] != null && verdict(i).face();
    }

    public int frames() {
        return faces.size();
    }

    /** Tracks and measures {@code source}, or reads both from {@code cache}. */
    public static TrainingClip load(Source source, Path cache, TrackingPipeline pipeline, FaceFeatures extractor)
            throws IOException, MediaException {
        String sha = AssetStore.sha256(source.video());
        OpenFaceCsv reference = OpenFaceCsv.read(source.reference());
        String key = source.maxFrames() > 0 ? sha + "-first" + source.maxFrames() : sha;
        ObservationTrack track = ObservationTrack.cached(source.video(), cache.resolve(key + ".track"), pipeline, reference,
                source.maxFrames());
        Path file = cache.resolve(key + ".features" + FaceFeatures.VERSION + "-track" + ObservationTrack.VERSION);
        Vectors v = null;
        if (Files.isRegularFile(file)) {
            try {
                v = read(file, track.frames().size());
            } catch (IOException stale) {
                // recomputed below
            }
        }
        if (v == null) {
            v = measure(source.video(), track, extractor);
            write(file, v);
        }
        return new TrainingClip(source.name(), source.person(), sha, track.frames(), v.features, v.timestamps, reference);
    }

    private record Vectors(float[][] features, double[] timestamps) {
    }

    private static Vectors measure(Path video, ObservationTrack track, FaceFeatures extractor) throws MediaException {
        List<FaceObservation> faces = track.frames();
        float[][] features = new float[faces.size()][];
        double[] timestamps = new double[faces.size()];
        try (VideoSource source = VideoSources.open(video.toString())) {
            int i = 0;
            for (RgbImage frame = source.next(); frame != null && i < faces.size(); frame = source.next(), i++) {
                timestamps[i] = frame.timestampSeconds();
                if (faces.get(i) != null) features[i] = extractor.extract(faces.get(i), frame);
            }
            if (i != faces.size())
                throw new MediaException(video, "has " + i + " frames, but its cached track " + faces.size()
                        + ": delete the stale cache");
        }
        return new Vectors(features, timestamps);
    }

    private static void write(Path file, Vectors v) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            head.putInt(MAGIC).putInt(v.features.length).putInt(FaceFeatures.LENGTH).flip();
            out.write(head);
            ByteBuffer frame = ByteBuffer.allocate(9 + 4 * FaceFeatures.LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < v.features.length; i++) {
                frame.clear();
                frame.putDouble(v.timestamps[i]).put((byte) (v.features[i] == null ? 0 : 1));
                if (v.features[i] != null) frame.asFloatBuffer().put(v.features[i]);
                frame.position(v.features[i] == null ? 9 : frame.capacity()).flip();
                while (frame.hasRemaining()) out.write(frame);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Vectors read(Path file, int frames) throws IOException {
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (all.getInt() != MAGIC || all.getInt() != frames || all.getInt() != FaceFeatures.LENGTH)
            throw new IOException(file + ": stale feature cache");
        float[][] features = new float[frames][];
        double[] timestamps = new double[frames];
        for (int i = 0; i < frames; i++) {
            timestamps[i] = all.getDouble();
            if (all.get() == 0) continue;
            features[i] = new float[FaceFeatures.LENGTH];
            all.asFloatBuffer().get(features[i]);
            all.position(all.position() + 4 * FaceFeatures.LENGTH);
        }
        return new Vectors(features, timestamps);
    }
}
