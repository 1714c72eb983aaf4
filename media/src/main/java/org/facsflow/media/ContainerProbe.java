package org.facsflow.media;

import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;

import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

/**
 * Checks a file against what its container header says, before the grabber opens it: JavaCV's grabber finds the
 * stream info (decoding frames to do so) and allocates a frame-sized RGB buffer as it starts, so a 16000 x 16000
 * video took 5.5 GB before its first frame was read. Only the header is read here (no decoding), which states the
 * frame size in MP4, MOV, MKV, WebM, AVI and most containers; where it does not (raw streams, MPEG-TS), the grabber's
 * size is checked once it has started, still before any frame is read.
 *
 * <p>It also refuses what FFmpeg would open but is no video: any file whose only reader is FFmpeg's text renderer
 * ({@code tty}: a long {@code .txt} file became a 36-frame "video"), a single still image in a format read by
 * FFmpeg's image readers (a JPEG named {@code .dat}), and files with no video stream but a cover picture.
 */
final class ContainerProbe {
    private ContainerProbe() {
    }

    /**
     * Fails with the reason when {@code file} is not a video facsflow reads. Returns quietly when the header cannot
     * be read at all: the grabber then reports FFmpeg's own reason.
     */
    static void check(Path file) throws MediaException {
        AVFormatContext container = new AVFormatContext(null);
        if (avformat_open_input(container, file.toString(), null, null) < 0) return;
        try {
            String format = container.iformat().name().getString();
            if (format.equals("tty")) throw new MediaException(file, "not an image or video (FFmpeg reads it only as text)");
            if (format.startsWith("image2") || format.endsWith("_pipe"))
                throw new MediaException(file, "not an image or video facsflow reads: a single "
                        + format.replace("_pipe", "").toUpperCase(Locale.ROOT) + " picture; still images are read by "
                        + "their extension (" + String.join(", ", StillImages.EXTENSIONS) + ")");
            boolean coverOnly = false;
            for (int i = 0; i < container.nb_streams(); i++) {
                AVStream stream = container.streams(i);
                AVCodecParameters codec = stream.codecpar();
                if (codec.codec_type() != AVMEDIA_TYPE_VIDEO) continue;
                if ((stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0) {
                    coverOnly = true;
                    continue;
                }
                String tooLarge = InputFiles.sizeProblem("video frames", codec.width(), codec.height());
                if (tooLarge != null) throw new MediaException(file, tooLarge);
                return;
            }
            if (coverOnly) throw new MediaException(file, "no video stream (only a cover picture)");
        } finally {
            avformat_close_input(container);
        }
    }
}
