package org.facsflow.apps.output;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.facsflow.io.AtomicFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * An MP4 written atomically (it appears under its name only after {@link #commit()}), H.264 where the FFmpeg build
 * has an encoder for it, else MPEG-4 Part 2, which every build has. Each frame is placed at its own timestamp,
 * counted from the first, so variable-rate sources and runs that dropped frames play back at the right speed and
 * line up with the CSV's timestamps. Not thread-safe.
 */
public final class Mp4Writer implements AutoCloseable {
    private final AtomicFile file;
    private final FFmpegFrameRecorder recorder;
    private final Frame frame;
    private final double frameRate;
    private double start = Double.NaN;
    private long lastTick = -1;
    private boolean stopped;

    private Mp4Writer(AtomicFile file, FFmpegFrameRecorder recorder, int width, int height, double frameRate) {
        this.file = file;
        this.recorder = recorder;
        this.frameRate = frameRate;
        this.frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
    }

    /** @param frameRate the source's rate, the video's time base; 0 when unknown (30 is used) */
    public static Mp4Writer start(Path target, int width, int height, double frameRate) throws IOException {
        double rate = frameRate > 0 ? frameRate : 30;
        AtomicFile file = AtomicFile.byName(target);
        try {
            FFmpegFrameRecorder recorder = open(file.tempPath(), width, height, rate, avcodec.AV_CODEC_ID_H264);
            if (recorder == null) recorder = open(file.tempPath(), width, height, rate, avcodec.AV_CODEC_ID_MPEG4);
            if (recorder == null) throw new IOException(target + ": FFmpeg has no H.264 or MPEG-4 encoder");
            return new Mp4Writer(file, recorder, width, height, rate);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static FFmpegFrameRecorder open(Path path, int width, int height, double rate, int codec) {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(path.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(codec);
        recorder.setFrameRate(rate);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setVideoQuality(codec == avcodec.AV_CODEC_ID_MPEG4 ? 4 : 23); // q scale / CRF: visually clean
        try {
            recorder.start();
            return recorder;
        } catch (FrameRecorder.Exception e) {
            try {
                recorder.release();
            } catch (FrameRecorder.Exception ignored) {
                // the start failure decides: try the next codec
            }
            return null;
        }
    }

    public int width() {
        return frame.imageWidth;
    }

    public int height() {
        return frame.imageHeight;
    }

    public Path target() {
        return file.target();
    }

    /**
     * Appends a frame at {@code timestamp} seconds. Two frames within one tick of the time base: the first stands.
     *
     * @param pixels      rows of width x 3 bytes, no padding
     * @param pixelFormat {@code avutil.AV_PIX_FMT_RGB24} or {@code AV_PIX_FMT_BGR24}
     */
    public void write(byte[] pixels, int pixelFormat, double timestamp) throws IOException {
        if (Double.isNaN(start)) start = timestamp;
        long tick = Math.round((timestamp - start) * frameRate);
        if (tick <= lastTick) return;
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        int row = frame.imageWidth * 3;
        for (int y = 0; y < frame.imageHeight; y++) buffer.put(y * frame.imageStride, pixels, y * row, row);
        try {
            recorder.setFrameNumber((int) tick);
            recorder.record(frame, pixelFormat);
        } catch (FrameRecorder.Exception e) {
            throw new IOException(file.target() + ": cannot write a video frame (" + e.getMessage() + ")", e);
        }
        lastTick = tick;
    }

    public void commit() throws IOException {
        stop();
        file.commit();
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
