package org.facsflow.media;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** A {@link VideoSource} over JavaCV's FFmpeg grabber, which converts every frame to RGB24 as it decodes it. */
final class FfmpegVideoSource implements VideoSource {
    private final FFmpegFrameGrabber grabber;
    private final Path file; // null for live sources
    private final String source;
    private final long startMicros;
    private final double frameRate;
    private final long frameCountEstimate;
    private long framesRead;

    private FfmpegVideoSource(FFmpegFrameGrabber grabber, Path file, String source) {
        this.grabber = grabber;
        this.file = file;
        this.source = source;
        AVFormatContext container = grabber.getFormatContext();
        // Frame times are stream times, and streams may start later than 0 (MPEG-TS, cut clips, cameras' clocks):
        // count from the start, as players show the time.
        this.startMicros = container.start_time() == avutil.AV_NOPTS_VALUE ? 0 : container.start_time();
        double fps = grabber.getFrameRate(); // NaN when the stream states no rate (0/0)
        this.frameRate = Double.isFinite(fps) && fps > 0 ? fps : 0;
        this.frameCountEstimate = estimateFrameCount(grabber, container, frameRate);
    }

    /**
     * Starts {@code grabber} and wraps it; releases it on failure.
     *
     * @param file the file read, or null for a live source
     * @param openProblem what to call a failure to open, e.g. "not a video, or damaged"
     */
    static VideoSource start(FFmpegFrameGrabber grabber, Path file, String source, String openProblem)
            throws MediaException {
        grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            releaseQuietly(grabber);
            throw failure(file, source, openProblem + " (" + FfmpegErrors.describe(e) + ")", e);
        }
        if (!grabber.hasVideo()) {
            releaseQuietly(grabber);
            throw failure(file, source, "no video stream", null);
        }
        return new FfmpegVideoSource(grabber, file, source);
    }

    private static long estimateFrameCount(FFmpegFrameGrabber grabber, AVFormatContext container, double fps) {
        int stream = grabber.getVideoStream();
        long counted = stream >= 0 ? container.streams(stream).nb_frames() : 0;
        if (counted > 0) return counted;
        long micros = grabber.getLengthInTime();
        return micros > 0 && fps > 0 ? Math.round(micros * fps / 1e6) : -1;
    }

    @Override
    public RgbImage next() throws MediaException {
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            throw failure(file, source,
                    "damaged video data after frame " + framesRead + " (" + FfmpegErrors.describe(e) + ")", e);
        }
        if (frame == null) return null;
        framesRead++;
        return new RgbImage(frame.imageWidth, frame.imageHeight, copyRgb(frame),
                (frame.timestamp - startMicros) / 1e6);
    }

    /** One bulk copy per frame, or per row when the decoder pads rows (imageStride is then more than width * 3). */
    private static byte[] copyRgb(Frame frame) {
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        int row = frame.imageWidth * 3, stride = frame.imageStride, height = frame.imageHeight;
        byte[] rgb = new byte[row * height];
        if (stride == row) {
            pixels.get(0, rgb, 0, rgb.length);
        } else {
            for (int y = 0; y < height; y++) pixels.get(y * stride, rgb, y * row, row);
        }
        return rgb;
    }

    @Override
    public double frameRate() {
        return frameRate;
    }

    @Override
    public int width() {
        return grabber.getImageWidth();
    }

    @Override
    public int height() {
        return grabber.getImageHeight();
    }

    @Override
    public long frameCountEstimate() {
        return frameCountEstimate;
    }

    @Override
    public void close() throws MediaException {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            throw failure(file, source, "could not close (" + FfmpegErrors.describe(e) + ")", e);
        }
    }

    private static MediaException failure(Path file, String source, String problem, Throwable cause) {
        return file != null ? new MediaException(file, problem, cause) : new MediaException(source, problem, cause);
    }

    /** After a failed start the start failure is what matters; a second failure while cleaning up adds nothing. */
    private static void releaseQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception ignored) {
            // the start failure is being reported
        }
    }
}
