package org.facsflow.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder of still images read as one video (as OpenFace's {@code -fdir}): the image files in natural name order
 * ({@code frame2} before {@code frame10}), one frame each, timed {@code index / frameRate} seconds since image
 * sequences carry no clock. Files that are not images are ignored. One image is held at a time, so a long sequence
 * needs no more memory than a short one. Every image must have the first one's size.
 */
final class ImageSequenceSource implements VideoSource {
    private final Path folder;
    private final List<Path> images;
    private final double frameRate;
    private final int width, height;
    private RgbImage first;
    private int next;

    private ImageSequenceSource(Path folder, List<Path> images, double frameRate, RgbImage first) {
        this.folder = folder;
        this.images = images;
        this.frameRate = frameRate;
        this.first = first;
        this.width = first.width();
        this.height = first.height();
    }

    static ImageSequenceSource open(Path folder, double frameRate) throws MediaException {
        if (!(frameRate > 0)) throw new MediaException(folder, "frame rate must be positive, not " + frameRate);
        if (!Files.isDirectory(folder))
            throw new MediaException(folder, Files.exists(folder) ? "not a folder (frames: reads a folder of images)"
                    : "folder not found");
        List<Path> images;
        try (Stream<Path> listing = Files.list(folder)) {
            images = listing.filter(p -> Files.isRegularFile(p) && StillImages.hasImageExtension(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString(), ImageSequenceSource::naturalOrder))
                    .toList();
        } catch (IOException e) {
            throw new MediaException(folder, "cannot list the folder (" + e.getMessage() + ")", e);
        }
        if (images.isEmpty())
            throw new MediaException(folder, "folder has no image files (" + String.join(", ", StillImages.EXTENSIONS) + ")");
        return new ImageSequenceSource(folder, images, frameRate, StillImages.read(images.get(0)));
    }

    @Override
    public RgbImage next() throws MediaException {
        if (next >= images.size()) return null;
        Path file = images.get(next);
        RgbImage image = first != null ? first : StillImages.read(file);
        first = null;
        if (image.width() != width || image.height() != height)
            throw new MediaException(file, String.format(Locale.ROOT,
                    "is %dx%d, but the sequence's first image (%s) is %dx%d", image.width(), image.height(),
                    images.get(0).getFileName(), width, height));
        return new RgbImage(width, height, image.rgb(), next++ / frameRate);
    }

    @Override
    public double frameRate() {
        return frameRate;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public long frameCountEstimate() {
        return images.size();
    }

    @Override
    public void close() {
        first = null;
    }

    @Override
    public String toString() {
        return "image sequence " + folder;
    }

    /** Compares names with runs of digits as numbers: img9.png < img10.png; equal numbers fall back to the text. */
    static int naturalOrder(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i), cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitsEnd(a, i), endB = digitsEnd(b, j);
                String na = stripZeros(a.substring(i, endA)), nb = stripZeros(b.substring(j, endB));
                int byValue = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (byValue != 0) return byValue;
                i = endA;
                j = endB;
            } else {
                if (ca != cb) return Character.compare(ca, cb);
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) end++;
        return end;
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') k++;
        return digits.substring(k);
    }
}
