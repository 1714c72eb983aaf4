package org.facsflow.fusion.voice;

import org.facsflow.media.voice.VoiceFrame;
import org.facsflow.media.voice.VoiceTrack;
import org.facsflow.pipeline.FaceResult;
import org.facsflow.pipeline.FrameResult;
import org.facsflow.pipeline.ResultSink;
import org.facsflow.pipeline.SourceInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Puts the recording's voice on the row of the face that is speaking, between the pipeline and a sink of rows (the
 * CSV writer): each frame's {@link VoiceFrame} over [t, t + one frame) goes to
 * <ul>
 *   <li>the one tracked face, when there is one (found in the frame or not: it is still that person's row);</li>
 *   <li>with several, the face whose mouth opening ({@link MouthOpening}) correlates best (Pearson r) with voice
 *       activity over the {@value #WINDOW_S} s centred on the frame, if r is at least {@value #MIN_CORRELATION} and
 *       the face was measured in at least half of the window's frames; its r goes with it
 *       ({@code voice_mouth_r}). Nobody gets it where no face qualifies (an off-screen voice, a window of constant
 *       speech or silence, where r is undefined).</li>
 * </ul>
 * Frames are handed on in order, {@value #WINDOW_S}/2 s late (the window around a frame must be complete),
 * without their image (hand frames to an overlay directly, not through this). Call {@link #finish()} after the video.
 * With no voice (no audio track, silence, music) it hands every frame on at once, unchanged.
 *
 * @param <E> what the next sink throws
 */
public final class SpeakerAttribution<E extends Exception> implements ResultSink<E> {
    public static final double WINDOW_S = 4, MIN_CORRELATION = 0.2, MIN_MEASURED_SHARE = 0.5;

    private record Pending(FrameResult frame, VoiceFrame voice, Map<Integer, Double> mouth) {
    }

    private final Supplier<VoiceTrack> voice;
    private final ResultSink<E> next;
    private final List<Pending> window = new ArrayList<>();
    private int nextToEmit;
    private VoiceTrack track;
    private boolean resolved;
    private double frameSeconds = 1 / 30.0;

    /** @param voice the recording's voice, asked for at the first frame; it may give null (no voice) */
    public SpeakerAttribution(Supplier<VoiceTrack> voice, ResultSink<E> next) {
        this.voice = voice;
        this.next = next;
    }

    @Override
    public void begin(SourceInfo source) throws E {
        if (source.frameRate() > 0) frameSeconds = 1 / source.frameRate();
        next.begin(source);
    }

    @Override
    public void accept(FrameResult frame) throws E {
        if (!resolved) {
            VoiceTrack t = voice.get();
            track = t != null && t.speech() ? t : null;
            resolved = true;
        }
        if (track == null) {
            next.accept(frame);
            return;
        }
        Map<Integer, Double> mouth = new HashMap<>();
        for (FaceResult face : frame.faces()) mouth.put(face.faceId(), MouthOpening.millimetres(face.face()));
        window.add(new Pending(new FrameResult(frame.frame(), frame.time(), null, frame.camera(), frame.faces()),
                track.over(frame.time(), frame.time() + frameSeconds), mouth));
        while (nextToEmit < window.size() && window.get(nextToEmit).frame().time() < frame.time() - WINDOW_S / 2)
            emit(nextToEmit++);
        // Frames older than a half window before the next to emit are no longer in anyone's window.
        int stale = 0;
        while (stale < nextToEmit && window.get(stale).frame().time() < window.get(nextToEmit).frame().time() - WINDOW_S / 2) stale++;
        if (stale > 0) {
            window.subList(0, stale).clear();
            nextToEmit -= stale;
        }
    }

    /** Hands on the frames still held. */
    public void finish() throws E {
        while (nextToEmit < window.size()) emit(nextToEmit++);
        window.clear();
        nextToEmit = 0;
    }

    private void emit(int index) throws E {
        Pending p = window.get(index);
        List<FaceResult> faces = p.frame().faces();
        if (p.voice() == null || faces.isEmpty()) {
            next.accept(p.frame());
            return;
        }
        int speaker = faces.size() == 1 ? faces.get(0).faceId() : -1;
        double best = Double.NaN;
        if (faces.size() > 1) {
            for (FaceResult face : faces) {
                double r = correlation(index, face.faceId());
                if (r >= MIN_CORRELATION && !(r <= best)) {
                    best = r;
                    speaker = face.faceId();
                }
            }
        }
        List<FaceResult> attributed = new ArrayList<>(faces.size());
        for (FaceResult face : faces)
            attributed.add(face.faceId() == speaker ? face.withVoice(faces.size() == 1 ? p.voice() : p.voice().attributedBy(best)) : face);
        next.accept(new FrameResult(p.frame().frame(), p.frame().time(), null, p.frame().camera(), attributed));
    }

    /** Pearson r of the face's mouth opening with voice activity over the window around frame {@code index}. */
    private double correlation(int index, int faceId) {
        double t = window.get(index).frame().time();
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0, frames = 0;
        for (Pending p : window) {
            if (Math.abs(p.frame().time() - t) > WINDOW_S / 2 || p.voice() == null) continue;
            frames++;
            Double m = p.mouth().get(faceId);
            if (m == null || Double.isNaN(m)) continue;
            double y = p.voice().active();
            sx += m;
            sy += y;
            sxx += m * m;
            syy += y * y;
            sxy += m * y;
            n++;
        }
        if (n < 3 || n < MIN_MEASURED_SHARE * frames) return Double.NaN;
        double vx = sxx - sx * sx / n, vy = syy - sy * sy / n;
        if (vx <= 0 || vy <= 0) return Double.NaN;
        return (sxy - sx * sy / n) / Math.sqrt(vx * vy);
    }
}
