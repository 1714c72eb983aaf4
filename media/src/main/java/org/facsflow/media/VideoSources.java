package org.facsflow.media;

import java.io.File;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Opens a {@link VideoSource} from a spec:
 * <ul>
 *   <li>a file path: any container and codec FFmpeg reads (MP4, MOV, MKV, AVI, WebM...);</li>
 *   <li>{@code camera:N}: the V4L2 camera {@code /dev/videoN};</li>
 *   <li>{@code lavfi:GRAPH}: an FFmpeg filter graph as a source, e.g. {@code lavfi:testsrc2=size=640x480:rate=30}
 *       (add {@code ,realtime} to pace it like a camera);</li>
 *   <li>{@code frames:FOLDER}: the folder's images as one video, in natural name order, at
 *       {@link #SEQUENCE_FRAME_RATE} frames per second unless the caller gives a rate.</li>
 * </ul>
 * Cameras and filter graphs need FFmpeg's device library, whose native code needs the system's PulseAudio client
 * library (Debian package {@code libpulse0}); files do not.
 */
public final class VideoSources {
    private static final String CAMERA = "camera:";
    private static final String LAVFI = "lavfi:";
    private static final String FRAMES = "frames:";
    /** Loads FFmpeg's native libraries now, so a caller can do it on a thread of its own before the first video. */
    public static void loadNatives() {
        try {
            FFmpegFrameGrabber.tryLoad();
        } catch (FrameGrabber.Exception e) {
            // the first open reports it, naming the file
        }
    }

    /** The rate an image sequence is timed at when none is given: a common camera rate. */
    public static final double SEQUENCE_FRAME_RATE = 30;

    static {
        // FFmpeg logs warnings about ordinary files to stderr; errors are kept, as they say why a file failed.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private VideoSources() {
    }

    public static VideoSource open(String spec) throws MediaException {
        return open(spec, SEQUENCE_FRAME_RATE);
    }

    /** As {@link #open(String)}, timing an image sequence ({@code frames:FOLDER}) at {@code sequenceFrameRate}. */
    public static VideoSource open(String spec, double sequenceFrameRate) throws MediaException {
        if (spec.startsWith(FRAMES)) return ImageSequenceSource.open(InputFiles.pathOf(spec.substring(FRAMES.length())),
                sequenceFrameRate);
        if (spec.startsWith(CAMERA)) return openCamera(spec, spec.substring(CAMERA.length()));
        if (spec.startsWith(LAVFI)) {
            requireDevices(spec);
            FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(spec.substring(LAVFI.length()));
            grabber.setFormat("lavfi");
            return FfmpegVideoSource.start(grabber, null, spec, "cannot open the filter graph");
        }
        Path file = InputFiles.pathOf(spec);
        InputFiles.requireNonEmptyFile(file);
        return FfmpegVideoSource.start(new FFmpegFrameGrabber(file.toFile()), file, spec, "not a video, or damaged");
    }

    /** Whether {@code spec} names a source (camera, filter graph, image sequence) rather than a file. */
    public static boolean isSourceSpec(String spec) {
        return spec.startsWith(CAMERA) || spec.startsWith(LAVFI) || spec.startsWith(FRAMES);
    }

    /** The spec that reads {@code folder}'s images as one video. */
    public static String sequenceSpec(Path folder) {
        return FRAMES + folder;
    }

    /** The folder of an image-sequence spec ({@code frames:FOLDER}), or null for any other spec. */
    public static Path sequenceFolder(String spec) {
        return spec.startsWith(FRAMES) ? Path.of(spec.substring(FRAMES.length())) : null;
    }

    private static VideoSource openCamera(String spec, String number) throws MediaException {
        if (!number.matches("\\d{1,3}"))
            throw new MediaException(spec, "not a camera number (use camera:0, camera:1, ...)", null);
        File device = new File("/dev/video" + number);
        if (!device.exists()) throw new MediaException(spec, "no such camera (" + device + " does not exist)", null);
        requireDevices(spec);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(device);
        grabber.setFormat("video4linux2");
        return FfmpegVideoSource.start(grabber, null, spec, "cannot open the camera");
    }

    /** JavaCV loads FFmpeg's device library once and keeps the failure; without it "lavfi" and V4L2 do not exist. */
    private static void requireDevices(String spec) throws MediaException {
        try {
            FFmpegFrameGrabber.tryLoad();
        } catch (FFmpegFrameGrabber.Exception e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            throw new MediaException(spec, "FFmpeg's device library did not load (" + root.getMessage()
                    + "); on Debian install libpulse0", e);
        }
    }
}
