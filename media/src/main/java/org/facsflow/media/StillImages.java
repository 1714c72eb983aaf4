package org.facsflow.media;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads one still image (JPEG, PNG, BMP, GIF, TIFF, WBMP: the JDK's ImageIO readers; WebP, lossy and lossless:
 * TwelveMonkeys' ImageIO reader) into {@link RgbImage}. A JPEG's EXIF orientation is applied, so the result is the
 * picture as a viewer shows it.
 *
 * <p>Animations are not stills: an animated GIF is not {@link #isImage an image} but a video (FFmpeg reads its frames
 * with their delays), and {@link #read} refuses an animated GIF or WebP rather than keep its first frame alone
 * (FFmpeg cannot decode animated WebP, so that one must be converted to a video first). Of a multi-page TIFF the
 * first page is read.
 */
public final class StillImages {
    /** Longest side accepted. Larger images are refused before decoding (see {@link #MAX_PIXELS}). */
    public static final int MAX_SIDE = 16384;
    /**
     * Most pixels accepted: 100 megapixels need about 300 MB for the decoded image and 300 MB for the RGB copy,
     * which a default-sized heap on a small machine can still hold. Checked from the header, before decoding.
     */
    public static final long MAX_PIXELS = 100_000_000L;

    /** File extensions read as still images (lower case): what a folder is searched for. */
    public static final List<String> EXTENSIONS = List.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "webp");

    private StillImages() {
    }

    /**
     * Whether the file is a still image: its extension is one of {@link #EXTENSIONS} and it is not an animated GIF
     * (which is a video). Only a GIF's header blocks are read to tell; a file that cannot be read counts as its
     * extension says, so that reading it reports the problem.
     */
    public static boolean isImage(Path file) {
        return hasImageExtension(file) && !(extension(file).equals("gif") && frameCount(file) > 1);
    }

    /** Whether the file's extension is one of {@link #EXTENSIONS} (any case): what a folder is searched for. */
    public static boolean hasImageExtension(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    private static String extension(Path file) {
        Path name = file.getFileName();
        int dot = name == null ? -1 : name.toString().lastIndexOf('.');
        return dot < 0 ? "" : name.toString().substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** How many pictures the file holds; 0 when no reader takes it or it cannot be read. */
    private static int frameCount(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) return 0;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                return reader.getNumImages(true);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    public static RgbImage read(Path file) throws MediaException {
        InputFiles.requireNonEmptyFile(file);
        Decoded decoded = decode(file);
        RgbImage stored = new RgbImage(decoded.image().getWidth(), decoded.image().getHeight(),
                RasterToRgb.convert(decoded.image()));
        return ExifOrientation.upright(stored, decoded.orientation());
    }

    private record Decoded(BufferedImage image, int orientation) {
    }

    private static Decoded decode(Path file) throws MediaException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new MediaException(file, "not an image (unrecognised format)");
            ImageReader reader = readers.next();
            try {
                return decode(file, reader, in);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // Readers throw unchecked exceptions (IllegalArgumentException, ArrayIndexOutOfBoundsException...) on
            // malformed data as well as IOExceptions.
            throw new MediaException(file, "corrupt or truncated image (" + describe(e) + ")", e);
        }
    }

    private static Decoded decode(Path file, ImageReader reader, ImageInputStream in)
            throws IOException, MediaException {
        int orientation = "JPEG".equalsIgnoreCase(reader.getFormatName())
                ? ExifOrientation.ofJpeg(in) : ExifOrientation.NORMAL;
        in.seek(0);
        if (isAnimationFormat(reader)) {
            reader.setInput(in, false, true);
            int frames = reader.getNumImages(true);
            if (frames > 1) throw new MediaException(file, animationProblem(reader.getFormatName(), frames));
            in.seek(0);
        }
        reader.setInput(in, true, true);
        int width = reader.getWidth(0), height = reader.getHeight(0);
        String tooLarge = InputFiles.sizeProblem("image", width, height);
        if (tooLarge != null) throw new MediaException(file, tooLarge);
        TruncationWarning truncation = new TruncationWarning();
        reader.addIIOReadWarningListener(truncation);
        BufferedImage image = reader.read(0);
        if (truncation.message != null)
            throw new MediaException(file, "corrupt or truncated image (" + truncation.message + ")");
        return new Decoded(image, orientation);
    }

    private static boolean isAnimationFormat(ImageReader reader) throws IOException {
        String format = reader.getFormatName();
        return format.equalsIgnoreCase("gif") || format.equalsIgnoreCase("webp");
    }

    private static String animationProblem(String format, int frames) {
        return format.equalsIgnoreCase("gif")
                ? "an animated GIF (" + frames + " frames) is a video, not a still image: analyse it as a video"
                : "an animated WebP (" + frames + " frames): only still WebP images are read; convert the animation "
                + "to a video (e.g. MP4) to analyse it";
    }

    /**
     * The JPEG reader does not fail on a cut-off file: it warns and fills the rest with gray. Only that warning
     * counts; others (a missing end marker, extra bytes between segments) are common in camera files and harmless.
     */
    private static final class TruncationWarning implements IIOReadWarningListener {
        String message;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            if (message == null && warning.toLowerCase(Locale.ROOT).contains("premature end")) message = warning;
        }
    }

    private static String describe(Exception e) {
        if (e instanceof EOFException) return "unexpected end of file";
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
