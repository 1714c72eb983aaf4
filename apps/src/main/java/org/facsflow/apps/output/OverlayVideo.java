package org.facsflow.apps.output;

import org.facsflow.io.AtomicFile;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.media.RgbImage;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * The annotated copy of a video ({@link OverlayRenderer} on every frame), MP4 at the source's frame rate, written
 * atomically: it appears under its name only after {@link #commit()}. H.264 where the FFmpeg build has an encoder for
 * it, else MPEG-4 Part 2, which every build has.
 */
public final class OverlayVideo implements AutoCloseable {
    private final AtomicFile file;
    private final FFmpegFrameRecorder recorder;
    private final OverlayRenderer renderer;
    private final Frame frame;
    private boolean stopped;

    private OverlayVideo(AtomicFile file, FFmpegFrameRecorder recorder, OverlayRenderer renderer, int width, int height) {
        this.file = file;
        this.recorder = recorder;
        this.renderer = renderer;
        this.frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
    }

    /** @param fps the source's frame rate; 0 when unknown (30 is written) */
    public static OverlayVideo start(Path target, int width, int height, double fps, boolean drawMesh) throws IOException {
        AtomicFile file = AtomicFile.byName(target);
        try {
            FFmpegFrameRecorder recorder = open(file.tempPath(), width, height, fps > 0 ? fps : 30, avcodec.AV_CODEC_ID_H264);
            if (recorder == null) recorder = open(file.tempPath(), width, height, fps > 0 ? fps : 30, avcodec.AV_CODEC_ID_MPEG4);
            if (recorder == null) throw new IOException("FFmpeg has no H.264 or MPEG-4 encoder");
            return new OverlayVideo(file, recorder, new OverlayRenderer(drawMesh), width, height);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static FFmpegFrameRecorder open(Path path, int width, int height, double fps, int codec) {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(path.toFile(), width, height);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(codec);
        recorder.setFrameRate(fps);
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

    /** Draws the faces measured in this frame over it and appends it. */
    public void write(RgbImage image, List<FaceObservation> faces, CameraIntrinsics camera) throws IOException {
        BufferedImage drawn = renderer.render(image, faces, camera);
        byte[] bgr = ((DataBufferByte) drawn.getRaster().getDataBuffer()).getData();
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        int row = image.width() * 3;
        for (int y = 0; y < image.height(); y++) pixels.put(y * frame.imageStride, bgr, y * row, row);
        try {
            recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot encode the overlay video: " + e.getMessage(), e);
        }
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
            throw new IOException("cannot finish the overlay video: " + e.getMessage(), e);
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
