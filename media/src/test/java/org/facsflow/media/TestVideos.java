package org.facsflow.media;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** Writes small videos with known content for the tests. */
final class TestVideos {
    static final int WIDTH = 66; // not a multiple of 16: decoders pad such rows, which the reader must skip
    static final int HEIGHT = 50;
    static final double FPS = 30;
    static final int[] LEFT = {200, 40, 40};

    static {
        // As VideoSources does; set here too because the recorder runs first and logs its settings otherwise.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private TestVideos() {
    }

    /** The right half's colour in frame {@code index}; the left half is always {@link #LEFT}. */
    static int[] right(int index) {
        return new int[] {0, 6 * index, 255 - 6 * index};
    }

    /**
     * Writes one frame at each of {@code frameIndices} (in units of 1/{@link #FPS} s), so gaps in the indices give
     * a variable frame rate.
     */
    static void write(Path file, String format, int codec, int... frameIndices) throws Exception {
        write(file, format, codec, 0, frameIndices);
    }

    /**
     * As {@link #write(Path, String, int, int...)}, with a display matrix that turns the frames {@code displayRotation}
     * degrees counter-clockwise for showing (FFmpeg's convention, as its {@code -display_rotation} option).
     */
    static void write(Path file, String format, int codec, double displayRotation, int... frameIndices) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT)) {
            recorder.setFormat(format);
            recorder.setVideoCodec(codec);
            if (displayRotation != 0) recorder.setDisplayRotation(displayRotation);
            recorder.setFrameRate(FPS);
            recorder.setVideoBitrate(2_000_000); // ample for 66x50, so colours survive and can be checked
            recorder.setPixelFormat(switch (codec) {
                case avcodec.AV_CODEC_ID_MJPEG -> avutil.AV_PIX_FMT_YUVJ420P;
                case avcodec.AV_CODEC_ID_GIF -> avutil.AV_PIX_FMT_RGB8;
                default -> avutil.AV_PIX_FMT_YUV420P;
            });
            recorder.start();
            Frame frame = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
            ByteBuffer pixels = (ByteBuffer) frame.image[0];
            for (int index : frameIndices) {
                int[] right = right(index);
                for (int y = 0; y < HEIGHT; y++) {
                    for (int x = 0; x < WIDTH; x++) {
                        int[] c = x < WIDTH / 2 ? LEFT : right;
                        int p = y * frame.imageStride + x * 3;
                        for (int k = 0; k < 3; k++) pixels.put(p + k, (byte) c[k]);
                    }
                }
                recorder.setFrameNumber(index);
                recorder.record(frame, avutil.AV_PIX_FMT_RGB24);
            }
        }
    }

    static int[] frames(int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) indices[i] = i;
        return indices;
    }

    /** One second of silence in a WAV file: a media file without video. */
    static void writeAudioOnly(Path file) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            recorder.setFormat("wav");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S16LE);
            recorder.setSampleRate(8000);
            recorder.start();
            recorder.recordSamples(ShortBuffer.allocate(8000));
        }
    }
}
