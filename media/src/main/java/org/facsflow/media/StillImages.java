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
 * Reads one still image (JPEG, PNG, BMP, GIF, TIFF, WBMP: the JDK's ImageIO readers; WebP has no reader here) into
 * {@link RgbImage}. Of a multi-image file (animated GIF, multi-page TIFF) only the first image is read. A JPEG's EXIF
 * orientation is applied, so the result is the picture as a viewer shows it.
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

    /** Whether the file's extension is one of {@link #EXTENSIONS} (any case). */
    public static boolean isImage(Path file) {
        Path name = file.getFileName();
        if (name == null) return false;
        int dot = name.toString().lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.toString().substring(dot + 1).toLowerCase(Locale.ROOT));
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
        reader.setInput(in, true, true);
        int width = reader.getWidth(0), height = reader.getHeight(0);
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS)
            throw new MediaException(file, String.format(Locale.ROOT,
                    "image too large (%dx%d; the limit is %d pixels a side and %d megapixels)",
                    width, height, MAX_SIDE, MAX_PIXELS / 1_000_000));
        TruncationWarning truncation = new TruncationWarning();
        reader.addIIOReadWarningListener(truncation);
        BufferedImage image = reader.read(0);
        if (truncation.message != null)
            throw new MediaException(file, "corrupt or truncated image (" + truncation.message + ")");
        return new Decoded(image, orientation);
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
