package org.facsflow.media;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A {@link VideoSource} over JavaCV's FFmpeg grabber, which converts every frame to RGB24 as it decodes it. A video
 * whose display matrix turns it (phones store portrait video sideways and say so there) comes out as players show
 * it: turned by quarter turns, with {@link #width()} and {@link #height()} those of the turned frames.
 */
final class FfmpegVideoSource implements VideoSource {
    private final FFmpegFrameGrabber grabber;
    private final Path file; // null for live sources
    private final String source;
    private final long startMicros;
    private final double frameRate;
    private final long frameCountEstimate;
    /** EXIF-style orientation that puts decoded frames upright ({@link ExifOrientation#NORMAL} for most videos). */
    private final int orientation;
    /** The decoded frame before it is turned, reused: only turned videos need it. */
    private byte[] stored;
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
        // The display matrix turns counter-clockwise by getDisplayRotation() degrees (FFmpeg's convention).
        this.orientation = ExifOrientation.ofClockwiseTurn(-grabber.getDisplayRotation());
    }

    /**
     * Starts {@code grabber} and wraps it; releases it on failure.
     *
     * @param file the file read, or null for a live source
     * @param openProblem what to call a failure to open, e.g. "not a video, or damaged"
     */
    static VideoSource start(FFmpegFrameGrabber grabber, Path file, String source, String openProblem)
            throws MediaException {
        if (file != null) ContainerProbe.check(file);
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
        String tooLarge = InputFiles.sizeProblem("video frames", grabber.getImageWidth(), grabber.getImageHeight());
        if (tooLarge != null) {
            releaseQuietly(grabber);
            throw failure(file, source, tooLarge, null);
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
        double time = (frame.timestamp - startMicros) / 1e6;
        int w = frame.imageWidth, h = frame.imageHeight;
        if (orientation == ExifOrientation.NORMAL) return new RgbImage(w, h, copyRgb(frame, new byte[w * h * 3]), time);
        if (stored == null || stored.length != w * h * 3) stored = new byte[w * h * 3];
        return ExifOrientation.upright(new RgbImage(w, h, copyRgb(frame, stored), time), orientation);
    }

    /**
     * Copies the frame into {@code rgb}: one bulk copy, or one per row when the decoder pads rows (imageStride is
     * then more than width * 3).
     */
    private static byte[] copyRgb(Frame frame, byte[] rgb) {
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        int row = frame.imageWidth * 3, stride = frame.imageStride, height = frame.imageHeight;
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
        return ExifOrientation.swapsSides(orientation) ? grabber.getImageHeight() : grabber.getImageWidth();
    }

    @Override
    public int height() {
        return ExifOrientation.swapsSides(orientation) ? grabber.getImageWidth() : grabber.getImageHeight();
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
