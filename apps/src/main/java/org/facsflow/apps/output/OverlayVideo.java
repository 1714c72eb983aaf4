package org.facsflow.apps.output;

import org.bytedeco.ffmpeg.global.avutil;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.media.RgbImage;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The annotated copy of a video: {@link OverlayRenderer} on every frame, written by an {@link Mp4Writer} (atomic,
 * each frame at its own timestamp).
 */
public final class OverlayVideo implements AutoCloseable {
    private final Mp4Writer video;
    private final OverlayRenderer renderer;

    private OverlayVideo(Mp4Writer video, OverlayRenderer renderer) {
        this.video = video;
        this.renderer = renderer;
    }

    /** @param fps the source's frame rate; 0 when unknown */
    public static OverlayVideo start(Path target, int width, int height, double fps, boolean drawMesh) throws IOException {
        return new OverlayVideo(Mp4Writer.start(target, width, height, fps), new OverlayRenderer(drawMesh));
    }

    /** Draws the faces measured in this frame over it and appends it. */
    public void write(RgbImage image, List<FaceObservation> faces, CameraIntrinsics camera) throws IOException {
        BufferedImage drawn = renderer.render(image, faces, camera);
        video.write(((DataBufferByte) drawn.getRaster().getDataBuffer()).getData(), avutil.AV_PIX_FMT_BGR24,
                image.timestampSeconds());
    }

    public void commit() throws IOException {
        video.commit();
    }

    @Override
    public void close() throws IOException {
        video.close();
    }
}
