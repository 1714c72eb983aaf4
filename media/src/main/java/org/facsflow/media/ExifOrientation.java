package org.facsflow.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.stream.ImageInputStream;

/**
 * The EXIF orientation of a JPEG (phones store portrait photos sideways and set this tag), and the turn that puts
 * the pixels upright. Faces lying on their side are not found by the detector, so stills are turned on reading, and
 * so are videos whose display matrix turns them (phones store portrait video sideways too).
 *
 * <p>The tag is read from the file's segments directly rather than through ImageIO's JPEG metadata, which rejects
 * the common layout of an EXIF segment before the JFIF one.
 */
final class ExifOrientation {
    static final int NORMAL = 1;
    private static final int SOI = 0xFFD8, SOS = 0xFFDA, EOI = 0xFFD9, APP1 = 0xFFE1;
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /**
     * The orientation (1-8) in the EXIF block of the JPEG at the start of {@code in}; {@link #NORMAL} when there is
     * none. Reads the segments before the image data and leaves the stream wherever it stopped.
     */
    static int ofJpeg(ImageInputStream in) throws IOException {
        in.seek(0);
        in.setByteOrder(ByteOrder.BIG_ENDIAN);
        if (in.readUnsignedShort() != SOI) return NORMAL;
        while (true) {
            int marker = in.readUnsignedShort();
            if ((marker & 0xFF00) != 0xFF00 || marker == SOS || marker == EOI) return NORMAL;
            int length = in.readUnsignedShort() - 2; // the length counts its own two bytes
            if (length < 0) return NORMAL;
            if (marker != APP1) {
                in.skipBytes(length);
                continue;
            }
            byte[] app1 = new byte[length];
            in.readFully(app1);
            int orientation = fromApp1(app1);
            if (orientation != NORMAL) return orientation;
        }
    }

    /** Reads tag 0x0112 from IFD0 of an APP1 payload: "Exif\0\0", then a TIFF header and directory. */
    private static int fromApp1(byte[] app1) {
        if (app1.length < 14 || app1[0] != 'E' || app1[1] != 'x' || app1[2] != 'i' || app1[3] != 'f') return NORMAL;
        ByteBuffer tiff = ByteBuffer.wrap(app1, 6, app1.length - 6).slice();
        tiff.order(tiff.get(0) == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int ifd = tiff.getInt(4);
        if (ifd < 8 || ifd + 2 > tiff.limit()) return NORMAL;
        int entries = tiff.getShort(ifd) & 0xffff;
        for (int i = 0, e = ifd + 2; i < entries && e + 12 <= tiff.limit(); i++, e += 12) {
            if ((tiff.getShort(e) & 0xffff) == ORIENTATION_TAG) {
                int value = tiff.getShort(e + 8) & 0xffff;
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    /**
     * The orientation that shows a frame stored unturned as a player shows it when the video's display matrix turns
     * it {@code clockwiseDegrees} (rounded to quarter turns; phones record 90 or 270).
     */
    static int ofClockwiseTurn(double clockwiseDegrees) {
        return switch (Math.floorMod(Math.round(clockwiseDegrees / 90), 4)) {
            case 1 -> 6;
            case 2 -> 3;
            case 3 -> 8;
            default -> NORMAL;
        };
    }

    /** Whether the orientation swaps width and height. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5;
    }

    /** The image as it should be shown: mirrored and/or turned by quarter turns, in one pass. */
    static RgbImage upright(RgbImage stored, int orientation) {
        if (orientation == NORMAL) return stored;
        boolean swaps = swapsSides(orientation);
        return new RgbImage(swaps ? stored.height() : stored.width(), swaps ? stored.width() : stored.height(),
                upright(stored.rgb(), stored.width(), stored.height(), orientation), stored.timestampSeconds());
    }

    /** As {@link #upright(RgbImage, int)} on interleaved RGB of {@code w x h}, into a new array. */
    static byte[] upright(byte[] src, int w, int h, int orientation) {
        int outW = swapsSides(orientation) ? h : w, outH = swapsSides(orientation) ? w : h;
        // Source pixel of output (x, y): sx = x0 + sxPerX * x + sxPerY * y, likewise sy.
        int[] m = switch (orientation) {
            case 1 -> new int[] {0, 1, 0, 0, 0, 1};
            case 2 -> new int[] {w - 1, -1, 0, 0, 0, 1};
            case 3 -> new int[] {w - 1, -1, 0, h - 1, 0, -1};
            case 4 -> new int[] {0, 1, 0, h - 1, 0, -1};
            case 5 -> new int[] {0, 0, 1, 0, 1, 0};
            case 6 -> new int[] {0, 0, 1, h - 1, -1, 0};
            case 7 -> new int[] {w - 1, 0, -1, h - 1, -1, 0};
            case 8 -> new int[] {w - 1, 0, -1, 0, 1, 0};
            default -> throw new IllegalArgumentException("EXIF orientation " + orientation);
        };
        byte[] out = new byte[src.length];
        int o = 0;
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int sx = m[0] + m[1] * x + m[2] * y, sy = m[3] + m[4] * x + m[5] * y;
                int s = (sy * w + sx) * 3;
                out[o++] = src[s];
                out[o++] = src[s + 1];
                out[o++] = src[s + 2];
            }
        }
        return out;
    }
}
