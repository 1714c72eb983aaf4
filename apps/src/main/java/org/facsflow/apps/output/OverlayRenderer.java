package org.facsflow.apps.output;

import org.facsflow.face.FaceObservation;
import org.facsflow.face.Gaze;
import org.facsflow.face.HeadPose;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.media.RgbImage;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws what the face stage measured over the frame: face box and id, the 68 landmarks (or the whole mesh), head-pose
 * axes (x red, y green, z blue, 5 cm) and gaze rays. Lines scale with the face so small and large faces both read.
 */
public final class OverlayRenderer {
    private static final float AXIS_MM = 50, GAZE_MM = 80;
    private final boolean drawMesh, drawPose, drawGaze;

    public OverlayRenderer(boolean drawMesh) {
        this(drawMesh, true, true);
    }

    /** Besides box and points, draws the head-pose axes and the gaze rays only where asked (the live window toggles them). */
    public OverlayRenderer(boolean drawMesh, boolean drawPose, boolean drawGaze) {
        this.drawMesh = drawMesh;
        this.drawPose = drawPose;
        this.drawGaze = drawGaze;
    }

    public BufferedImage render(RgbImage frame, List<FaceObservation> faces, CameraIntrinsics camera) {
        BufferedImage image = frame.toBufferedImage();
        Graphics2D g = image.createGraphics();
        draw(g, faces, camera);
        g.dispose();
        return image;
    }

    /** Draws onto {@code g} in the frame's pixel coordinates (give {@code g} a transform to draw on a scaled view). */
    public void draw(Graphics2D g, List<FaceObservation> faces, CameraIntrinsics camera) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (FaceObservation face : faces) draw(g, face, camera);
    }

    private void draw(Graphics2D g, FaceObservation face, CameraIntrinsics camera) {
        float unit = Math.max(1.5f, face.box().width() / 120f);
        g.setStroke(new BasicStroke(unit));
        g.setColor(new Color(255, 200, 0));
        g.draw(new java.awt.geom.Rectangle2D.Float(face.box().x(), face.box().y(), face.box().width(), face.box().height()));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(Math.max(12, unit * 8))));
        g.drawString("face " + face.faceId(), face.box().x(), face.box().y() - unit * 3);

        float[] points = drawMesh ? face.mesh() : face.landmarks68();
        int stride = drawMesh ? 3 : 2;
        float r = drawMesh ? unit * 0.6f : unit * 1.2f;
        g.setColor(drawMesh ? new Color(120, 255, 255, 180) : new Color(0, 255, 0));
        for (int i = 0; i + 1 < points.length; i += stride)
            g.fill(new Ellipse2D.Float(points[i] - r, points[i + 1] - r, 2 * r, 2 * r));

        if (drawPose) axes(g, face.pose(), camera, unit);
        if (drawGaze) {
            Gaze gaze = face.gaze();
            g.setColor(new Color(255, 60, 255));
            ray(g, camera, gaze.eyeball0(), gaze.direction0());
            ray(g, camera, gaze.eyeball1(), gaze.direction1());
        }
    }

    private static void axes(Graphics2D g, HeadPose pose, CameraIntrinsics camera, float unit) {
        float[] origin = {pose.tx(), pose.ty(), pose.tz()};
        Color[] axisColours = {Color.RED, Color.GREEN, Color.BLUE};
        g.setStroke(new BasicStroke(unit * 1.5f));
        for (int axis = 0; axis < 3; axis++) {
            float[] end = new float[3];
            for (int row = 0; row < 3; row++) end[row] = origin[row] + pose.rotation()[row * 3 + axis] * AXIS_MM;
            g.setColor(axisColours[axis]);
            line(g, camera, origin, end);
        }
    }

    private static void ray(Graphics2D g, CameraIntrinsics camera, float[] from, float[] direction) {
        if (Float.isNaN(direction[0])) return;
        float[] to = new float[3];
        for (int i = 0; i < 3; i++) to[i] = from[i] + direction[i] * GAZE_MM;
        line(g, camera, from, to);
    }

    private static void line(Graphics2D g, CameraIntrinsics k, float[] a, float[] b) {
        if (a[2] <= 0 || b[2] <= 0) return;
        g.draw(new Line2D.Double(k.fx() * a[0] / a[2] + k.cx(), k.fy() * a[1] / a[2] + k.cy(),
                k.fx() * b[0] / b[2] + k.cx(), k.fy() * b[1] / b[2] + k.cy()));
    }
}
