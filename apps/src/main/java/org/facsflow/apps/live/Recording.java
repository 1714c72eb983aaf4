package org.facsflow.apps.live;

import org.bytedeco.ffmpeg.global.avutil;
import org.facsflow.apps.output.Mp4Writer;
import org.facsflow.media.RgbImage;
import org.facsflow.pipeline.FrameResult;
import org.facsflow.pipeline.table.ResultCsvWriter;
import org.facsflow.pipeline.table.ResultSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the `r` key records between two presses: one CSV row per tracked face per processed frame, in the declared
 * result table's columns as {@code facsflow analyze} writes them (no mesh), affect included, and the frames themselves
 * only when the run was started with {@code --record-video}. Frame numbers and timestamps are the source's, as
 * everywhere (a camera's frames are numbered in capture order, so gaps are frames the window dropped). As in OpenFace
 * a face being tracked but not found gets a row with success = 0, and a frame without any face one such row for face 0.
 * Files appear whole on {@link #commit()} or not at all. Processing thread only.
 */
final class Recording implements AutoCloseable {
    private final ResultCsvWriter csv;
    private final Mp4Writer video;

    private Recording(ResultCsvWriter csv, Mp4Writer video) {
        this.csv = csv;
        this.video = video;
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
            return new Recording(new ResultCsvWriter(dir.resolve(stem + ".csv"), ResultSchema.standard(false), separator), video);
        } catch (IOException | RuntimeException e) {
            if (video != null) video.close();
            throw e;
        }
    }

    void write(FrameResult frame) throws IOException {
        csv.accept(frame);
        RgbImage image = frame.image();
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
        List<Path> written = new ArrayList<>(List.of(csv.target()));
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
