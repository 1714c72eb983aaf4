package org.facsflow.apps.live;

import org.bytedeco.ffmpeg.global.avutil;
import org.facsflow.apps.output.AuColumns;
import org.facsflow.apps.output.ColumnGroup;
import org.facsflow.apps.output.FaceColumns;
import org.facsflow.apps.output.FaceCsvWriter;
import org.facsflow.apps.output.FaceRow;
import org.facsflow.apps.output.Mp4Writer;
import org.facsflow.face.FaceObservation;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.media.RgbImage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the `r` key records between two presses: one CSV row per tracked face per processed frame, with the face
 * stage's columns and the AU coder's (as {@code facsflow analyze} writes them; no mesh), and the frames themselves
 * only when the run was started with {@code --record-video}. As in OpenFace (and {@code analyze} on videos) a face
 * being tracked but not found gets a row with success = 0, and a frame without any face one such row for face 0.
 * Frames and timestamps count from the recording's first frame, so the CSV lines up with the recorded video.
 * Files appear whole on {@link #commit()} or not at all. Processing thread only.
 */
final class Recording implements AutoCloseable {
    private final Path csvPath;
    private final FaceCsvWriter csv;
    private final Mp4Writer video;
    /** The AU coding of each face being written, for the AU columns. */
    private final Map<FaceObservation, AuFrame> aus = new IdentityHashMap<>();
    private double start = Double.NaN;
    private long frames;

    private Recording(Path csvPath, String separator, Mp4Writer video) throws IOException {
        this.csvPath = csvPath;
        this.video = video;
        List<ColumnGroup> columns = new ArrayList<>(FaceColumns.standard(false));
        columns.add(AuColumns.of(row -> row.success() ? aus.get(row.face()) : null));
        this.csv = new FaceCsvWriter(csvPath, columns, separator);
    }

    /**
     * @param stem      file name without extension; the CSV is {@code stem.csv}, the video {@code stem.mp4}
     * @param withVideo also record the frames (at {@code first}'s size)
     */
    static Recording start(Path dir, String stem, String separator, boolean withVideo, RgbImage first,
                           double frameRate) throws IOException {
        Mp4Writer video = withVideo
                ? Mp4Writer.start(dir.resolve(stem + ".mp4"), first.width(), first.height(), frameRate) : null;
        try {
            return new Recording(dir.resolve(stem + ".csv"), separator, video);
        } catch (IOException | RuntimeException e) {
            if (video != null) video.close();
            throw e;
        }
    }

    void write(LiveFrame frame, RgbImage image) throws IOException {
        if (Double.isNaN(start)) start = frame.timestamp();
        frames++;
        double time = frame.timestamp() - start;
        for (LiveFrame.Face f : frame.faces()) {
            if (f.found()) aus.put(f.face(), f.aus());
            csv.write(new FaceRow(frames, time, f.faceId(), f.confidence(), f.face()));
        }
        if (frame.faces().isEmpty()) csv.write(new FaceRow(frames, time, 0, 0, null));
        aus.clear();
        // A camera reopened at another size: its frames are left out of the video (the CSV goes on).
        if (video != null && image.width() == video.width() && image.height() == video.height())
            video.write(image.rgb(), avutil.AV_PIX_FMT_RGB24, image.timestampSeconds());
    }

    long rows() {
        return csv.rows();
    }

    /** Makes the files appear under their names; returns them. */
    List<Path> commit() throws IOException {
        csv.commit();
        List<Path> written = new ArrayList<>(List.of(csvPath));
        if (video != null) {
            video.commit();
            written.add(video.target());
        }
        return written;
    }

    @Override
    public void close() throws IOException {
        try {
            csv.close();
        } finally {
            if (video != null) video.close();
        }
    }
}
