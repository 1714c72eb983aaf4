package org.facsflow.media;

import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Copies a decoded {@link BufferedImage} into interleaved 8-bit RGB in one pass over its raster data.
 *
 * <p>Rules, the same on every path: gray is replicated to R=G=B; 16-bit samples are rounded to 8 bits;
 * alpha is composited onto black (c * a), so transparent areas come out black whatever colour they stored; colour
 * profiles are ignored and samples taken as sRGB, as OpenCV's imread does (the reference tool reads images that way).
 *
 * <p>Component images with byte or 16-bit samples (what JPEG, PNG, BMP and TIFF readers produce) and palette images
 * (GIF, palette PNG, 1-8 bit BMP) are read from the raster directly. Anything else (packed 16/32-bit pixels, CMYK,
 * banded data) is first drawn into a 3-byte image by Java2D, which costs one extra image in memory.
 */
final class RasterToRgb {
    private RasterToRgb() {
    }

    static byte[] convert(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel palette) return fromPalette(image.getRaster(), palette);
        return fromComponents(isReadableComponentImage(image) ? image : drawnAs3ByteBgr(image));
    }

    /**
     * Full-range 8 or 16-bit samples, in one bank, gray or RGB with or without alpha: the layouts the direct loop
     * reads. (A 12-bit TIFF also stores unsigned shorts, but not full range, so it takes the general path.)
     */
    private static boolean isReadableComponentImage(BufferedImage image) {
        if (!(image.getColorModel() instanceof ComponentColorModel cm)) return false;
        if (!(image.getSampleModel() instanceof ComponentSampleModel sm)) return false;
        int type = cm.getColorSpace().getType();
        int bits = switch (sm.getDataType()) {
            case DataBuffer.TYPE_BYTE -> 8;
            case DataBuffer.TYPE_USHORT -> 16;
            default -> 0;
        };
        return bits > 0
                && Arrays.stream(cm.getComponentSize()).allMatch(size -> size == bits)
                && image.getRaster().getDataBuffer().getNumBanks() == 1
                && (type == ColorSpace.TYPE_GRAY || type == ColorSpace.TYPE_RGB)
                && cm.getNumComponents() == sm.getNumBands();
    }

    private static BufferedImage drawnAs3ByteBgr(BufferedImage image) {
        // A new image is all zeros, so drawing composites any alpha onto black, like the direct paths.
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return bgr;
    }

    /** Reads 8 or 16-bit samples from a single bank, returning them scaled to 0-255. */
    private interface Samples {
        int at(int index);

        static Samples of(DataBuffer data) {
            if (data instanceof DataBufferByte bytes) {
                byte[] b = bytes.getData();
                return i -> b[i] & 0xff;
            }
            short[] s = ((DataBufferUShort) data).getData();
            return i -> ((s[i] & 0xffff) * 255 + 32767) / 65535;
        }
    }

    private static byte[] fromComponents(BufferedImage image) {
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
        int w = raster.getWidth(), h = raster.getHeight();
        int bands = sm.getNumBands();
        boolean alpha = cm.hasAlpha();
        boolean multiplyAlpha = alpha && !cm.isAlphaPremultiplied();
        int colourBands = alpha ? bands - 1 : bands; // 1 = gray, 3 = RGB; alpha is always the last band
        int[] offsets = sm.getBandOffsets();
        int r = offsets[0], g = offsets[colourBands == 1 ? 0 : 1], b = offsets[colourBands == 1 ? 0 : 2];
        int a = offsets[bands - 1];
        int pixelStride = sm.getPixelStride(), scanlineStride = sm.getScanlineStride();
        DataBuffer data = raster.getDataBuffer();
        Samples samples = Samples.of(data);
        // Where pixel (0, 0) of this raster starts in the bank; non-zero only for sub-rasters.
        int origin = data.getOffset() - raster.getSampleModelTranslateY() * scanlineStride
                - raster.getSampleModelTranslateX() * pixelStride;

        byte[] rgb = new byte[w * h * 3];
        int out = 0;
        for (int y = 0; y < h; y++) {
            int p = origin + y * scanlineStride;
            for (int x = 0; x < w; x++, p += pixelStride) {
                int cr = samples.at(p + r), cg = samples.at(p + g), cb = samples.at(p + b);
                if (multiplyAlpha) {
                    int ca = samples.at(p + a);
                    cr = onBlack(cr, ca);
                    cg = onBlack(cg, ca);
                    cb = onBlack(cb, ca);
                }
                rgb[out++] = (byte) cr;
                rgb[out++] = (byte) cg;
                rgb[out++] = (byte) cb;
            }
        }
        return rgb;
    }

    private static byte[] fromPalette(Raster raster, IndexColorModel palette) {
        // Sized for every index the pixels can hold, so a corrupt index past the palette's end reads black.
        int size = Math.max(palette.getMapSize(), 1 << raster.getSampleModel().getSampleSize(0));
        byte[] pr = new byte[size], pg = new byte[size], pb = new byte[size], pa = new byte[size];
        palette.getReds(pr);
        palette.getGreens(pg);
        palette.getBlues(pb);
        palette.getAlphas(pa);
        // Composite the palette once instead of every pixel.
        for (int i = 0; i < size; i++) {
            int alpha = pa[i] & 0xff;
            pr[i] = (byte) onBlack(pr[i] & 0xff, alpha);
            pg[i] = (byte) onBlack(pg[i] & 0xff, alpha);
            pb[i] = (byte) onBlack(pb[i] & 0xff, alpha);
        }
        int w = raster.getWidth(), h = raster.getHeight();
        int[] row = new int[w]; // the sample model unpacks 1, 2 and 4-bit indices for us, a row at a time
        byte[] rgb = new byte[w * h * 3];
        int out = 0;
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int index = row[x];
                rgb[out++] = pr[index];
                rgb[out++] = pg[index];
                rgb[out++] = pb[index];
            }
        }
        return rgb;
    }

    private static int onBlack(int colour, int alpha) {
        return (colour * alpha + 127) / 255;
    }
}
