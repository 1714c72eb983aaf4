package org.facsflow.learn.server;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The file Chromium's fake camera plays (y4m, 320x240, 10 frames a second, looped), made at test time from set-up
 * media: a stretch of a face video, then a video without a face. Nothing of it is kept in the repository.
 */
final class FakeCamera {
    static final int FPS = 10;

    private FakeCamera() {
    }

    /**
     * @param face      the face video and how many seconds of it come first
     * @param noFace    the video without a face, looped to fill {@code noFaceSeconds}
     */
    static Path make(Path out, Path face, double faceSeconds, Path noFace, double noFaceSeconds) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), 320, 240, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR); // the muxer's stream summary is not news
            recorder.setFormat("yuv4mpegpipe");
            recorder.setVideoCodecName("rawvideo");
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.start();
            int written = append(recorder, converter, face, faceSeconds, 0);
            while (written < (faceSeconds + noFaceSeconds) * FPS)
                written = append(recorder, converter, noFace, faceSeconds + noFaceSeconds - written / (double) FPS, written);
            recorder.stop();
        }
        return out;
    }

    /** Frames of {@code video} resampled to {@value #FPS}/s for {@code seconds} (or to its end). */
    private static int append(FFmpegFrameRecorder recorder, Java2DFrameConverter converter, Path video, double seconds,
                              int written) throws Exception {
        try (VideoSource source = VideoSources.open(video.toString())) {
            double next = 0;
            for (RgbImage f = source.next(); f != null && next < seconds - 1e-9; f = source.next()) {
                if (f.timestampSeconds() + 1e-6 < next) continue;
                next += 1.0 / FPS;
                // 3-byte BGR: the converter hands FFmpeg a BGR24 frame, which it turns into YUV correctly
                recorder.record(converter.convert(FaceFrames.scaled(f.toBufferedImage(), 320, 240, BufferedImage.TYPE_3BYTE_BGR)));
                written++;
            }
        }
        return written;
    }
}
