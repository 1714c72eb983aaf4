package org.facsflow.apps.live;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.facsflow.io.AtomicFile;
import org.facsflow.media.RgbImage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The processed frames as they came from the source, without overlays, as MP4 (MPEG-4 Part 2, which every FFmpeg
 * build encodes): only with {@code --record-video}, as frames identify a person. Each frame is placed at its own
 * timestamp, counted from the first, so a run that dropped frames still plays back at the right speed and lines up
 * with the CSV's timestamps. Written atomically, like every facsflow output.
 */
final class VideoRecording implements AutoCloseable {
    private final AtomicFile file;
    private final FFmpegFrameRecorder recorder;
    private final Frame frame;
    private final double frameRate;
    private double start = Double.NaN;
    private long lastTick = -1;
    private boolean stopped;

    /** @param frameRate the source's rate, the video's time base; 0 when unknown (30 is used) */
    VideoRecording(Path target, int width, int height, double frameRate) throws IOException {
        this.frameRate = frameRate > 0 ? frameRate : 30;
        this.file = AtomicFile.byName(target);
        this.recorder = new FFmpegFrameRecorder(file.tempPath().toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(this.frameRate);
        recorder.setVideoQuality(4); // MPEG-4 quantiser: visually clean
        this.frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        try {
            recorder.start();
        } catch (FrameRecorder.Exception e) {
            file.close();
            frame.close();
            throw new IOException(target + ": cannot start the video (" + e.getMessage() + ")", e);
        }
    }

    /** Appends a frame at its timestamp; one of another size (a camera reopened differently) is left out. */
    void write(RgbImage image) throws IOException {
        if (image.width() != frame.imageWidth || image.height() != frame.imageHeight) return;
        if (Double.isNaN(start)) start = image.timestampSeconds();
        long tick = Math.round((image.timestampSeconds() - start) * frameRate);
        if (tick <= lastTick) return; // two frames within one tick of the time base: the first stands
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        int row = image.width() * 3;
        for (int y = 0; y < image.height(); y++) pixels.put(y * frame.imageStride, image.rgb(), y * row, row);
        try {
            recorder.setFrameNumber((int) tick);
            recorder.record(frame, avutil.AV_PIX_FMT_RGB24);
        } catch (FrameRecorder.Exception e) {
            throw new IOException(file.target() + ": cannot write a video frame (" + e.getMessage() + ")", e);
        }
        lastTick = tick;
    }

    void commit() throws IOException {
        stop();
        file.commit();
    }

    Path target() {
        return file.target();
    }

    private void stop() throws IOException {
        if (stopped) return;
        stopped = true;
        try {
            recorder.close();
        } catch (FrameRecorder.Exception e) {
            throw new IOException(file.target() + ": cannot finish the video (" + e.getMessage() + ")", e);
        } finally {
            frame.close();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            stop();
        } finally {
            file.close();
        }
    }
}
