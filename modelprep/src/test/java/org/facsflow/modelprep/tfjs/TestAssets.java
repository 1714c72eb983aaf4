package org.facsflow.modelprep.tfjs;

import org.facsflow.modelprep.SetupPackages;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The npm package files the real-model tests read, from the packages set-up obtained ({@link SetupPackages}).
 */
public final class TestAssets {
    private TestAssets() {
    }

    /** {@code models/<name>.json} of @vladmandic/human 3.3.6. */
    public static Path humanModel(String name) {
        return SetupPackages.file(SetupPackages.HUMAN, "package/models/" + name + ".json", "package/models/" + name + ".bin");
    }

    /** {@code model/<name>-weights_manifest.json} of @vladmandic/face-api 1.7.15. */
    public static Path faceApiManifest(String name) {
        return SetupPackages.file(SetupPackages.FACE_API, "package/model/" + name + "-weights_manifest.json",
                "package/model/" + name + ".bin");
    }

    /** face-api's demo/sample1.jpg: three women, 1920x1280. */
    public static BufferedImage sample1() {
        Path path = SetupPackages.file(SetupPackages.FACE_API, "package/demo/sample1.jpg");
        try {
            return ImageIO.read(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The square {@code (x, y, side)} of {@code image} (black outside it) resized bilinearly to
     * {@code size} x {@code size}, as NHWC RGB floats in 0..255.
     */
    public static float[] crop(BufferedImage image, int x, int y, int side, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        double scale = (double) size / side;
        g.drawImage(image, (int) Math.round(-x * scale), (int) Math.round(-y * scale),
            (int) Math.round(image.getWidth() * scale), (int) Math.round(image.getHeight() * scale), null);
        g.dispose();
        float[] rgb = new float[size * size * 3];
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                int pixel = out.getRGB(col, row);
                int i = (row * size + col) * 3;
                rgb[i] = (pixel >> 16) & 0xff;
                rgb[i + 1] = (pixel >> 8) & 0xff;
                rgb[i + 2] = pixel & 0xff;
            }
        }
        return rgb;
    }
}
